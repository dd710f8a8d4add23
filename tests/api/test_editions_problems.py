"""problem+json from a real router: the programs app's editions API (skipped until it exists)."""

from datetime import timedelta

import pytest

from qaward.accounts.models import ApiToken
from tests.factories import EditionFactory, UserFactory

from .conftest import PROBLEM_JSON, bearer

pytest.importorskip("qaward.programs.api.editions", reason="the programs helper's editions router is not written yet")

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_headers(db):
    user = UserFactory(username="office-editions", roles=["office"])
    _, key = ApiToken.issue(user, timedelta(hours=1))
    return bearer(key)


def test_edition_action_refused_by_a_rule_is_422_problem_with_article(client, office_headers):
    edition = EditionFactory()  # preparing, plan drafted, no approvals recorded

    response = client.post(f"/api/v1/editions/{edition.pk}/actions/record_approvals", {},
                           content_type="application/json", headers=office_headers)

    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["code"] == "approvals_missing"
    assert body["article"] == "4"
    assert body["status"] == 422
    assert body["type"] == "urn:qaward:problem:approvals_missing"
    assert body["title"] == "不符合第四条：组织开展前须报请市委、市政府同意，并经省委、省政府审批"


def test_edition_action_from_the_wrong_stage_is_409_problem(client, office_headers):
    edition = EditionFactory()

    response = client.post(f"/api/v1/editions/{edition.pk}/actions/open", {},
                           content_type="application/json", headers=office_headers)

    assert response.status_code == 409
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "invalid_transition"


def test_unknown_edition_is_404_problem(client, office_headers):
    response = client.get("/api/v1/editions/999999", headers=office_headers)

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "not_found"


def test_malformed_edition_body_is_422_validation_problem(client, office_headers):
    response = client.post("/api/v1/editions", {"year": "not-a-year"}, content_type="application/json",
                           headers=office_headers)

    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["detail"] == "请求数据格式不正确"
    assert body["errors"]
