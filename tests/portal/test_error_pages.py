"""Friendly Chinese error pages instead of Django's bare English ones."""

import pytest
from django.test import Client
from django.urls import path

from tests.factories import UserFactory


def _boom(request):
    raise RuntimeError("deliberate failure")


urlpatterns = [path("boom/", _boom)]


@pytest.fixture
def production_errors(settings):
    settings.DEBUG = False


def test_404_page_is_chinese_with_a_way_back(client, db, production_errors):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'data-testid="error-404"' in html
    assert "页面不存在" in html
    assert 'href="/"' in html


def test_403_page_explains_and_links_to_workbench(client, db, production_errors):
    client.force_login(UserFactory(roles=["applicant"]))

    response = client.get("/office/editions/")

    assert response.status_code == 403
    html = response.content.decode()
    assert 'data-testid="error-403"' in html
    assert "您没有访问此页面的权限" in html
    assert 'href="/workbench/"' in html


def test_500_page_renders_without_context_processors(db, settings, production_errors):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "系统暂时出错" in html
    assert "{%" not in html


def test_csrf_failure_page_is_chinese(db, production_errors):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "页面已过期，请刷新后重新提交" in response.content.decode()
