"""The notices API (DESIGN.md §9): public reads, public objections with a tracking code, problems."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from qaward.notices.models import Objection, PublicNotice
from qaward.notices.objections import decide_objection, record_findings
from tests.factories import UserFactory

from .conftest import REAL_NAME, object_to, publish

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def running(edition, office):
    today = timezone.localdate()
    return publish(edition, office, start=today, today=today)


def post_objection(client, notice, **fields):
    entry = notice.entries.order_by("position").first()
    data = {"entry_id": entry.pk, "content": "该企业存在违规生产行为，附照片为证。", **fields}
    return client.post(f"/api/v1/notices/{notice.pk}/objections", data)


def test_edition_notices_public_list(client, running):
    response = client.get(f"/api/v1/editions/{running.edition_id}/notices")
    assert response.status_code == 200
    assert [(n["id"], n["kind"], n["status"], n["workdays"]) for n in response.json()] == [
        (running.pk, "acceptance", "running", 5)]


def test_notice_detail_public_with_entries_and_quotas(client, running):
    body = client.get(f"/api/v1/notices/{running.pk}").json()
    assert [e["name"] for e in body["entries"]] == ["运城测试企业1有限公司", "运城测试企业2有限公司", "运城测试企业3有限公司"]
    assert body["end"] == running.end.isoformat()
    assert [(q["label"], q["limit"]) for q in body["quotas"]][0] == ("质量奖组织", 4)


def test_create_notice_by_office(client, edition, office):
    client.force_login(office)
    today = timezone.localdate()
    response = client.post(f"/api/v1/editions/{edition.pk}/notices", json.dumps({
        "kind": "acceptance", "title": "受理名单公示", "start": today.isoformat(), "workdays": 5,
        "entries": [{"name": "甲公司"}, {"name": "乙某", "track": "individual", "unit": "丙公司"}],
    }), content_type="application/json")
    assert response.status_code == 201
    assert [e["name"] for e in response.json()["entries"]] == ["甲公司", "乙某"]


def test_create_4_workday_notice_is_problem_notice_too_short(client, edition, office):
    client.force_login(office)
    response = client.post(f"/api/v1/editions/{edition.pk}/notices", json.dumps({
        "kind": "acceptance", "title": "受理名单公示", "workdays": 4, "entries": [{"name": "甲公司"}],
    }), content_type="application/json")
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    assert (response.json()["code"], response.json()["article"]) == ("notice_too_short", "19,20")


def test_create_notice_anonymous_401(client, edition):
    response = client.post(f"/api/v1/editions/{edition.pk}/notices", json.dumps({
        "kind": "acceptance", "title": "x", "entries": [{"name": "甲"}]}), content_type="application/json")
    assert response.status_code == 401


def test_create_notice_by_applicant_403(client, edition):
    client.force_login(UserFactory(roles=["applicant"]))
    response = client.post(f"/api/v1/editions/{edition.pk}/notices", json.dumps({
        "kind": "acceptance", "title": "x", "entries": [{"name": "甲"}]}), content_type="application/json")
    assert response.status_code == 403


def test_public_objection_returns_tracking_code_and_track_follows_it(client, running):
    png = SimpleUploadedFile("p.png", _png())
    response = post_objection(client, running, evidence=[png])
    assert response.status_code == 201
    code = response.json()["tracking_code"]
    assert Objection.objects.get().evidence.count() == 1
    tracked = client.get(f"/api/v1/objections/track/{code}")
    assert tracked.status_code == 200
    assert (tracked.json()["status"], tracked.json()["entry_name"]) == ("filed", "运城测试企业1有限公司")


def test_objection_after_end_is_problem_objection_closed(client, running):
    PublicNotice.objects.filter(pk=running.pk).update(start="2026-01-05", end="2026-01-09")
    response = post_objection(client, running)
    assert response.status_code == 422
    assert response.json()["code"] == "objection_closed"


def test_objection_with_text_file_as_pdf_refused(client, running):
    response = post_objection(client, running, evidence=[SimpleUploadedFile("fake.pdf", b"hello")])
    assert response.status_code == 422
    assert response.json()["code"] == "evidence_invalid"


def test_track_unknown_code_404_problem(client, db):
    response = client.get("/api/v1/objections/track/AAAA-BBBB-CCCC")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


@pytest.mark.parametrize("role", ["office", "leadership", "supervision"])
def test_staff_objection_list_never_carries_identity(client, running, role):
    object_to(running, anonymous=False, identity=REAL_NAME, now=timezone.now())
    object_to(running, now=timezone.now())
    client.force_login(UserFactory(roles=[role]))
    response = client.get(f"/api/v1/notices/{running.pk}/objections")
    assert response.status_code == 200 and len(response.json()) == 2
    text = response.content.decode()
    assert not any(s in text for s in (REAL_NAME.name, REAL_NAME.phone, REAL_NAME.id_number, REAL_NAME.unit))


def test_public_api_responses_never_carry_identity(client, running, office, leader):
    response = post_objection(client, running, anonymous="false", name=REAL_NAME.name, phone=REAL_NAME.phone)
    code = response.json()["tracking_code"]
    objection = record_findings(Objection.objects.get(), actor=office, findings="属实。")
    decide_objection(objection, actor=leader, upheld=True, reason="成立。", public_reply="已移除。")
    texts = [response.content.decode(), client.get(f"/api/v1/objections/track/{code}").content.decode(),
             client.get(f"/api/v1/notices/{running.pk}").content.decode()]
    assert not any(REAL_NAME.name in t or REAL_NAME.phone in t for t in texts)


def test_staff_objection_list_forbidden_to_applicant(client, running):
    client.force_login(UserFactory(roles=["applicant"]))
    assert client.get(f"/api/v1/notices/{running.pk}/objections").status_code == 403


def test_findings_and_decision_over_api(client, running, office, leader):
    objection = object_to(running, now=timezone.now())
    client.force_login(office)
    response = client.post(f"/api/v1/objections/{objection.pk}/findings", json.dumps({"findings": "属实。"}),
                           content_type="application/json")
    assert response.json()["status"] == "investigating"
    client.force_login(leader)
    response = client.post(f"/api/v1/objections/{objection.pk}/decision",
                           json.dumps({"upheld": False, "reason": "证据不足。"}), content_type="application/json")
    assert response.json()["status"] == "decided_dismissed"


def test_decision_by_office_over_api_403(client, running, office):
    objection = record_findings(object_to(running, now=timezone.now()), actor=office, findings="属实。")
    client.force_login(office)
    response = client.post(f"/api/v1/objections/{objection.pk}/decision",
                           json.dumps({"upheld": True, "reason": "x"}), content_type="application/json")
    assert response.status_code == 403


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_api_objections_throttled_per_address(client, running):
    codes = [post_objection(client, running).status_code for _ in range(21)]
    assert codes == [201] * 20 + [429]
    assert client.get(f"/api/v1/notices/{running.pk}").status_code == 200
