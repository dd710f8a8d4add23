"""The API of DESIGN.md §9 for applicants and applications: same services, problem+json refusals."""

import datetime

import pytest
from django.test import Client

from qaward.accounts.enums import Role
from qaward.applications.models import Attachment
from tests.applications.factories import (
    ApplicationFactory,
    IndividualApplicantFactory,
    OrganizationApplicantFactory,
    complete,
    credit_code,
    current_edition,
    id_number,
    office_user,
    org,
    staff,
)

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"
PDF = b"%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def test_register_organization_over_the_api():
    response = post(Client(), "/api/v1/applicants/organizations", {
        "account": {"username": "api-org", "password": "Zl-2026-strong-pass", "display_name": "刘经理"},
        "name": "运城市接口测试有限公司", "credit_code": credit_code(), "kind": "enterprise", "division": "140802",
        "established_on": "2015-01-01", "industry_code": "C13",
    })
    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["division"], body["industry_name"]) == ("organization", "盐湖区", "农副食品加工业")


def test_register_organization_with_bad_code_is_problem_json():
    response = post(Client(), "/api/v1/applicants/organizations", {
        "account": {"username": "api-bad", "password": "Zl-2026-strong-pass"},
        "name": "坏代码公司", "credit_code": "91140802MA0K000001", "kind": "enterprise", "division": "140802",
        "established_on": "2015-01-01",
    })
    assert (response.status_code, response["Content-Type"]) == (422, PROBLEM)
    assert response.json()["code"] == "invalid_credit_code"


def test_register_individual_and_read_back_masked():
    number = id_number()
    response = post(Client(), "/api/v1/applicants/individuals", {
        "account": {"username": "api-person", "password": "Zl-2026-strong-pass"},
        "name": "孙质量", "id_number": number, "employer_name": "运城市接口测试电机厂", "employer_kind": "enterprise",
        "division": "140821", "position": "质量总监", "quality_work_since": "2010-01-01", "conduct_declared": True,
    })
    assert response.status_code == 201
    assert response.json()["person"]["id_number"] == f"{number[:4]}**********{number[-4:]}"


def test_get_applicant_hides_from_strangers_and_masks_for_office():
    person = IndividualApplicantFactory()
    stranger = OrganizationApplicantFactory().representative
    assert client_for(stranger).get(f"/api/v1/applicants/{person.pk}").status_code == 404
    office = client_for(office_user())
    masked = office.get(f"/api/v1/applicants/{person.pk}").json()["person"]["id_number"]
    assert "*" in masked
    full = post(office, f"/api/v1/applicants/{person.pk}/id-number", {"reason": "公安意见"}).json()
    assert full == {"id_number": person.person_profile.id_number}


def test_create_patch_and_submit_through_the_api():
    applicant = OrganizationApplicantFactory()
    client = client_for(applicant.representative)
    created = post(client, "/api/v1/applications", {"edition": current_edition().pk})
    assert created.status_code == 201
    app_id = created.json()["id"]
    assert created.json()["available_actions"][0]["action"] == "submit"
    assert created.json()["available_actions"][0]["ready"] is False

    response = client.patch(f"/api/v1/applications/{app_id}", {
        "profile": "组织概述", "quality_mode_summary": "模式", "receiver": org("盐湖区市场监督管理局").pk,
        "self_assessment": {"4.1": "领导的自评"},
    }, content_type="application/json")
    assert response.status_code == 200
    sections = {s["code"]: s["text"] for s in response.json()["self_assessment"]}
    assert sections["4.1"] == "领导的自评"

    eligibility = client.get(f"/api/v1/applications/{app_id}/eligibility").json()
    assert eligibility["ready"] is False
    checks = {c["code"]: c for c in eligibility["checks"]}
    assert checks["receiver_invalid"]["passed"] is True
    assert checks["materials_incomplete"]["article"] == "15,16,17"
    assert checks["deadline_passed"]["passed"] is True

    refused = post(client, f"/api/v1/applications/{app_id}/actions/submit")
    assert (refused.status_code, refused["Content-Type"]) == (422, PROBLEM)
    assert refused.json()["code"] == "publicity_too_short"
    assert [v["code"] for v in refused.json()["violations"]] == [
        "publicity_too_short", "materials_incomplete", "state_secret"]


def test_upload_refused_type_is_415_and_nothing_is_stored():
    app = ApplicationFactory()
    client = client_for(app.applicant.representative)
    response = client.post(f"/api/v1/applications/{app.pk}/attachments",
                           {"file": _file(b"MZ fake", "x.pdf"), "kind": "evidence"})
    assert (response.status_code, response.json()["code"]) == (415, "file_type_not_allowed")
    assert Attachment.objects.count() == 0


def _file(data, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_upload_talent_publicity_commitment_and_download():
    app = ApplicationFactory()
    client = client_for(app.applicant.representative)
    uploaded = client.post(f"/api/v1/applications/{app.pk}/attachments",
                           {"file": _file(PDF, "人才证明.pdf"), "kind": "talent", "trade_secret": "true"})
    assert uploaded.status_code == 201
    attachment = uploaded.json()
    assert (attachment["file_type"], attachment["trade_secret"]) == ("pdf", True)

    talent = post(client, f"/api/v1/applications/{app.pk}/talents", {
        "name": "周高工", "level": "senior", "introduced_on": "2024-05-01", "evidence": attachment["id"]})
    assert (talent.status_code, talent.json()["status"], talent.json()["points"]) == (201, "pending", 0)

    publicity = post(client, f"/api/v1/applications/{app.pk}/publicity", {
        "start_on": "2025-09-29", "end_on": "2025-10-10", "result": "no_objection"})
    assert publicity.status_code == 200
    assert publicity.json()["check"]["passed"] is False
    assert publicity.json()["check"]["detail"] == "2025年9月29日至2025年10月10日，共4个工作日，少于5个工作日"

    signed = post(client, f"/api/v1/applications/{app.pk}/commitment", {"signer": "王经理", "no_state_secret": True})
    assert signed.json()["commitment_signed_by"] == "王经理"

    download = client.get(f"/api/v1/applications/{app.pk}/attachments/{attachment['id']}/content")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")


def test_full_chain_through_the_api():
    app = complete(ApplicationFactory())
    rep = client_for(app.applicant.representative)
    msa = client_for(staff(Role.COUNTY_MSA, "盐湖区市场监督管理局"))
    gov = client_for(staff(Role.COUNTY_GOVERNMENT, "盐湖区人民政府"))
    office = client_for(office_user())
    url = f"/api/v1/applications/{app.pk}/actions"
    assert post(rep, f"{url}/submit").json()["state"] == "submitted"
    assert [a["action"] for a in msa.get(f"/api/v1/applications/{app.pk}").json()["available_actions"]] == [
        "dept_approve", "return", "reject"]
    refused = post(msa, f"{url}/dept_approve", {"checks": {"completeness": True}})
    assert (refused.status_code, refused.json()["code"], refused.json()["article"]) == (
        422, "audit_points_unconfirmed", "16")
    approved = post(msa, f"{url}/dept_approve", {"checks": {
        "completeness": True, "authenticity": True, "accuracy": True, "legality": True}})
    assert approved.json()["state"] == "dept_approved"
    assert post(gov, f"{url}/recommend").json()["recommender"] == "盐湖区人民政府"
    accepted = post(office, f"{url}/accept")
    assert accepted.json()["state"] == "accepted"
    listed = office.get(f"/api/v1/editions/{app.edition_id}/acceptance-list").json()
    assert [a["id"] for a in listed] == [app.pk]


def test_wrong_department_gets_404_not_a_hint():
    app = complete(ApplicationFactory())
    post(client_for(app.applicant.representative), f"/api/v1/applications/{app.pk}/actions/submit")
    other = client_for(staff(Role.COUNTY_MSA, "临猗县市场监督管理局"))
    assert other.get(f"/api/v1/applications/{app.pk}").status_code == 404
    assert post(other, f"/api/v1/applications/{app.pk}/actions/dept_approve").status_code == 404


def test_wrong_role_sees_but_may_not_act():
    app = complete(ApplicationFactory())
    post(client_for(app.applicant.representative), f"/api/v1/applications/{app.pk}/actions/submit")
    office = client_for(office_user())
    response = post(office, f"/api/v1/applications/{app.pk}/actions/dept_approve")
    assert (response.status_code, response["Content-Type"]) == (403, PROBLEM)


def test_wrong_state_is_409():
    app = complete(ApplicationFactory())
    response = post(client_for(office_user()), f"/api/v1/applications/{app.pk}/actions/accept")
    assert response.status_code == 404  # a draft is not visible to the office at all
    post(client_for(app.applicant.representative), f"/api/v1/applications/{app.pk}/actions/submit")
    response = post(client_for(office_user()), f"/api/v1/applications/{app.pk}/actions/accept")
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_create_application_after_deadline_is_refused():
    applicant = OrganizationApplicantFactory()
    edition = current_edition()
    edition.application_deadline = datetime.date(2000, 1, 1)
    edition.save()
    response = post(client_for(applicant.representative), "/api/v1/applications", {"edition": edition.pk})
    assert (response.status_code, response.json()["code"], response.json()["article"]) == (
        422, "deadline_passed", "14")
