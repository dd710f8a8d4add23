"""The configuration admin: every page opens, and no page is a way around the domain's rules."""

import datetime as dt
from base64 import b32encode

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.forms import MultiWidget
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.accounts.models import ApiToken, RoleGrant, User
from qaward.applicants.models import AccidentRecord, Honour, PersonProfile, ViolationRecord
from qaward.applications.models import (
    Application,
    ApplicationEvent,
    Attachment,
    AwardRecord,
    Notification,
    OpinionRequest,
    OutboxEmail,
    TalentRecord,
)
from qaward.core import audit
from qaward.core.models import AuditChainHead, AuditRecord
from qaward.notices.enums import NoticeKind
from qaward.notices.models import Objection
from qaward.notices.objections import Identity, file_objection
from qaward.notices.services import EntryData, publish_notice
from qaward.programs.models import CalendarOverride, EditionStage, Program, RubricCategory, RubricItem
from tests.applications.factories import ApplicationFactory, IndividualApplicantFactory, add_file, complete
from tests.factories import (
    DEFAULT_PASSWORD,
    EditionApprovalFactory,
    EditionFactory,
    OrganizationFactory,
    RoleGrantFactory,
    RubricFactory,
    UserFactory,
)

REGISTERED = sorted(admin.site._registry.items(), key=lambda pair: pair[0]._meta.label)
PERSON_ID_NUMBER = "142701198505120017"
IDENTITY = Identity(name="钱多多", phone="13912345678", id_number="11010519491231002X", unit="运城某某公司")


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def form_data(response) -> dict:
    """The POST a browser would send back for an admin change form as rendered (main form and inlines)."""
    data = {}

    def put(html_name, widget, value):
        if isinstance(widget, MultiWidget):
            for i, part in enumerate(widget.decompress(value)):
                data[f"{html_name}_{i}"] = "" if part is None else str(part)
        elif value is True:
            data[html_name] = "on"
        elif value not in (None, False):
            data[html_name] = value

    def add(form):
        for name in form.fields:
            field = form[name]
            put(field.html_name, field.field.widget, field.value())
            if field.field.show_hidden_initial:  # fields with a callable default, e.g. date_joined
                put(field.html_initial_name, field.field.widget, field.value())

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = management[name].value()
        for form in formset.forms:
            add(form)
    return data


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", display_name="系统管理员", is_staff=True, is_superuser=True)


@pytest.fixture
def client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def locked_edition(db):
    """An edition in evaluation: its rubrics are locked."""
    return EditionFactory(stage=EditionStage.EVALUATION)


@pytest.fixture
def objection(db):
    office = UserFactory(username="office-admin-test", roles=["office"])
    edition = EditionFactory(stage=EditionStage.FORMAL_REVIEW)
    notice = publish_notice(edition, kind=NoticeKind.ACCEPTANCE, entries=[EntryData(name="运城测试企业有限公司")],
                            title="受理名单公示", actor=office, start=dt.date(2026, 6, 8), today=dt.date(2026, 6, 8),
                            contact="监督组电话：0359-1234567")
    return file_objection(notice, notice.entries.get(), content="该企业近三年内发生过质量事故，不符合申报条件。",
                          anonymous=False, identity=IDENTITY, now=dt.datetime(2026, 6, 9, 10, 0, tzinfo=dt.UTC))


@pytest.fixture
def world(db, superuser, objection, locked_edition):
    """At least one row of every model this project registers, besides the data migrations' rows."""
    EditionApprovalFactory(edition=EditionFactory(program=locked_edition.program, number=99, year=2031))
    ApiToken.issue(superuser, dt.timedelta(days=30))
    CalendarOverride.objects.create(date=dt.date(2026, 10, 10), is_workday=True, note="国庆调休")
    audit.record("test.world", actor=superuser, obj=superuser)
    # Another user's device: one of the superuser's own would hold every page behind the code step.
    TOTPDevice.objects.create(user=UserFactory(username="totp-owner"), name="authenticator", confirmed=True)
    application_world(superuser)


def application_world(superuser):
    """Applicants with their records and an application with everything that hangs off it."""
    application = complete(ApplicationFactory())
    applicant = application.applicant
    IndividualApplicantFactory(name="李质量", profile={"id_number": PERSON_ID_NUMBER})
    Honour.objects.create(applicant=applicant, level="provincial", title="山西省质量奖", conferred_by="山西省人民政府",
                          year=2020)
    AccidentRecord.objects.create(applicant=applicant, occurred_on=dt.date(2015, 3, 1), kind="safety",
                                  description="一般安全事故")
    ViolationRecord.objects.create(applicant=applicant, occurred_on=dt.date(2016, 4, 1), kind="irregular",
                                   description="违规情况说明")
    ApplicationEvent.objects.create(application=application, stage="applicant", action="submit", from_state="draft",
                                    to_state="submitted", round=1, actor=superuser)
    TalentRecord.objects.create(application=application, name="张工", level="senior", introduced_on=dt.date(2024, 1, 5),
                                evidence=add_file(application, kind="talent"))
    OpinionRequest.objects.create(application=application, department=application.receiver, request_text="征求意见",
                                  requested_on=dt.date(2026, 6, 1))
    AwardRecord.objects.create(edition=application.edition, applicant=applicant, level="award",
                               application=application, recorded_by=superuser)
    notification = Notification.objects.create(recipient=superuser, application=application, title="有申报待审核")
    OutboxEmail.objects.create(notification=notification, to_address="office@example.cn", subject="有申报待审核",
                               body="请登录系统处理。")


# --- every page opens -------------------------------------------------------------------------------

def test_admin_index_opens_with_site_header(client):
    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "运城市市长质量奖评选管理系统 · 配置管理" in response.content.decode()


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=[m._meta.label for m, _ in REGISTERED])
def test_admin_pages_open_for_superuser(client, superuser, world, model, model_admin):
    request = RequestFactory().get("/")
    request.user = superuser

    assert client.get(url(model, "changelist")).status_code == 200
    expected_add = 200 if model_admin.has_add_permission(request) else 403
    assert client.get(url(model, "add")).status_code == expected_add
    first = model._default_manager.order_by("pk").first()
    if first is not None:
        assert client.get(url(model, "change", first.pk)).status_code == 200


def test_audit_chain_head_not_registered():
    assert AuditChainHead not in admin.site._registry


def test_project_models_registered():
    labels = {model._meta.label for model in admin.site._registry}

    assert {
        "accounts.Division", "accounts.Organization", "accounts.User", "accounts.RoleGrant", "accounts.ApiToken",
        "programs.RuleDocument", "programs.Program", "programs.Edition", "programs.Rubric", "programs.RubricItem",
        "programs.ScoringBand", "programs.CalendarOverride", "core.AuditRecord", "notices.PublicNotice",
        "notices.NoticeEntry", "notices.Objection",
    } <= labels


# --- the audit trail is append-only ---------------------------------------------------------------

def test_audit_record_change_refused_for_superuser(client, superuser):
    record = audit.record("test.thing", actor=superuser, obj=superuser, reason="原始理由")

    response = client.post(url(AuditRecord, "change", record.pk), {"reason": "篡改后的理由", "action": "x"})

    assert response.status_code == 403
    record.refresh_from_db()
    assert record.reason == "原始理由"


def test_audit_record_delete_refused_for_superuser(client, superuser):
    record = audit.record("test.thing", actor=superuser, obj=superuser)

    assert client.get(url(AuditRecord, "delete", record.pk)).status_code == 403
    assert client.post(url(AuditRecord, "delete", record.pk), {"post": "yes"}).status_code == 403
    assert AuditRecord.objects.filter(pk=record.pk).exists()


def test_audit_record_bulk_delete_not_offered(client, superuser):
    record = audit.record("test.thing", actor=superuser, obj=superuser)

    response = client.post(url(AuditRecord, "changelist"),
                           {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"})

    assert AuditRecord.objects.filter(pk=record.pk).exists()
    assert "delete_selected" not in response.content.decode()


def test_audit_record_add_refused_for_superuser(client):
    assert client.post(url(AuditRecord, "add"), {"action": "forged"}).status_code == 403
    assert not AuditRecord.objects.filter(action="forged").exists()


def test_audit_record_admin_grants_no_write_permission(superuser):
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = admin.site._registry[AuditRecord]

    assert (model_admin.has_add_permission(request), model_admin.has_change_permission(request),
            model_admin.has_delete_permission(request), model_admin.has_view_permission(request)) == (
        False, False, False, True)


# --- editions: the stage moves only through the workflow ------------------------------------------

def test_edition_stage_read_only_in_change_form(client):
    edition = EditionFactory(stage=EditionStage.PREPARING)

    response = client.get(url(edition.__class__, "change", edition.pk))

    assert response.status_code == 200
    assert "stage" not in response.context["adminform"].form.fields
    assert 'name="stage"' not in response.content.decode()
    assert "筹备（制订评选方案和标准）" in response.content.decode()


def test_edition_stage_posted_is_ignored(client):
    edition = EditionFactory(stage=EditionStage.PREPARING)
    page = client.get(url(edition.__class__, "change", edition.pk))
    data = form_data(page) | {"title": "改名后的届次", "stage": EditionStage.DECIDED}

    response = client.post(url(edition.__class__, "change", edition.pk), data)

    assert response.status_code == 302
    edition.refresh_from_db()
    assert (edition.title, edition.stage) == ("改名后的届次", EditionStage.PREPARING)
    record = AuditRecord.objects.get(action="admin.programs.edition.change")
    assert (record.before, record.after) == ({"title": edition.program.name + f"第{edition.number}届"},
                                             {"title": "改名后的届次"})


def test_edition_rubrics_read_only_after_approval_stage(client):
    edition = EditionFactory(stage=EditionStage.OPEN)

    form = client.get(url(edition.__class__, "change", edition.pk)).context["adminform"].form

    assert set(form.fields) == {"title"}


def test_edition_cannot_be_added_or_deleted_in_admin(client):
    edition = EditionFactory()

    assert client.get(url(edition.__class__, "add")).status_code == 403
    assert client.post(url(edition.__class__, "delete", edition.pk), {"post": "yes"}).status_code == 403


# --- rubrics: locked once an edition using them is in evaluation ----------------------------------

def test_locked_rubric_item_edit_refused_and_not_saved(client, locked_edition):
    item = RubricItem.objects.get(category__rubric=locked_edition.organization_rubric)
    change = url(RubricItem, "change", item.pk)
    data = form_data(client.get(change)) | {"points": "999"}

    response = client.post(change, data)

    assert response.status_code == 302
    assert response["Location"] == change
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == [f"「{locked_edition.title}」已进入评审阶段，评分标准「{locked_edition.organization_rubric.name}」"
                        "不得再修改（评审开始后评分标准锁定）。"]
    item.refresh_from_db()
    assert item.points == 1000
    assert not AuditRecord.objects.filter(action__startswith="admin.programs.rubricitem").exists()


def test_locked_rubric_item_delete_refused(client, locked_edition):
    item = RubricItem.objects.get(category__rubric=locked_edition.organization_rubric)

    response = client.post(url(RubricItem, "delete", item.pk), {"post": "yes"})

    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert RubricItem.objects.filter(pk=item.pk).exists()


def test_locked_rubric_category_inline_edit_refused(client, locked_edition):
    rubric = locked_edition.organization_rubric
    change = url(rubric.__class__, "change", rubric.pk)
    data = form_data(client.get(change)) | {"categories-0-points": "500"}

    response = client.post(change, data)

    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert RubricCategory.objects.get(rubric=rubric).points == 1000


def test_editable_rubric_item_edit_saved_audited_and_unverified(client):
    rubric = RubricFactory(verified=True)
    item = RubricItem.objects.get(category__rubric=rubric)
    change = url(RubricItem, "change", item.pk)
    data = form_data(client.get(change)) | {"points": "990"}

    response = client.post(change, data)

    assert response.status_code == 302
    item.refresh_from_db()
    rubric.refresh_from_db()
    assert (item.points, rubric.verified) == (990, False)
    record = AuditRecord.objects.get(action="admin.programs.rubricitem.change")
    assert (record.object_id, record.before, record.after) == (str(item.pk), {"points": 1000}, {"points": 990})


def test_historical_edition_does_not_lock_rubric(client):
    edition = EditionFactory(stage=EditionStage.DECIDED, is_historical=True)
    item = RubricItem.objects.get(category__rubric=edition.organization_rubric)
    change = url(RubricItem, "change", item.pk)

    client.post(change, form_data(client.get(change)) | {"points": "10"})

    item.refresh_from_db()
    assert item.points == 10


# --- programs and other configuration edits are audited -------------------------------------------

def test_program_quota_change_audited(client):
    program = Program.objects.get()
    change = url(Program, "change", program.pk)
    data = form_data(client.get(change)) | {"quota_award_organizations": "3"}

    response = client.post(change, data)

    assert response.status_code == 302
    program.refresh_from_db()
    assert program.quota_award_organizations == 3
    record = AuditRecord.objects.get(action="admin.programs.program.change")
    assert (record.before, record.after) == ({"quota_award_organizations": 4}, {"quota_award_organizations": 3})
    assert audit.verify_chain().intact


def test_program_offers_rubrics_of_matching_track(client):
    program = Program.objects.get()

    form = client.get(url(Program, "change", program.pk)).context["adminform"].form

    assert {r.track for r in form.fields["organization_rubric"].queryset} == {"organization"}
    assert {r.track for r in form.fields["individual_rubric"].queryset} == {"individual"}


def test_user_phone_masked_in_list_and_kept_out_of_audit(client):
    user = UserFactory(username="phone-user", phone="13812345678")
    change = url(user.__class__, "change", user.pk)
    data = form_data(client.get(change)) | {"phone": "13987654321"}

    listing = client.get(url(user.__class__, "changelist")).content.decode()
    client.post(change, data)

    assert "138****5678" in listing
    assert "13812345678" not in listing
    user.refresh_from_db()
    assert user.phone == "13987654321"
    record = AuditRecord.objects.get(action="admin.accounts.user.change")
    assert (record.before, record.after) == ({"phone": "（不记录）"}, {"phone": "（不记录）"})



def test_user_added_with_name_and_phone_audited_without_secrets(client):
    response = client.post(url(User, "add"), {
        "username": "new-expert", "usable_password": "true", "password1": "Zl-2026-admin-pass",
        "password2": "Zl-2026-admin-pass", "display_name": "新专家", "phone": "13700001111", "email": "",
        "role_grants-TOTAL_FORMS": "0", "role_grants-INITIAL_FORMS": "0",
    })

    assert response.status_code == 302
    user = User.objects.get(username="new-expert")
    assert (user.display_name, user.phone, user.check_password("Zl-2026-admin-pass")) == ("新专家", "13700001111", True)
    record = AuditRecord.objects.get(action="admin.accounts.user.add")
    assert record.after == {"username": "new-expert", "display_name": "新专家", "phone": "（不记录）", "email": ""}


def test_role_grant_added_inline_on_user_audited(client):
    user = UserFactory(username="grantee")
    organization = OrganizationFactory(name="运城市市场监督管理局测试处")
    change = url(User, "change", user.pk)
    data = form_data(client.get(change)) | {
        "role_grants-TOTAL_FORMS": "1", "role_grants-0-role": "expert", "role_grants-0-organization": organization.pk,
        "role_grants-0-is_active": "on", "role_grants-0-granted_at_0": "2026-06-01",
        "role_grants-0-granted_at_1": "09:00:00", "role_grants-0-user": user.pk,
    }

    response = client.post(change, data)

    assert response.status_code == 302
    grant = RoleGrant.objects.get(user=user)
    assert (grant.role, grant.organization) == ("expert", organization)
    record = AuditRecord.objects.get(action="admin.accounts.rolegrant.add")
    assert (record.object_id, record.after["role"], record.after["organization"]) == (
        str(grant.pk), "expert", organization.pk)


# --- calendar overrides go through their service ---------------------------------------------------

def test_calendar_override_added_through_service_for_office(client, superuser):
    RoleGrantFactory(user=superuser, role="office")

    response = client.post(url(CalendarOverride, "add"), {"date": "2026-10-10", "is_workday": "on", "note": "国庆调休"})

    assert response.status_code == 302
    override = CalendarOverride.objects.get(date=dt.date(2026, 10, 10))
    assert (override.is_workday, override.created_by) == (True, superuser)
    assert AuditRecord.objects.get(action="calendar.override_set").after == {
        "date": "2026-10-10", "is_workday": True, "note": "国庆调休"}


def test_calendar_override_refused_without_office_role(client):
    response = client.post(url(CalendarOverride, "add"), {"date": "2026-10-10", "is_workday": "on", "note": "x"})

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["只有领导小组办公室可以调整工作日日历。"]
    assert not CalendarOverride.objects.exists()


# --- API tokens: no key shown; delete revokes ------------------------------------------------------

def test_api_token_page_shows_no_key_and_delete_revokes(client, superuser):
    token, key = ApiToken.issue(superuser, dt.timedelta(days=30))

    page = client.get(url(ApiToken, "change", token.pk)).content.decode()
    response = client.post(url(ApiToken, "delete", token.pk), {"post": "yes"})

    assert token.key_hash not in page and key not in page
    assert f"{token.prefix}…" in page
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert AuditRecord.objects.filter(action="api_token.revoke", object_id=str(token.pk)).count() == 1


def test_api_token_cannot_be_edited(client, superuser):
    token, _ = ApiToken.issue(superuser, dt.timedelta(days=30))
    expires = token.expires_at

    response = client.post(url(ApiToken, "change", token.pk), {"expires_at": "2099-01-01"})

    assert response.status_code == 403
    token.refresh_from_db()
    assert token.expires_at == expires


# --- notices: read-only, and the objector stays unnamed -------------------------------------------

def test_objection_identity_not_in_admin_pages(client, objection):
    pages = [
        client.get(url(Objection, "change", objection.pk)).content.decode(),
        client.get(url(Objection, "changelist")).content.decode(),
        client.get(url(objection.notice.__class__, "change", objection.notice.pk)).content.decode(),
        client.get(url(objection.entry.__class__, "change", objection.entry.pk)).content.decode(),
    ]

    for html in pages:
        for secret in (IDENTITY.name, IDENTITY.phone, IDENTITY.id_number, IDENTITY.unit, "objector_"):
            assert secret not in html
    assert objection.tracking_code in pages[0]


def test_objection_admin_is_read_only(client, objection):
    response = client.post(url(Objection, "change", objection.pk), {"status": "upheld"})

    assert response.status_code == 403
    objection.refresh_from_db()
    assert objection.status == "filed"


def test_notice_cannot_be_deleted_in_admin(client, objection):
    notice = objection.notice

    assert client.post(url(notice.__class__, "delete", notice.pk), {"post": "yes"}).status_code == 403
    assert client.get(url(notice.__class__, "add")).status_code == 403


def test_audit_record_changelist_lists_records(client, superuser):
    audit.record("test.listed", actor=superuser, obj=superuser)

    assert "test.listed" in client.get(url(AuditRecord, "changelist")).content.decode()


def test_admin_search_works_on_every_searchable_page(client, world):
    for model, model_admin in REGISTERED:
        if model_admin.search_fields:
            assert client.get(url(model, "changelist"), {"q": "测试"}).status_code == 200, model._meta.label


# --- sign-in goes through the site's login (axes lockout, TOTP step) ------------------------------

def test_admin_login_redirects_to_site_login_with_next(db):
    anonymous = Client()

    first = anonymous.get("/admin/")
    second = anonymous.get(first["Location"])

    assert first["Location"] == "/admin/login/?next=/admin/"
    assert (second.status_code, second["Location"]) == (302, "/accounts/login/?next=/admin/")


def test_admin_login_ignores_foreign_next(db):
    response = Client().get("/admin/login/", {"next": "https://evil.example/"})

    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_admin_login_sends_signed_in_staff_on(client):
    response = client.get("/admin/login/", {"next": "/admin/accounts/user/"})

    assert (response.status_code, response["Location"]) == (302, "/admin/accounts/user/")


def test_admin_login_refuses_signed_in_non_staff_without_loop(db):
    other = Client()
    other.force_login(UserFactory(username="plain-office", roles=["office"]))

    assert other.get("/admin/login/", {"next": "/admin/"}).status_code == 403


def test_site_login_then_admin_for_staff(db):
    UserFactory(username="root-login", is_staff=True, is_superuser=True)
    browser = Client()

    response = browser.post("/accounts/login/", {"username": "root-login", "password": DEFAULT_PASSWORD,
                                                 "next": "/admin/"})

    assert response["Location"] == "/admin/"
    assert browser.get("/admin/").status_code == 200
    assert AuditRecord.objects.filter(action="login", actor_label="root-login").count() == 1


# --- TOTP devices: never the secret --------------------------------------------------------------

def test_totp_device_admin_shows_no_secret(client):
    owner = UserFactory(username="totp-user", display_name="两步验证用户")
    device = TOTPDevice.objects.create(user=owner, name="authenticator", confirmed=True)

    pages = [client.get(url(TOTPDevice, "change", device.pk)).content.decode(),
             client.get(url(TOTPDevice, "changelist")).content.decode()]

    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    for html in pages:
        assert device.key not in html and secret not in html
        assert "otpauth://" not in html and "qrcode" not in html.lower() and "/config/" not in html
    assert "两步验证用户" in pages[0] and "两步验证用户" in pages[1]


def test_totp_device_cannot_be_added_or_changed(client):
    device = TOTPDevice.objects.create(user=UserFactory(username="totp-user2"), name="authenticator", confirmed=False)

    assert client.get(url(TOTPDevice, "add")).status_code == 403
    assert client.post(url(TOTPDevice, "change", device.pk), {"confirmed": "on", "key": "00"}).status_code == 403
    device.refresh_from_db()
    assert device.confirmed is False


def test_totp_device_delete_audited_without_key(client):
    owner = UserFactory(username="lost-phone")
    device = TOTPDevice.objects.create(user=owner, name="authenticator", confirmed=True)

    response = client.post(url(TOTPDevice, "delete", device.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    record = AuditRecord.objects.get(action="admin.totp_device.delete")
    assert (record.kind, record.object_id, record.before) == (
        "auth", str(owner.pk), {"user": owner.pk, "name": "authenticator", "confirmed": True})


# --- applicants and applications ------------------------------------------------------------------

def test_person_id_number_never_in_admin_pages(client, world):
    profile = PersonProfile.objects.get(applicant__name="李质量")
    applicant = profile.applicant

    pages = [
        client.get(url(PersonProfile, "change", profile.pk)),
        client.get(url(PersonProfile, "changelist")),
        client.get(url(applicant.__class__, "change", applicant.pk)),
        client.get(url(applicant.__class__, "changelist")),
    ]

    assert [p.status_code for p in pages] == [200] * 4
    assert "id_number" not in pages[0].context["adminform"].form.fields
    for page in pages:
        assert PERSON_ID_NUMBER not in page.content.decode()
    assert "1427**********0017" in pages[0].content.decode()


def test_application_state_cannot_be_changed_in_admin(client, world):
    application = Application.objects.get()
    state = application.state

    response = client.post(url(Application, "change", application.pk), {"state": "awarded", "round": "9"})

    assert response.status_code == 403
    application.refresh_from_db()
    assert (application.state, application.round) == (state, 0)
    assert not AuditRecord.objects.filter(action__startswith="admin.applications").exists()


def test_application_page_shows_state_as_text_and_phone_masked(client, world):
    application = Application.objects.get()

    response = client.get(url(Application, "change", application.pk))

    html = response.content.decode()
    assert response.context["adminform"].form.fields == {}
    assert 'name="state"' not in html
    assert "035*****0000" in html and "0359-2000000" not in html


def test_attachment_admin_has_no_file_link(client, world):
    attachment = Attachment.objects.filter(kind="evidence").first()

    pages = [client.get(url(Attachment, "change", attachment.pk)).content.decode(),
             client.get(url(Attachment, "changelist")).content.decode(),
             client.get(url(Application, "change", attachment.application_id)).content.decode()]

    for html in pages:
        assert attachment.file.name not in html
        assert attachment.file.url not in html
    assert attachment.sha256 in pages[0]


@pytest.mark.parametrize("model", [Application, ApplicationEvent, Attachment, Notification, OutboxEmail,
                                   OpinionRequest, TalentRecord, AwardRecord, PersonProfile])
def test_service_owned_rows_are_read_only_in_admin(client, world, model):
    first = model.objects.order_by("pk").first()

    assert client.get(url(model, "add")).status_code == 403
    assert client.post(url(model, "delete", first.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=first.pk).exists()


def test_honour_added_in_admin_records_recorder_and_audit(client, superuser, world):
    applicant = Application.objects.get().applicant

    response = client.post(url(Honour, "add"), {"applicant": applicant.pk, "level": "national",
                                                "title": "全国质量奖", "conferred_by": "国家市场监督管理总局",
                                                "year": "2022"})

    assert response.status_code == 302
    honour = Honour.objects.get(title="全国质量奖")
    assert (honour.applicant, honour.recorded_by) == (applicant, superuser)
    record = AuditRecord.objects.get(action="admin.applicants.honour.add")
    assert record.after == {"applicant": applicant.pk, "level": "national", "title": "全国质量奖",
                            "conferred_by": "国家市场监督管理总局", "year": 2022}


def test_accident_record_change_audited(client, world):
    accident = AccidentRecord.objects.get()
    change = url(AccidentRecord, "change", accident.pk)
    data = form_data(client.get(change)) | {"is_major": "on"}

    assert client.post(change, data).status_code == 302

    accident.refresh_from_db()
    assert accident.is_major is True
    record = AuditRecord.objects.get(action="admin.applicants.accidentrecord.change")
    assert (record.before, record.after) == ({"is_major": False}, {"is_major": True})


def test_applicant_and_application_models_registered_and_totp_admin_replaced():
    labels = {model._meta.label for model in admin.site._registry}

    assert {
        "applicants.Applicant", "applicants.OrganizationProfile", "applicants.PersonProfile", "applicants.Honour",
        "applicants.AccidentRecord", "applicants.ViolationRecord", "applications.Application",
        "applications.ApplicationEvent", "applications.Attachment", "applications.TalentRecord",
        "applications.PublicityRecord", "applications.OpinionRequest", "applications.AwardRecord",
        "applications.Notification", "applications.OutboxEmail",
    } <= labels
    assert type(admin.site._registry[TOTPDevice]).__module__ == "qaward.core.admin"


def test_role_grant_added_in_admin_must_fit_department(client):
    user = UserFactory(username="grantee-mismatch")
    bureau = OrganizationFactory(name="测试市教育局", department_type="industry_authority")

    response = client.post(url(RoleGrant, "add"), {"user": user.pk, "role": "county_msa", "organization": bureau.pk,
                                                  "is_active": "on", "granted_at_0": "2026-06-01",
                                                  "granted_at_1": "09:00:00"})

    assert response.status_code == 200
    assert ("「县级市场监管部门」角色只能授予县级市场监管部门的工作人员，「测试市教育局」是市级行业主管部门。"
            in response.content.decode())
    assert not RoleGrant.objects.filter(user=user).exists()
