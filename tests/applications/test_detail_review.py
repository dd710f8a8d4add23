"""The application page from each reader's side: where it leads back to, and whose contact it shows."""

import pytest
from django.test import Client
from django.urls import reverse

from qaward.accounts.enums import Role
from qaward.applications import services
from tests.applications.factories import SUPERVISION, ApplicationFactory, complete, staff

pytestmark = pytest.mark.django_db


def _page(user, app) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("applications:detail", args=[app.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def submitted():
    app = complete(ApplicationFactory(contact_phone="13903590001", contact_email="wang@example.com"))
    representative = app.applicant.representative
    app = services.perform(app, "submit", representative)
    app.representative = representative
    return app


def test_receiver_sees_the_contact_in_full_and_a_way_back_to_the_inbox(submitted):
    html = _page(staff(Role.COUNTY_MSA, "盐湖区市场监督管理局"), submitted)

    assert "13903590001 wang@example.com" in html
    assert f'<li class="breadcrumb-item"><a href="{reverse("applications:inbox")}">申报审核</a></li>' in html


def test_supervision_reads_the_contact_masked(submitted):
    html = _page(staff(Role.SUPERVISION, SUPERVISION), submitted)

    assert "139****0001 wa***@example.com" in html
    assert "13903590001" not in html


def test_applicant_goes_back_to_my_applications(submitted):
    html = _page(submitted.representative, submitted)

    assert f'<li class="breadcrumb-item"><a href="{reverse("applications:list")}">我的申报</a></li>' in html


def test_checklist_names_the_article_not_the_rule_code(submitted):
    html = _page(submitted.representative, submitted)

    assert 'data-code="org_not_local"' in html
    assert "<code>org_not_local</code>" not in html
