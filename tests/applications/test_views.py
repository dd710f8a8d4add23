"""The pages: who may open each one, and that they call the same services as the API."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from qaward.accounts.enums import Role
from qaward.applications import services
from qaward.applications.enums import ApplicationState as S
from qaward.applications.models import Attachment, AwardRecord, OutboxEmail
from qaward.core.models import AuditRecord
from qaward.portal.todo import todos_for
from qaward.programs.models import EditionStage
from tests.applications.factories import (
    ApplicationFactory,
    IndividualApplicantFactory,
    OrganizationApplicantFactory,
    complete,
    credit_code,
    division,
    office_user,
    program,
    staff,
)
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db
ALL_POINTS = {"completeness": "on", "authenticity": "on", "accuracy": "on", "legality": "on"}


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def detail_url(app):
    return reverse("applications:detail", args=[app.pk])


def test_organisation_registers_through_the_form_and_is_signed_in():
    client = Client()
    response = client.post(reverse("applicants:register_organization"), {
        "name": "运城市页面注册有限公司", "credit_code": credit_code(), "kind": "enterprise",
        "division": division("万荣县").pk, "established_on": "2012-03-04", "industry_code": "C14",
        "contact_name": "赵经理", "phone": "13900001111", "email": "zhao@example.cn",
        "username": "web-org", "password": "Zl-2026-strong-pass", "password_again": "Zl-2026-strong-pass",
    })
    assert response.status_code == 302
    assert response["Location"] == reverse("applicants:profile")
    page = client.get(reverse("applicants:profile"))
    assert "运城市页面注册有限公司" in page.content.decode()


def test_registration_with_a_wrong_credit_code_shows_why():
    response = Client().post(reverse("applicants:register_organization"), {
        "name": "X公司", "credit_code": "91140802MA0K000001", "kind": "enterprise", "division": division().pk,
        "established_on": "2012-03-04", "contact_name": "赵", "username": "x", "password": "Zl-2026-strong-pass",
        "password_again": "Zl-2026-strong-pass",
    })
    assert response.status_code == 422
    assert "校验位不符" in response.content.decode()


def test_applicant_sees_the_form_and_a_stranger_gets_404():
    app = ApplicationFactory()
    page = client_for(app.applicant.representative).get(detail_url(app))
    assert page.status_code == 200
    assert 'id="checklist"' in page.content.decode()
    assert 'data-testid="submit-button"' in page.content.decode()
    stranger = OrganizationApplicantFactory().representative
    assert client_for(stranger).get(detail_url(app)).status_code == 404


def test_section_saves_through_htmx_and_tells_the_checklist():
    app = ApplicationFactory()
    client = client_for(app.applicant.representative)
    response = client.post(reverse("applications:save", args=[app.pk, "profile"]), {"profile": "新的组织概述"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Trigger"] == '{"applicationSaved": {}}'
    assert "已自动保存" in response.content.decode()
    app.refresh_from_db()
    assert app.profile == "新的组织概述"
    checklist = client.get(reverse("applications:checklist", args=[app.pk]))
    assert 'data-code="materials_incomplete"' in checklist.content.decode()


def test_wrong_receiver_is_refused_in_place():
    app = ApplicationFactory()
    other_county = staff(Role.COUNTY_MSA, "临猗县市场监督管理局").role_grants.get().organization
    response = client_for(app.applicant.representative).post(
        reverse("applications:save", args=[app.pk, "basic"]), {"receiver": other_county.pk},
        headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "未保存" in response.content.decode()


def test_refused_upload_through_the_page_stores_nothing(tmp_path):
    app = ApplicationFactory()
    response = client_for(app.applicant.representative).post(reverse("applications:upload", args=[app.pk]), {
        "file": SimpleUploadedFile("病毒.pdf", b"MZ\x90 not a pdf"), "kind": "evidence",
    })
    assert response.status_code == 422
    assert "不支持的文件类型" in response.content.decode()
    assert Attachment.objects.count() == 0
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.*"))


def test_talent_refused_takes_its_evidence_with_it(tmp_path):
    app = ApplicationFactory()
    response = client_for(app.applicant.representative).post(reverse("applications:add_talent", args=[app.pk]), {
        "name": "  ", "level": "senior", "introduced_on": "2024-01-01",
        "evidence": SimpleUploadedFile("证明.pdf", b"%PDF-1.4\n%%EOF\n"),
    })
    assert response.status_code == 422
    assert Attachment.objects.count() == 0


def test_submit_button_posts_the_action_and_says_where_it_went():
    app = complete(ApplicationFactory())
    client = client_for(app.applicant.representative)
    response = client.post(reverse("applications:action", args=[app.pk, "submit"]), follow=True)
    assert "申报已提交至盐湖区市场监督管理局" in response.content.decode()
    app.refresh_from_db()
    assert app.state == S.SUBMITTED


def test_receiver_approves_through_the_page_with_the_four_points():
    app = complete(ApplicationFactory())
    services.perform(app, "submit", app.applicant.representative)
    msa = staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")
    client = client_for(msa)
    assert "待审核" in client.get(reverse("applications:inbox")).content.decode()
    response = client.post(reverse("applications:action", args=[app.pk, "dept_approve"]),
                           {"reason": "齐全", **ALL_POINTS}, follow=True)
    assert "已审核通过" in response.content.decode()
    app.refresh_from_db()
    assert app.state == S.DEPT_APPROVED


def test_receiver_approval_without_the_points_is_refused_with_the_article():
    app = complete(ApplicationFactory())
    services.perform(app, "submit", app.applicant.representative)
    response = client_for(staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")).post(
        reverse("applications:action", args=[app.pk, "dept_approve"]), {"completeness": "on"}, follow=True)
    assert "（第十六条）" in response.content.decode()


@pytest.mark.parametrize(("role", "org", "status"), [
    (Role.COUNTY_MSA, "盐湖区市场监督管理局", 200),
    (Role.COUNTY_GOVERNMENT, "盐湖区人民政府", 200),
    (Role.INDUSTRY_AUTHORITY, "运城市工业和信息化局", 200),
    (Role.OFFICE, "运城市标准化和质量强市领导小组办公室", 403),
])
def test_inbox_is_for_the_chain(role, org, status):
    assert client_for(staff(role, org)).get(reverse("applications:inbox")).status_code == status


def test_applicant_may_not_open_the_inbox_or_the_formal_review():
    rep = OrganizationApplicantFactory().representative
    assert client_for(rep).get(reverse("applications:inbox")).status_code == 403
    assert client_for(rep).get(reverse("applications:formal_review")).status_code == 403


def accepted_application():
    app = complete(ApplicationFactory())
    app = services.perform(app, "submit", app.applicant.representative)
    app = services.perform(app, "dept_approve", staff(Role.COUNTY_MSA, "盐湖区市场监督管理局"),
                           checks=dict.fromkeys(ALL_POINTS, True))
    app = services.perform(app, "recommend", staff(Role.COUNTY_GOVERNMENT, "盐湖区人民政府"))
    return services.perform(app, "accept", office_user())


def test_acceptance_list_page_and_excel():
    app = accepted_application()
    office = client_for(office_user())
    page = office.get(reverse("applications:acceptance_edition", args=[app.edition_id]))
    assert app.applicant.name in page.content.decode()
    response = office.get(reverse("applications:acceptance_xlsx", args=[app.edition_id]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[3]] == ["序号", "申报编号", "名称/姓名", "类别", "所在地", "所属行业", "推荐单位", "受理日期"]
    assert [c.value for c in sheet[4]][:4] == [1, app.reference, app.applicant.name, "组织"]


def test_department_export_holds_only_its_own_applications():
    mine = complete(ApplicationFactory())
    services.perform(mine, "submit", mine.applicant.representative)
    other_applicant = OrganizationApplicantFactory()
    other_applicant.organization.division = division("临猗县")
    other_applicant.organization.save()
    other = complete(ApplicationFactory(applicant=other_applicant))
    services.perform(other, "submit", other_applicant.representative)
    response = client_for(staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")).get(reverse("applications:export"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=4, values_only=True))
    assert [r[1] for r in rows] == [mine.applicant.name]
    office_rows = list(load_workbook(io.BytesIO(client_for(office_user()).get(
        reverse("applications:export")).content)).active.iter_rows(min_row=4, values_only=True))
    assert len(office_rows) == 2


def test_trade_secret_download_refused_to_department_and_audited_for_office():
    app = accepted_application()
    attachment = app.attachments.first()
    attachment.trade_secret = True
    attachment.save()
    msa = client_for(staff(Role.COUNTY_MSA, "盐湖区市场监督管理局"))
    response = msa.get(reverse("applications:download", args=[attachment.pk]), follow=True)
    assert "仅评审专家、领导小组办公室和监督组可以查看" in response.content.decode()
    office = client_for(office_user())
    response = office.get(reverse("applications:download", args=[attachment.pk]))
    assert response.status_code == 200
    assert AuditRecord.objects.filter(action="application.open_trade_secret").count() == 1


def test_office_records_history_and_others_may_not():
    applicant = OrganizationApplicantFactory()
    past = EditionFactory(program=program(), number=1, year=2016,
                          stage=EditionStage.DECIDED, is_historical=True, organization_rubric=None,
                          individual_rubric=None)
    response = client_for(office_user()).post(reverse("applications:history"), {
        "edition": past.pk, "applicant": applicant.pk, "level": "award"})
    assert response.status_code == 302
    record = AwardRecord.objects.get()
    client_for(office_user()).post(reverse("applications:revoke", args=[record.pk]), {
        "revoked_on": "2018-05-01", "note": "运政发〔2018〕1号"})
    record.refresh_from_db()
    assert record.revoked_on == datetime.date(2018, 5, 1)
    assert client_for(applicant.representative).get(reverse("applications:history")).status_code == 403


def test_outbox_lists_mail_and_lets_the_office_resend(django_capture_on_commit_callbacks, mailoutbox):
    app = complete(ApplicationFactory())
    msa = staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")
    msa.email = "msa@example.cn"
    msa.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.perform(app, "submit", app.applicant.representative)
    email = OutboxEmail.objects.get()
    assert (email.to_address, email.status) == ("msa@example.cn", "sent")
    assert mailoutbox[0].subject.startswith("待审核：")
    office = client_for(office_user())
    assert "msa@example.cn" in office.get(reverse("applications:outbox")).content.decode()
    OutboxEmail.objects.filter(pk=email.pk).update(status="failed", error="SMTP 连接超时")
    with django_capture_on_commit_callbacks(execute=True):
        office.post(reverse("applications:outbox_action", args=[email.pk, "retry"]))
    assert len(mailoutbox) == 2
    email.refresh_from_db()
    assert (email.status, email.attempts, email.error) == ("sent", 2, "")
    assert client_for(msa).get(reverse("applications:outbox")).status_code == 403


def test_todo_lists_what_waits_for_each_party():
    app = complete(ApplicationFactory())
    rep = app.applicant.representative
    assert any(item.title == "继续填写并提交申报" for item in todos_for(rep))
    services.perform(app, "submit", rep)
    msa = staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")
    items = {item.title: item.count for item in todos_for(msa)}
    assert items["待审核的申报材料"] == 1


def test_notifications_page_and_opening_marks_read():
    app = complete(ApplicationFactory())
    msa = staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")
    services.perform(app, "submit", app.applicant.representative)
    client = client_for(msa)
    assert "待审核" in client.get(reverse("applications:notifications")).content.decode()
    client.get(detail_url(app))
    assert msa.notifications.filter(read_at__isnull=True).count() == 0


def test_office_reveals_full_id_number_on_the_page():
    person = IndividualApplicantFactory()
    response = client_for(office_user()).post(reverse("applicants:reveal_id_number", args=[person.pk]),
                                              {"reason": "征求公安机关意见"})
    assert person.person_profile.id_number in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert client_for(person.user).post(reverse("applicants:reveal_id_number", args=[person.pk]),
                                        {"reason": "x"}).status_code == 404


def test_masked_id_number_on_the_profile_page():
    person = IndividualApplicantFactory()
    page = client_for(person.user).get(reverse("applicants:profile")).content.decode()
    assert person.person_profile.masked_id_number in page
    assert person.person_profile.id_number not in page


def test_my_applications_offers_the_open_edition_and_starts_one():
    applicant = OrganizationApplicantFactory()
    edition = ApplicationFactory().edition
    client = client_for(applicant.representative)
    assert 'data-testid="start-application"' in client.get(reverse("applications:list")).content.decode()
    response = client.post(reverse("applications:start", args=[edition.pk]))
    assert response.status_code == 302
    assert applicant.applications.get().state == S.DRAFT
