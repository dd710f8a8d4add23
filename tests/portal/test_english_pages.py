"""The English locale: chosen by the language cookie, the main pages render their headings in English."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import EditionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_home_in_english_shows_english_headings(english, yuncheng, open_edition):
    html = english.get("/").content.decode()

    assert '<html lang="en">' in html
    assert '<h2 class="section-title" id="stages-title">Progress of the edition</h2>' in html
    assert '<h2 class="section-title" id="notices-title">Public notices</h2>' in html
    assert '<h2 class="section-title" id="document-title">Legal basis</h2>' in html
    assert '<h2 class="section-title" id="facts-title">Before you apply</h2>' in html
    assert "评选进程" not in html
    assert "申报须知" not in html


def test_notice_list_in_english_shows_english_heading_and_empty_state(english, yuncheng):
    html = english.get(reverse("notices:public_list")).content.decode()

    assert "<h1>Public notices</h1>" in html
    assert '<h2 class="section-title" id="running-title">Under public notice</h2>' in html
    assert "No lists are under public notice at present" in html
    assert "<h1>公示公告</h1>" not in html
    assert "当前没有正在公示的名单" not in html


def test_registration_in_english_shows_english_heading_and_choices(english, yuncheng):
    html = english.get(reverse("applicants:register")).content.decode()

    assert "<h1>Applicant registration</h1>" in html
    assert "Apply as an organisation" in html
    assert "Apply as an individual" in html
    assert "申报者注册" not in html
    assert "以组织名义申报" not in html


def test_office_editions_in_english_shows_english_heading(english, yuncheng):
    EditionFactory(program=yuncheng, number=2, year=2026, title="第二届运城市市长质量奖")
    english.force_login(UserFactory(roles=["office"]))

    html = english.get(reverse("programs:edition_list")).content.decode()

    assert "<h1>Editions</h1>" in html
    assert "New edition" in html
    assert "Editions, newest award year first" in html
    assert "<h1>届次管理</h1>" not in html
    assert "新建届次" not in html


def test_chinese_stays_the_default_without_the_cookie(client, yuncheng):
    html = client.get(reverse("notices:public_list")).content.decode()

    assert "<h1>公示公告</h1>" in html
    assert "<h1>Public notices</h1>" not in html
