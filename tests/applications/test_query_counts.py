"""List pages and exports read a fixed number of queries, however many applications they show."""

import pytest
from django.test import Client
from django.urls import reverse

from qaward.accounts.enums import Role
from qaward.applications import services
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
    with django_assert_max_num_queries(12):
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
