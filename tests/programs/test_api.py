"""/api/v1/programs and /api/v1/editions (DESIGN.md §9)."""

import datetime as dt
import json
from datetime import timedelta

import pytest

from qaward.accounts.models import ApiToken
from qaward.core.models import AuditRecord
from qaward.programs.models import EditionStage
from tests.factories import EditionFactory, UserFactory

from .conftest import edition_in

pytestmark = pytest.mark.django_db
S = EditionStage
PROBLEM = "application/problem+json"


def bearer(user) -> dict:
    _, key = ApiToken.issue(user, timedelta(hours=1))
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def post(client, url, body, user):
    return client.post(url, json.dumps(body), content_type="application/json", **bearer(user))


def test_programs_public_lists_yuncheng_with_rule_document_and_quotas(client):
    response = client.get("/api/v1/programs")

    program = response.json()[0]
    assert response.status_code == 200
    assert (program["code"], program["name"], program["cycle_years"]) == ("yuncheng-mayor-quality-award",
                                                                          "运城市市长质量奖", 5)
    assert program["rule_document"]["document_number"] == "运政发〔2023〕14号"
    assert program["rule_document"]["valid_until"] == "2028-06-08"
    assert [(q["level"], q["organizations"], q["individuals"]) for q in program["quotas"]] == [
        ("award", 4, 4), ("nomination", 4, 4)]
    assert program["organization_rubric"] == "gbt19580-2004"


def test_editions_public_list_hides_editions_before_the_call(client):
    open_edition = edition_in(S.OPEN, title="第二届")
    EditionFactory(stage=S.PREPARING)

    response = client.get("/api/v1/editions")

    assert response.status_code == 200
    assert response.json() == [{
        "id": open_edition.pk, "program": open_edition.program.code, "number": open_edition.number,
        "title": "第二届", "year": 2026, "stage": "open", "stage_label": "申报中", "is_historical": False,
        "deadline": "2026-05-31",
    }]


def test_editions_list_with_office_token_includes_preparing(client, office):
    preparing = EditionFactory(stage=S.PREPARING)

    response = client.get("/api/v1/editions", **bearer(office))

    assert [e["id"] for e in response.json()] == [preparing.pk]


def test_edition_detail_anonymous_has_no_actions(client):
    edition = edition_in(S.OPEN)

    body = client.get(f"/api/v1/editions/{edition.pk}").json()

    assert body["stage"] == "open"
    assert body["available_actions"] == []
    assert [a["kind"] for a in body["approvals"]] == ["city", "province"]
    assert body["call"]["deadline"] == "2026-05-31"
    assert body["quotas"][0] == {"level": "award", "label": "质量奖", "organizations": 4, "individuals": 4}


def test_edition_detail_preparing_hidden_from_public_404(client):
    response = client.get(f"/api/v1/editions/{EditionFactory().pk}")

    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


def test_edition_detail_for_office_lists_actions_with_blockers(client, office):
    edition = EditionFactory(plan="")

    body = client.get(f"/api/v1/editions/{edition.pk}", **bearer(office)).json()

    action = body["available_actions"][0]
    assert (action["action"], action["target"], action["ready"]) == ("record_approvals", "approved", False)
    assert [(b["code"], b["article"]) for b in action["blockers"]] == [("plan_missing", "14"),
                                                                       ("approvals_missing", "4")]


def test_create_edition_as_office_201_and_audited(client, office):
    response = post(client, "/api/v1/editions", {"number": 2, "year": 2026, "title": "第二届运城市市长质量奖"}, office)

    body = response.json()
    assert response.status_code == 201
    assert (body["stage"], body["program"], body["organization_rubric"]) == (
        "preparing", "yuncheng-mayor-quality-award", "gbt19580-2004")
    assert AuditRecord.objects.filter(action="edition.create").count() == 1


def test_create_edition_within_cycle_problem_with_code_and_article(client, office, yuncheng):
    EditionFactory(program=yuncheng, number=1, year=2023, is_historical=True, stage=S.DECIDED)

    response = post(client, "/api/v1/editions", {"number": 2, "year": 2027, "title": "第二届"}, office)

    body = response.json()
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    assert (body["code"], body["article"]) == ("edition_cycle", "4")


def test_create_edition_as_supervision_403(client, supervisor):
    response = post(client, "/api/v1/editions", {"number": 2, "year": 2026, "title": "第二届"}, supervisor)

    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_create_edition_anonymous_401(client):
    response = client.post("/api/v1/editions", json.dumps({"number": 2, "year": 2026, "title": "x"}),
                           content_type="application/json")

    assert response.status_code == 401


def test_action_record_approvals_missing_problem_cites_article_4(client, office):
    edition = EditionFactory()

    response = post(client, f"/api/v1/editions/{edition.pk}/actions/record_approvals", {"reason": "报批"}, office)

    body = response.json()
    assert response.status_code == 422
    assert (body["code"], body["article"]) == ("approvals_missing", "4")


def test_action_report_by_hr_bureau_moves_stage(client):
    edition = edition_in(S.RECOMMENDATION_NOTICE)
    hr = UserFactory(roles=["hr_bureau"])

    response = post(client, f"/api/v1/editions/{edition.pk}/actions/report", {"reason": "联合上报"}, hr)

    assert response.status_code == 200
    assert (response.json()["stage"], response.json()["stage_label"]) == ("reported", "已报市政府")


def test_action_decide_by_city_government_with_decision(client):
    edition = edition_in(S.REPORTED)
    city = UserFactory(roles=["city_government"])

    response = post(client, f"/api/v1/editions/{edition.pk}/actions/decide",
                    {"decision_document": "运政发〔2026〕30号", "decided_on": dt.date.today().isoformat()}, city)

    body = response.json()
    assert response.status_code == 200
    assert (body["stage"], body["decision_document"]) == ("decided", "运政发〔2026〕30号")


def test_action_decide_without_document_problem(client, office):
    edition = edition_in(S.REPORTED)

    response = post(client, f"/api/v1/editions/{edition.pk}/actions/decide", {}, office)

    assert response.status_code == 422
    assert response.json()["code"] == "decision_incomplete"


def test_action_wrong_stage_409(client, office):
    edition = edition_in(S.OPEN)

    response = post(client, f"/api/v1/editions/{edition.pk}/actions/decide", {}, office)

    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


def test_action_wrong_role_403(client, applicant):
    edition = edition_in(S.OPEN)

    response = post(client, f"/api/v1/editions/{edition.pk}/actions/close_applications", {}, applicant)

    assert response.status_code == 403


def test_action_unknown_404(client, office):
    edition = edition_in(S.OPEN)

    response = post(client, f"/api/v1/editions/{edition.pk}/actions/teleport", {}, office)

    assert response.status_code == 404
    assert response.json()["code"] == "unknown_action"
