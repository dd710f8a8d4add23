"""List pages and exports read a fixed number of queries, however many applications they show."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qaward.accounts.enums import Role
from qaward.applications import services
from qaward.applications.models import Application
from tests.applications.factories import ApplicationFactory, complete, current_edition, office_user, staff

pytestmark = pytest.mark.django_db
ALL_POINTS = dict.fromkeys(("completeness", "authenticity", "accuracy", "legality"), True)
MSA = "盐湖区市场监督管理局"
ROWS = 4  # of each state below: enough that one query per row would show


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def chain():
    """Applications at each step of the chain of 第十六、十七条, all to the same county."""
    msa, government, office = staff(Role.COUNTY_MSA, MSA), staff(Role.COUNTY_GOVERNMENT, "盐湖区人民政府"), office_user()
    steps = (("submit", None), ("dept_approve", msa), ("recommend", government), ("accept", office))
    for depth in range(1, len(steps) + 1):
        for _ in range(ROWS):
            app = complete(ApplicationFactory())
            for action, actor in steps[:depth]:
                checks = ALL_POINTS if action == "dept_approve" else None
                app = services.perform(app, action, actor or app.applicant.representative, checks=checks)
    return {"office": office, "msa": msa, "government": government}


def test_office_formal_review_list_queries_do_not_grow_with_rows(chain, django_assert_max_num_queries):
    client = client_for(chain["office"])
    # The counts by state are one aggregate and the in-chain list one SELECT of its own.
    with django_assert_max_num_queries(13):
        response = client.get(reverse("applications:formal_review"))
    assert len(response.context["queue"]) == ROWS
    assert len(response.context["in_chain"]) == 2 * ROWS


def test_office_export_queries_do_not_grow_with_rows(chain, django_assert_max_num_queries):
    client = client_for(chain["office"])
    with django_assert_max_num_queries(6):
        response = client.get(reverse("applications:export"))
    assert response.status_code == 200


def test_acceptance_list_queries_do_not_grow_with_rows(chain, django_assert_max_num_queries):
    client = client_for(chain["office"])
    url = reverse("applications:acceptance_edition", args=[current_edition().pk])
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert len(response.context["rows"]) == ROWS


@pytest.mark.parametrize("who", ["msa", "government"])
def test_department_inbox_queries_do_not_grow_with_rows(chain, who, django_assert_max_num_queries):
    client = client_for(chain[who])
    with django_assert_max_num_queries(10):
        response = client.get(reverse("applications:inbox"))
    assert response.status_code == 200


def test_office_formal_review_counts_states_of_the_edition(chain):
    response = client_for(chain["office"]).get(reverse("applications:formal_review"))

    assert [(state, n) for _label, state, n in response.context["counts"]] == [
        ("submitted", ROWS), ("dept_approved", ROWS), ("recommended", ROWS), ("accepted", ROWS)]
    assert response.context["counts"][0][0] == "待接收部门审核"


# The texts of queries.LIST_DEFERRED are loaded by the application's own page only.
LONG_TEXTS = ('"applications_application"."profile"', '"applications_application"."self_assessment"',
              '"applications_application"."quality_mode_summary"')


def _lists_long_texts(captured) -> list[str]:
    return [q["sql"][:120] for q in captured if any(column in q["sql"] for column in LONG_TEXTS)]


@pytest.mark.parametrize(("who", "url"), [
    ("office", lambda: reverse("applications:formal_review")),
    ("office", lambda: reverse("applications:acceptance_edition", args=[current_edition().pk])),
    ("office", lambda: reverse("applications:acceptance_xlsx", args=[current_edition().pk])),
    ("office", lambda: reverse("applications:export")),
    ("msa", lambda: reverse("applications:inbox")),
    ("government", lambda: reverse("applications:inbox")),
])
def test_lists_do_not_load_the_long_texts(chain, who, url):
    client = client_for(chain[who])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url())

    assert response.status_code == 200
    assert _lists_long_texts(captured) == []


def test_applicant_list_does_not_load_the_long_texts():
    app = complete(ApplicationFactory())
    client = client_for(app.applicant.representative)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("applications:list"))

    assert list(response.context["applications"]) == [app]
    assert _lists_long_texts(captured) == []


def test_office_application_page_evaluates_formal_review_once(chain, django_assert_max_num_queries):
    """The checklist's formal-review checks (acceptance_guard) feed the actions' blockers too, and
    the applicant's profiles, the publicity and the rubrics come with the application."""
    client = client_for(chain["office"])
    recommended = Application.objects.filter(state="recommended").first()
    with django_assert_max_num_queries(31):
        response = client.get(reverse("applications:detail", args=[recommended.pk]))
    assert response.context["checklist"].results
    accept = next(view for view in response.context["actions"] if view[0].action == "accept")[0]
    assert accept.blockers == response.context["checklist"].blocking


def test_applicant_draft_page_evaluates_submission_once(django_assert_max_num_queries):
    app = complete(ApplicationFactory())
    client = client_for(app.applicant.representative)
    with django_assert_max_num_queries(36):
        response = client.get(reverse("applications:detail", args=[app.pk]))
    submit = next(view for view, _form in response.context["actions"] if view.action == "submit")
    assert submit.blockers == response.context["checklist"].blocking
