"""The edition page's 申报情况: applications by state and by county, with the numbers as a table."""

import pytest
from django.test import Client
from django.urls import reverse

from qaward.accounts.enums import Role
from qaward.applications import services
from qaward.applications.presenters import edition_statistics
from tests.applications.factories import (
    SUPERVISION,
    ApplicationFactory,
    IndividualApplicantFactory,
    complete,
    office_user,
    staff,
)

pytestmark = pytest.mark.django_db


def _submitted(**kwargs):
    app = complete(ApplicationFactory(**kwargs))
    return services.perform(app, "submit", app.applicant.representative)


def _page(user, edition) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("programs:edition_detail", args=[edition.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_office_sees_submitted_applications_by_state_and_county():
    app = _submitted()
    ApplicationFactory()  # a draft never submitted is the applicant's own business

    html = _page(office_user(), app.edition)

    assert 'data-testid="application-stats"' in html
    assert '<tr data-state="submitted"><th scope="row" class="fw-normal">待接收部门审核</th><td class="text-end">1</td></tr>' in html
    assert '<tr><th scope="row" class="fw-normal">盐湖区</th><td class="text-end">1</td></tr>' in html
    assert "vendor/chartjs/chart.umd.min.js" in html


def test_statistics_take_one_aggregate_query_each(django_assert_num_queries):
    app = _submitted()
    _submitted(applicant=IndividualApplicantFactory())
    office = office_user()
    office.role_codes()  # the user's roles are read once per request anyway

    with django_assert_num_queries(2):
        stats = edition_statistics(app.edition, office)

    assert stats.by_state == [("submitted", "待接收部门审核", 2)]
    assert stats.total == 2
    assert stats.division_chart == {"labels": ["盐湖区"], "values": [2]}


def test_leadership_without_accepted_applications_sees_the_empty_state():
    app = _submitted()

    html = _page(staff(Role.LEADERSHIP, "运城市标准化和质量强市领导小组"), app.edition)

    assert 'data-testid="stats-empty"' in html
    assert "vendor/chartjs" not in html


def test_supervision_sees_the_same_counts_read_only():
    app = _submitted()

    html = _page(staff(Role.SUPERVISION, SUPERVISION), app.edition)

    assert 'data-testid="stats-by-state"' in html
    assert 'href="/applications/formal-review/"' not in html
