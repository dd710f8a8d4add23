"""The permission matrix (DESIGN.md §8): every URL of the project × one actor per role.

MATRIX below is the specification a reviewer reads: for each URL pattern, who may GET it and, for
a state-changing URL, who may perform it. The tests walk the project's URL resolver (the ninja API
included), so a new URL without a row here fails `test_every_url_pattern_has_a_row`.

Reading a row:
  get       — what each actor gets on GET: an HTTP status, or DENY (anonymous: the login redirect on
              a page, 401 on the API; signed in: 403 or 404). ACTION marks an action URL: GET shows
              nothing (405, or DENY). None: an API operation of another method.
  post      — who may perform the request (the operation's own method on the API, POST on a page);
              every other actor is refused (see `refused`) and `unchanged` (plus the audit trail's
              length) stays the same. PUBLIC: anyone may (registration, login, objections).
  data      — a valid payload, so a refusal comes from the permission check and not from the form
              (each was checked to go through for a permitted user when the row was written).
  seen_by   — actors who see the object anyway and may get its page back with the refusal on it.
  shows     — (marker, actors): among the actors who get 200, exactly these find the marker (an
              application's reference or name) — list pages and exports are scoped per object too.

Every response is also scanned for what nobody may read there: full ID numbers (the office reads one
only through its audited reveal), the objector's identity (the supervision group's identity page,
on POST), and — for roles that do not contact applicants — an applicant's phone number.

Actors: anonymous and one account per role of the demo world (tests/security/world.py). The object
pages use org01's accepted application from 盐湖区, so org02 (another applicant) and msa_linyi
(another county) prove the object scoping.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib import messages as django_messages
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from openpyxl import load_workbook

from qaward.accounts.models import RoleGrant, User
from qaward.applicants.models import ViolationRecord
from qaward.applications.models import Application, AwardRecord, OpinionRequest
from qaward.core.masking import CONTACT_ROLES
from qaward.core.models import AuditRecord
from qaward.notices.models import PublicNotice
from qaward.programs.models import CalendarOverride, Edition, RubricItem

from .routes import Route, project_routes
from .world import ACTORS, OBJECTOR, PDF, World, build_world

ANON = "anonymous"
EVERYONE = frozenset(ACTORS)
SIGNED_IN = EVERYONE - {ANON}
OFFICE = frozenset({"office1"})
SUPERVISION = frozenset({"supervision1"})
LEADERSHIP = frozenset({"leadership1"})
# 第七、八、十八条: the office runs the award; the leadership and supervision groups watch it read-only.
OVERSIGHT = OFFICE | SUPERVISION | LEADERSHIP
APPLICANTS = frozenset({"org01", "org02"})
# The departments of the submission chain (第十六条): they audit and recommend from their inbox.
CHAIN = frozenset({"msa_yanhu", "msa_linyi", "gov_yanhu", "industry_gongxin"})
# org01's accepted application (盐湖区): its applicant, the receiving county department, the county
# government that recommended it, the office, the supervision group, and — accepted — the leadership.
# Experts see an application only once assigned (evaluation is not built yet: none is).
ACCEPTED_APP = frozenset({"org01", "msa_yanhu", "gov_yanhu"}) | OVERSIGHT
OWNER = frozenset({"org01"})
# org05's application, returned by msa_yanhu for correction: editable, by org05 alone (not an actor), so
# every actor's edit must be refused — those who see it (the receiver, the office, supervision) included.
RETURNED_APP = frozenset({"msa_yanhu", "office1", "supervision1"})
NOBODY = frozenset()
PUBLIC = "public"  # `post`: anyone may submit (registration, login, objections, tracking)

DENY = "deny"
POST_ONLY = "post-only"


def only(actors, status: int = 200) -> dict[str, int | str]:
    return {actor: status if actor in actors else DENY for actor in ACTORS}


def everyone(status: int = 200) -> dict[str, int | str]:
    return dict.fromkeys(ACTORS, status)


ACTION = dict.fromkeys(ACTORS, POST_ONLY)


@dataclass(frozen=True)
class Row:
    get: dict[str, int | str] | None  # None: an API operation of another method (not GET)
    kwargs: Callable[[World], dict] = lambda w: {}
    query: str = ""
    post: frozenset | str | None = None
    post_kwargs: Callable[[World], dict] | None = None
    data: Callable[[World], dict] = lambda w: {}
    multipart: bool = False
    unchanged: Callable[[World], object] = lambda w: None
    seen_by: frozenset = frozenset()  # may get the page back re-rendered (4xx) with the refusal on it
    shows: tuple[Callable[[World], str], frozenset] | None = None


def app(w: World) -> dict:
    return {"pk": w.accepted.pk}


def returned(w: World) -> dict:
    return {"pk": w.returned.pk}


def api_app(w: World) -> dict:
    return {"application_id": w.accepted.pk}


def api_returned(w: World) -> dict:
    return {"application_id": w.returned.pk}


def refreshed(obj: Callable[[World], object], *fields: str) -> Callable[[World], dict | None]:
    """A snapshot of ``fields`` of the world's object ``obj`` as the database holds them now."""
    def snapshot(w: World):
        target = obj(w)
        return type(target).objects.filter(pk=target.pk).values(*fields).first()
    return snapshot


def accepted_ref(w: World) -> str:
    return w.accepted.reference


def accepted_name(w: World) -> str:
    return w.accepted.applicant.name


def submitted_ref(w: World) -> str:
    return w.submitted.reference


TODAY = "2026-12-01"
AUDIT_POINTS = ("completeness", "authenticity", "accuracy", "legality")  # 第十六条
DEPT_APPROVE = {**dict.fromkeys(AUDIT_POINTS, "on"), "reason": "同意"}

MATRIX: dict[str, Row] = {
    # --- accounts: sign-in and the user's own settings -----------------------------------------
    "accounts/login/": Row(get=only(SIGNED_IN, 302) | {ANON: 200}, post=PUBLIC),
    # No authenticator is enrolled in the demo, so the second step passes straight on.
    "accounts/login/verify/": Row(get=only(SIGNED_IN, 302), post=SIGNED_IN),
    "accounts/logout/": Row(get=dict.fromkeys(ACTORS, 405), post=PUBLIC),
    "accounts/password/": Row(
        get=only(SIGNED_IN), post=SIGNED_IN,
        data=lambda w: {"old_password": "x", "new_password1": "Zz-2026-long-pass", "new_password2": "Zz-2026-long-pass"}),
    "accounts/password/done/": Row(get=only(SIGNED_IN)),
    "accounts/two-factor/": Row(get=only(SIGNED_IN), post=SIGNED_IN),
    "accounts/two-factor/remove/": Row(get=ACTION, post=SIGNED_IN),
    # --- accounts: the office manages department staff accounts --------------------------------
    "accounts/users/": Row(get=only(OFFICE)),
    "accounts/users/export.xlsx": Row(get=only(OFFICE)),
    "accounts/users/new/": Row(
        get=only(OFFICE), post=OFFICE,
        data=lambda w: {"username": "matrix_new", "display_name": "矩阵测试", "email": "m@example.cn",
                        "organization": w.staff_account.role_grants.get().organization_id, "roles": ["county_msa"]},
        unchanged=lambda w: User.objects.count()),
    "accounts/users/<int:pk>/": Row(get=only(OFFICE), kwargs=lambda w: {"pk": w.staff_account.pk}),
    "accounts/users/<int:pk>/grants/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.staff_account.pk}, post=OFFICE,
        data=lambda w: {"role": "expert", "organization": w.staff_account.role_grants.get().organization_id},
        unchanged=lambda w: list(RoleGrant.objects.filter(user=w.staff_account).values_list("role", "is_active"))),
    "accounts/users/<int:pk>/grants/<int:grant_pk>/revoke/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.staff_account.pk, "grant_pk": w.staff_account.role_grants.get().pk},
        post=OFFICE, data=lambda w: {"reason": "调岗"},
        unchanged=lambda w: list(RoleGrant.objects.filter(user=w.staff_account).values_list("role", "is_active"))),
    "accounts/users/<int:pk>/deactivate/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.staff_account.pk}, post=OFFICE, data=lambda w: {"reason": "离职"},
        unchanged=refreshed(lambda w: w.staff_account, "is_active")),
    "accounts/users/<int:pk>/reactivate/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.staff_account.pk}, post=OFFICE, data=lambda w: {"reason": "复职"},
        unchanged=refreshed(lambda w: w.staff_account, "is_active")),
    "accounts/users/<int:pk>/reset-password/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.staff_account.pk}, post=OFFICE, data=lambda w: {"reason": "遗忘"},
        unchanged=refreshed(lambda w: w.staff_account, "password")),
    # --- the supervision group's audit trail (第十八条) -------------------------------------------
    "supervision/audit/": Row(get=only(SUPERVISION)),
    "supervision/audit/verify/": Row(get=ACTION, post=SUPERVISION),
    "supervision/audit/verify/<int:pk>/": Row(get=only(SUPERVISION), kwargs=lambda w: {"pk": w.verification.pk}),
    "supervision/audit/verify/<int:pk>/progress/": Row(
        get=only(SUPERVISION), kwargs=lambda w: {"pk": w.verification.pk}),
    # --- the office's working-day calendar -----------------------------------------------------
    "office/calendar/": Row(get=only(OFFICE, 302)),
    "office/calendar/<int:year>/": Row(
        get=only(OFFICE), kwargs=lambda w: {"year": 2026}, post=OFFICE,
        data=lambda w: {"date": "2026-12-27", "is_workday": "1", "note": "矩阵"},
        unchanged=lambda w: CalendarOverride.objects.count()),
    "office/calendar/overrides/<int:pk>/delete/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.override.pk}, post=OFFICE,
        unchanged=lambda w: CalendarOverride.objects.filter(pk=w.override.pk).exists()),
    # --- editions (第四、十四条): the office runs them, the two groups read ------------------------
    # HR (report) and the city government (decide) see an edition's page once their step is due;
    # the demo edition is open for applications, so for now they are refused like everyone else.
    "office/editions/": Row(get=only(OVERSIGHT)),
    "office/editions/export.xlsx": Row(get=only(OVERSIGHT)),
    "office/editions/new/": Row(
        get=only(OFFICE), post=OFFICE,
        data=lambda w: {"program": w.edition.program_id, "number": 9, "year": 2040, "title": "第九届（矩阵）"},
        unchanged=lambda w: Edition.objects.count()),
    "office/editions/<int:pk>/": Row(get=only(OVERSIGHT), kwargs=lambda w: {"pk": w.edition.pk}),
    "office/editions/<int:pk>/plan/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.edition.pk}, post=OFFICE,
        data=lambda w: {"plan": "篡改的方案", "criteria": "篡改"}, unchanged=refreshed(lambda w: w.edition, "plan")),
    "office/editions/<int:pk>/rubrics/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.edition.pk}, post=OFFICE,
        data=lambda w: {"organization_rubric": w.edition.organization_rubric_id,
                        "individual_rubric": w.edition.individual_rubric_id},
        unchanged=refreshed(lambda w: w.edition, "organization_rubric", "individual_rubric")),
    "office/editions/<int:pk>/approvals/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.edition.pk}, post=OFFICE,
        data=lambda w: {"kind": "city", "authority": "篡改", "document_number": "篡〔2026〕1号",
                        "approved_on": "2026-08-20"},
        unchanged=lambda w: list(w.edition.approvals.values_list("document_number", flat=True))),
    "office/editions/<int:pk>/call/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.edition.pk}, post=OFFICE,
        data=lambda w: {"title": "篡改", "text": "篡改", "published_on": "2026-11-02", "deadline": "2027-01-29"},
        unchanged=refreshed(lambda w: w.edition, "call_title", "call_text")),
    "office/editions/<int:pk>/actions/<slug:action>/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.edition.pk, "action": "close_applications"}, post=OFFICE,
        data=lambda w: {"close_applications-reason": "矩阵"}, unchanged=refreshed(lambda w: w.edition, "stage")),
    # --- rubrics (第三条) -------------------------------------------------------------------------
    "office/rubrics/": Row(get=only(OVERSIGHT)),
    "office/rubrics/export.xlsx": Row(get=only(OVERSIGHT)),
    "office/rubrics/items/<int:pk>/points/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.rubric_item.pk}, post=OFFICE,
        data=lambda w: {f"item{w.rubric_item.pk}-points": w.rubric_item.points + 1, f"item{w.rubric_item.pk}-reason": "x"},
        unchanged=lambda w: RubricItem.objects.get(pk=w.rubric_item.pk).points),
    "office/rubrics/<slug:code>/": Row(get=only(OVERSIGHT), kwargs=lambda w: {"code": w.rubric.code}),
    "office/rubrics/<slug:code>/export.xlsx": Row(get=only(OVERSIGHT), kwargs=lambda w: {"code": w.rubric.code}),
    "office/rubrics/<slug:code>/verify/": Row(
        get=ACTION, kwargs=lambda w: {"code": w.rubric.code}, post=OFFICE, data=lambda w: {"reason": "核对"},
        unchanged=refreshed(lambda w: w.rubric, "verified")),
    # --- public notices and objections (第十七、十九、二十、二十七、二十八条) ------------------------
    "notices/": Row(get=everyone()),
    "notices/past/": Row(get=everyone()),
    "notices/<int:pk>/": Row(get=everyone(), kwargs=lambda w: {"pk": w.notice.pk}),
    "notices/<int:pk>/print/": Row(get=everyone(), kwargs=lambda w: {"pk": w.notice.pk}),
    "notices/<int:pk>/object/": Row(get=ACTION, kwargs=lambda w: {"pk": w.notice.pk}, post=PUBLIC),
    # The receipt is shown once, right after filing; without one in the session it sends to tracking.
    "notices/objections/receipt/": Row(get=everyone(302)),
    "notices/track/": Row(get=everyone(), post=PUBLIC),
    "notices/how-to-object/": Row(get=everyone()),
    "notices/winners/": Row(get=everyone()),
    "notices/manage/": Row(get=only(OVERSIGHT)),
    "notices/manage/editions/<int:edition_pk>/publish/<slug:kind>/": Row(
        get=only(OFFICE), kwargs=lambda w: {"edition_pk": w.edition.pk, "kind": "acceptance"}, post=OFFICE,
        data=lambda w: {"title": "篡改", "scope": "city", "start": TODAY, "workdays": 5, "extra_lines": "某公司"},
        unchanged=lambda w: PublicNotice.objects.count()),
    "notices/manage/<int:pk>/": Row(get=only(OVERSIGHT), kwargs=lambda w: {"pk": w.notice.pk}),
    "notices/manage/<int:pk>/withdraw/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.notice.pk}, post=OFFICE, data=lambda w: {"reason": "篡改"},
        unchanged=refreshed(lambda w: w.notice, "withdrawn_at", "withdrawal_reason")),
    "notices/objections/": Row(get=only(OVERSIGHT)),
    "notices/objections/<int:pk>/": Row(get=only(OVERSIGHT), kwargs=lambda w: {"pk": w.objection.pk}),
    "notices/objections/<int:pk>/findings/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.objection.pk}, post=OFFICE, data=lambda w: {"findings": "篡改"},
        unchanged=refreshed(lambda w: w.objection, "status", "findings")),
    "notices/objections/<int:pk>/decide/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.objection.pk}, post=LEADERSHIP,
        data=lambda w: {"outcome": "upheld", "reason": "篡改"}, unchanged=refreshed(lambda w: w.objection, "status")),
    "notices/objections/<int:pk>/evidence/<int:evidence_pk>/": Row(
        get=only(OVERSIGHT), kwargs=lambda w: {"pk": w.objection.pk, "evidence_pk": w.evidence.pk}),
    # 第二十八条: who objected is for the supervision group alone, revealed on POST and audited.
    "notices/supervision/objections/": Row(get=only(SUPERVISION)),
    "notices/supervision/objections/<int:pk>/identity/": Row(
        get=only(SUPERVISION), kwargs=lambda w: {"pk": w.objection.pk}, post=SUPERVISION),
    # --- applications (第十五～十七条) -------------------------------------------------------------
    "applications/": Row(get=only(SIGNED_IN), shows=(accepted_ref, OWNER)),
    "applications/start/<int:edition_pk>/": Row(
        get=ACTION, kwargs=lambda w: {"edition_pk": w.edition.pk}, post=APPLICANTS,
        unchanged=lambda w: Application.objects.count()),
    "applications/<int:pk>/": Row(get=only(ACCEPTED_APP), kwargs=app),
    "applications/<int:pk>/checklist/": Row(get=only(ACCEPTED_APP), kwargs=app),
    "applications/<int:pk>/save/<str:section>/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.accepted.pk, "section": "basic"},
        post_kwargs=lambda w: {"pk": w.returned.pk, "section": "basic"}, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"contact_name": "篡改", "contact_phone": "13900000000", "receiver": w.returned.receiver_id},
        unchanged=refreshed(lambda w: w.returned, "contact_name", "contact_phone")),
    "applications/<int:pk>/attachments/": Row(
        get=ACTION, kwargs=app, post_kwargs=returned, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"file": SimpleUploadedFile("x.pdf", PDF), "kind": "evidence"},
        unchanged=lambda w: w.returned.attachments.count()),
    "applications/attachments/<int:pk>/": Row(get=only(ACCEPTED_APP), kwargs=lambda w: {"pk": w.attachment.pk}),
    "applications/attachments/<int:pk>/delete/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.attachment.pk},
        post_kwargs=lambda w: {"pk": w.returned.attachments.order_by("pk").first().pk}, post=NOBODY,
        unchanged=lambda w: w.returned.attachments.count()),
    "applications/<int:pk>/talents/": Row(
        get=ACTION, kwargs=app, post_kwargs=returned, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"name": "篡改", "level": "general", "introduced_on": "2025-01-01",
                        "evidence": SimpleUploadedFile("t.pdf", PDF)},
        unchanged=lambda w: (w.returned.talents.count(), w.returned.attachments.count())),
    "applications/talents/<int:pk>/delete/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.talent.pk}, post=OWNER, unchanged=lambda w: w.accepted.talents.count()),
    "applications/talents/<int:pk>/verify/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.talent.pk}, post=OFFICE,
        data=lambda w: {"status": "rejected", "note": "篡改"},
        unchanged=refreshed(lambda w: w.talent, "status", "verification_note")),
    "applications/<int:pk>/publicity/": Row(
        get=ACTION, kwargs=app, post_kwargs=returned, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"start_on": "2026-11-02", "end_on": "2026-11-20", "result": "no_objection"},
        unchanged=lambda w: list(Application.objects.filter(pk=w.returned.pk)
                                 .values_list("publicity__start_on", "publicity__end_on"))),
    "applications/<int:pk>/commitment/": Row(
        get=ACTION, kwargs=app, post_kwargs=returned, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"signer": "篡改", "confirm": "on", "no_state_secret": "on"},
        unchanged=refreshed(lambda w: w.returned, "commitment_signed_by", "commitment_signed_at")),
    # Actions are posted on org04's submitted application, which msa_yanhu (alone) may approve.
    "applications/<int:pk>/actions/<str:action>/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.accepted.pk, "action": "withdraw"},
        post_kwargs=lambda w: {"pk": w.submitted.pk, "action": "dept_approve"}, post=frozenset({"msa_yanhu"}),
        data=lambda w: DEPT_APPROVE, unchanged=refreshed(lambda w: w.submitted, "state", "round")),
    "applications/<int:pk>/opinions/": Row(
        get=ACTION, kwargs=app, post=OFFICE, seen_by=ACCEPTED_APP,
        data=lambda w: {"department": w.opinion.department_id, "request_text": "篡改", "requested_on": TODAY},
        unchanged=lambda w: OpinionRequest.objects.count()),
    "applications/opinions/<int:pk>/answer/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.opinion.pk}, post=OFFICE,
        data=lambda w: {"answered_on": TODAY, "answer_text": "篡改", "has_objection": "on"},
        unchanged=refreshed(lambda w: w.opinion, "answer_text", "has_objection")),
    "applications/inbox/": Row(get=only(CHAIN), shows=(submitted_ref, frozenset({"msa_yanhu"}))),
    "applications/formal-review/": Row(get=only(OFFICE)),
    # The acceptance list and the exports are open to every signed-in user, scoped to what each may see.
    "applications/acceptance/": Row(get=only(SIGNED_IN, 302)),
    "applications/acceptance/<int:edition_pk>/": Row(
        get=only(SIGNED_IN), kwargs=lambda w: {"edition_pk": w.edition.pk}, shows=(accepted_name, ACCEPTED_APP)),
    "applications/acceptance/<int:edition_pk>/export.xlsx": Row(
        get=only(SIGNED_IN), kwargs=lambda w: {"edition_pk": w.edition.pk}, shows=(accepted_ref, ACCEPTED_APP)),
    "applications/export.xlsx": Row(get=only(SIGNED_IN), shows=(accepted_ref, ACCEPTED_APP)),
    "applications/history/": Row(
        get=only(OFFICE), post=OFFICE,
        data=lambda w: {"edition": w.historical.pk, "applicant": w.submitted.applicant_id, "level": "award"},
        unchanged=lambda w: AwardRecord.objects.count()),
    "applications/history/<int:pk>/revoke/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.award.pk}, post=OFFICE,
        data=lambda w: {"revoked_on": "2025-01-01", "note": "篡改"},
        unchanged=refreshed(lambda w: w.award, "revoked_on")),
    "applications/outbox/": Row(get=only(OFFICE)),
    "applications/outbox/<int:pk>/<str:verb>/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.outbox.pk, "verb": "hold"}, post=OFFICE,
        unchanged=refreshed(lambda w: w.outbox, "status")),
    "applications/notifications/": Row(get=only(SIGNED_IN), post=SIGNED_IN),
    # --- applicants (第十一、十二条) ---------------------------------------------------------------
    "applicants/register/": Row(get=everyone()),
    "applicants/register/organization/": Row(get=everyone(), post=PUBLIC),
    "applicants/register/individual/": Row(get=everyone(), post=PUBLIC),
    # Someone who represents no applicant gets the "register first" page, with 404.
    "applicants/profile/": Row(get=only(APPLICANTS) | dict.fromkeys(SIGNED_IN - APPLICANTS, 404)),
    "applicants/<int:pk>/": Row(get=only(ACCEPTED_APP), kwargs=lambda w: {"pk": w.accepted.applicant_id}),
    "applicants/<int:pk>/update/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.accepted.applicant_id}, post=OWNER, seen_by=ACCEPTED_APP,
        data=lambda w: {"industry_code": "C34", "contact_name": "篡改", "established_on": "2005-04-02"},
        unchanged=refreshed(lambda w: w.accepted.applicant, "contact_name", "industry_code")),
    # Conduct records: the office enters violations and accidents; the applicant declares its own.
    "applicants/<int:pk>/records/<str:record_type>/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.accepted.applicant_id, "record_type": "violation"},
        post=OWNER | OFFICE, seen_by=ACCEPTED_APP,
        data=lambda w: {"occurred_on": "2025-03-01", "kind": "irregular", "description": "篡改"},
        unchanged=lambda w: ViolationRecord.objects.count()),
    "applicants/records/<str:record_type>/<int:pk>/delete/": Row(
        get=ACTION, kwargs=lambda w: {"record_type": "honour", "pk": w.honour.pk}, post=OWNER | OFFICE,
        unchanged=lambda w: w.accepted.applicant.honours.count()),
    # ID numbers: masked everywhere; the office alone reads one in full, with a reason, audited.
    "applicants/<int:pk>/id-number/": Row(
        get=ACTION, kwargs=lambda w: {"pk": w.person.pk}, post=OFFICE, data=lambda w: {"reason": "征求公安意见"}),
    # --- portal -----------------------------------------------------------------------------------
    "": Row(get=everyone()),
    "rules/": Row(get=everyone()),
    "how-to-report/": Row(get=everyone()),
    "todo/": Row(get=only(SIGNED_IN)),
    "workbench/": Row(get=only(SIGNED_IN)),
    # --- API (DESIGN.md §9): anonymous callers get 401 where the API needs a caller -----------------
    "GET api/v1/openapi.json": Row(get=everyone()),
    "GET api/v1/docs": Row(get=everyone()),
    "GET api/v1/": Row(get=everyone(404)),  # ninja's root only anchors the API's path; it always answers 404
    "POST api/v1/auth/token": Row(get=None, post=PUBLIC),
    "DELETE api/v1/auth/token": Row(get=None, post=SIGNED_IN),
    "GET api/v1/me": Row(get=only(SIGNED_IN)),
    "GET api/v1/calendar/workdays": Row(get=everyone(), query="start=2026-10-01&end=2026-10-31"),
    "GET api/v1/calendar/add-workdays": Row(get=everyone(), query="start=2026-10-01&days=5"),
    "GET api/v1/programs": Row(get=everyone()),
    # Editions from the call onwards are public; earlier ones only for the office and the two groups.
    "GET api/v1/editions": Row(get=everyone()),
    "POST api/v1/editions": Row(
        get=None, post=OFFICE, data=lambda w: {"number": 9, "year": 2040, "title": "第九届（矩阵）"},
        unchanged=lambda w: Edition.objects.count()),
    "GET api/v1/editions/<edition_id>": Row(get=everyone(), kwargs=lambda w: {"edition_id": w.edition.pk}),
    "POST api/v1/editions/<edition_id>/actions/<action>": Row(
        get=None, kwargs=lambda w: {"edition_id": w.edition.pk, "action": "close_applications"}, post=OFFICE,
        data=lambda w: {"reason": "矩阵"}, unchanged=refreshed(lambda w: w.edition, "stage")),
    "GET api/v1/applications": Row(get=only(SIGNED_IN), shows=(accepted_ref, ACCEPTED_APP)),
    "POST api/v1/applications": Row(
        get=None, post=APPLICANTS, data=lambda w: {"edition": w.edition.pk},
        unchanged=lambda w: Application.objects.count()),
    "GET api/v1/applications/<application_id>": Row(get=only(ACCEPTED_APP), kwargs=api_app),
    "PATCH api/v1/applications/<application_id>": Row(
        get=None, kwargs=api_returned, post=NOBODY, seen_by=RETURNED_APP, data=lambda w: {"contact_name": "篡改"},
        unchanged=refreshed(lambda w: w.returned, "contact_name")),
    "GET api/v1/applications/<application_id>/eligibility": Row(get=only(ACCEPTED_APP), kwargs=api_app),
    "POST api/v1/applications/<application_id>/attachments": Row(
        get=None, kwargs=api_returned, post=NOBODY, seen_by=RETURNED_APP, multipart=True,
        data=lambda w: {"file": SimpleUploadedFile("x.pdf", PDF), "kind": "evidence"},
        unchanged=lambda w: w.returned.attachments.count()),
    "GET api/v1/applications/<application_id>/attachments/<attachment_id>/content": Row(
        get=only(ACCEPTED_APP), kwargs=lambda w: {"application_id": w.accepted.pk, "attachment_id": w.attachment.pk}),
    "DELETE api/v1/applications/<application_id>/attachments/<attachment_id>": Row(
        get=None, kwargs=lambda w: {"application_id": w.returned.pk,
                                    "attachment_id": w.returned.attachments.order_by("pk").first().pk},
        post=NOBODY, seen_by=RETURNED_APP, unchanged=lambda w: w.returned.attachments.count()),
    "POST api/v1/applications/<application_id>/talents": Row(
        get=None, kwargs=api_returned, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"name": "篡改", "level": "general", "introduced_on": "2025-01-01",
                        "evidence": w.returned.attachments.order_by("pk").first().pk},
        unchanged=lambda w: w.returned.talents.count()),
    "POST api/v1/applications/<application_id>/talents/<talent_id>/verify": Row(
        get=None, kwargs=lambda w: {"application_id": w.accepted.pk, "talent_id": w.talent.pk}, post=OFFICE,
        seen_by=ACCEPTED_APP, data=lambda w: {"status": "rejected", "note": "篡改"},
        unchanged=refreshed(lambda w: w.talent, "status")),
    "POST api/v1/applications/<application_id>/publicity": Row(
        get=None, kwargs=api_returned, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"start_on": "2026-11-02", "end_on": "2026-11-20", "result": "no_objection"},
        unchanged=lambda w: list(Application.objects.filter(pk=w.returned.pk).values_list("publicity__end_on"))),
    "POST api/v1/applications/<application_id>/commitment": Row(
        get=None, kwargs=api_returned, post=NOBODY, seen_by=RETURNED_APP,
        data=lambda w: {"signer": "篡改", "no_state_secret": True},
        unchanged=refreshed(lambda w: w.returned, "commitment_signed_by", "commitment_signed_at")),
    "POST api/v1/applications/<application_id>/actions/<action>": Row(
        get=None, kwargs=lambda w: {"application_id": w.submitted.pk, "action": "dept_approve"},
        post=frozenset({"msa_yanhu"}), seen_by=frozenset({"office1", "supervision1"}),
        data=lambda w: {"reason": "同意", "checks": dict.fromkeys(AUDIT_POINTS, True)},
        unchanged=refreshed(lambda w: w.submitted, "state", "round")),
    "POST api/v1/applications/<application_id>/opinions": Row(
        get=None, kwargs=api_app, post=OFFICE, seen_by=ACCEPTED_APP,
        data=lambda w: {"department": w.opinion.department_id, "request_text": "篡改"},
        unchanged=lambda w: OpinionRequest.objects.count()),
    "POST api/v1/applications/<application_id>/opinions/<opinion_id>/answer": Row(
        get=None, kwargs=lambda w: {"application_id": w.accepted.pk, "opinion_id": w.opinion.pk}, post=OFFICE,
        seen_by=ACCEPTED_APP, data=lambda w: {"answer_text": "篡改", "answered_on": TODAY, "has_objection": True},
        unchanged=refreshed(lambda w: w.opinion, "answer_text")),
    "GET api/v1/editions/<edition_id>/acceptance-list": Row(
        get=only(SIGNED_IN), kwargs=lambda w: {"edition_id": w.edition.pk}, shows=(accepted_ref, ACCEPTED_APP)),
    "POST api/v1/applicants/organizations": Row(get=None, post=PUBLIC),
    "POST api/v1/applicants/individuals": Row(get=None, post=PUBLIC),
    "GET api/v1/applicants/<applicant_id>": Row(
        get=only(ACCEPTED_APP), kwargs=lambda w: {"applicant_id": w.accepted.applicant_id}),
    "PATCH api/v1/applicants/<applicant_id>": Row(
        get=None, kwargs=lambda w: {"applicant_id": w.accepted.applicant_id}, post=OWNER, seen_by=ACCEPTED_APP,
        data=lambda w: {"contact_name": "篡改"}, unchanged=refreshed(lambda w: w.accepted.applicant, "contact_name")),
    "POST api/v1/applicants/<applicant_id>/id-number": Row(
        get=None, kwargs=lambda w: {"applicant_id": w.person.pk}, post=OFFICE,
        seen_by=frozenset({"industry_gongxin", "supervision1"}), data=lambda w: {"reason": "征求公安意见"}),
    "GET api/v1/editions/<edition_id>/notices": Row(get=everyone(), kwargs=lambda w: {"edition_id": w.historical.pk}),
    "POST api/v1/editions/<edition_id>/notices": Row(
        get=None, kwargs=lambda w: {"edition_id": w.edition.pk}, post=OFFICE,
        data=lambda w: {"kind": "acceptance", "title": "篡改", "entries": [{"name": "某公司"}]},
        unchanged=lambda w: PublicNotice.objects.count()),
    "GET api/v1/notices/<notice_id>": Row(get=everyone(), kwargs=lambda w: {"notice_id": w.notice.pk}),
    "POST api/v1/notices/<notice_id>/withdraw": Row(
        get=None, kwargs=lambda w: {"notice_id": w.notice.pk}, post=OFFICE, data=lambda w: {"reason": "篡改"},
        unchanged=refreshed(lambda w: w.notice, "withdrawn_at")),
    "POST api/v1/notices/<notice_id>/objections": Row(get=None, kwargs=lambda w: {"notice_id": w.notice.pk},
                                                      post=PUBLIC),
    "GET api/v1/notices/<notice_id>/objections": Row(get=only(OVERSIGHT), kwargs=lambda w: {"notice_id": w.notice.pk}),
    "GET api/v1/objections/track/<code>": Row(get=everyone(), kwargs=lambda w: {"code": w.objection.tracking_code}),
    "POST api/v1/objections/<objection_id>/findings": Row(
        get=None, kwargs=lambda w: {"objection_id": w.objection.pk}, post=OFFICE, seen_by=OVERSIGHT,
        data=lambda w: {"findings": "篡改"}, unchanged=refreshed(lambda w: w.objection, "status", "findings")),
    "POST api/v1/objections/<objection_id>/decision": Row(
        get=None, kwargs=lambda w: {"objection_id": w.objection.pk}, post=LEADERSHIP, seen_by=OVERSIGHT,
        data=lambda w: {"upheld": True, "reason": "篡改"}, unchanged=refreshed(lambda w: w.objection, "status")),
}


# --- fixtures ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def world_media(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(autouse=True)
def _media_root(settings, world_media):
    """Overrides tests/conftest.py's per-test folder: the world's uploaded files live in one folder."""
    settings.MEDIA_ROOT = world_media


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, world_media):
    """The demo world, built once; the outer atomic block keeps it out of every other module's database."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=world_media), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def clients(world, django_db_blocker) -> dict[str, Client]:
    """One signed-in client per actor, signed in once (inside the world's transaction)."""
    result = {ANON: Client()}
    with django_db_blocker.unblock():
        for actor in ACTORS[1:]:
            result[actor] = Client()
            result[actor].force_login(world.users[actor])
    return result


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Objection throttling counts in the cache; each test starts with none counted."""
    from django.core.cache import cache

    cache.clear()


# --- reading responses ----------------------------------------------------------------------------

def body_text(response) -> str:
    """The response as text a person could read: spreadsheets unpacked, JSON without escapes."""
    if getattr(response, "streaming", False):
        # Reading to the end closes the file: the test client's wrapper does it, without the
        # request_finished signal that would close the database connection (and the world with it).
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        book = load_workbook(io.BytesIO(content), read_only=True)
        text = "\n".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
        book.close()
        return text
    if "json" in kind and content:
        return json.dumps(json.loads(content), ensure_ascii=False)
    if "pdf" in kind:
        return ""  # a public notice rendered for print; its text is the notice page's
    return content.decode("utf-8", errors="replace")


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def denied(route: Route, actor: str, response) -> bool:
    if actor == ANON:
        return response.status_code == 401 if route.is_api else is_login_redirect(response)
    return response.status_code in (403, 404)


def refused(route: Route, row: Row, actor: str, response, *, empty: bool = False) -> bool:
    """Refused without effect: 401/login for anonymous; 403/404/405 when signed in; or, for an actor
    who may see the object, the page back with the refusal (4xx) or a redirect carrying an error.
    The API validates a body before the operation runs, so an empty body may end as 422 there."""
    status = response.status_code
    if actor == ANON:
        return status == 401 if route.is_api else is_login_redirect(response)
    if status in (403, 404, 405) or (empty and route.is_api and status == 422):
        return True
    if actor in row.seen_by and status in (400, 409, 422):
        return True
    if not route.is_api and status == 302 and not is_login_redirect(response):
        errors = [m for m in get_messages(response.wsgi_request) if m.level == django_messages.ERROR]
        return bool(errors)
    return False


def sensitive_values(world: World, actor: str) -> list[str]:
    """What no page may show: full ID numbers and anything that names the objector; and to those whose
    work is not to contact applicants (qaward.core.masking.CONTACT_ROLES), an applicant's phone."""
    values = [*world.id_numbers, OBJECTOR.name, OBJECTOR.phone, OBJECTOR.id_number, OBJECTOR.unit]
    if actor == ANON or not world.users[actor].role_codes() & CONTACT_ROLES:
        values.append(world.accepted.applicant.contact_phone)
    return values


def leaks(world: World, actor: str, text: str) -> list[str]:
    return [value for value in sensitive_values(world, actor) if value in text]


def request(client: Client, method: str, url: str, **kwargs):
    """One request, with no message left over from an earlier one (only this request's errors count)."""
    client.cookies.pop("messages", None)
    return getattr(client, method.lower())(url, **kwargs)


# --- the tests --------------------------------------------------------------------------------------

ROUTES = {route.key: route for route in project_routes()}


def test_every_url_pattern_has_a_row():
    missing = sorted(set(ROUTES) - set(MATRIX))
    stale = sorted(set(MATRIX) - set(ROUTES))
    assert not missing, (
        "URL pattern(s) without a row in the permission matrix: " + ", ".join(missing) + ". Add a Row to MATRIX in "
        "tests/security/test_permission_matrix.py stating who may GET it (and, for an action, who may POST it, "
        "with a valid payload and the state that must not change), plus the kwargs that build it from the world.")
    assert not stale, "Rows for URL patterns that no longer exist: " + ", ".join(stale)


def test_rows_name_every_actor_and_every_parameter(world):
    for key, row in MATRIX.items():
        if row.get is not None:
            assert set(row.get) == EVERYONE, key
        route = ROUTES[key]
        assert route.url(row.kwargs(world)), key
        if row.post_kwargs:
            assert route.url(row.post_kwargs(world)), key
        assert (row.get is None) == (route.method not in ("", "GET")), f"{key}: get=None is for other methods"
        if row.get is ACTION or row.get is None:
            assert row.post is not None, f"{key}: an action URL must say who may perform it"


GET_KEYS = sorted(key for key, row in MATRIX.items() if row.get is not None)


@pytest.mark.parametrize("key", GET_KEYS)
def test_get(key, world, clients, db):
    route, row = ROUTES[key], MATRIX[key]
    url = route.url(row.kwargs(world)) + (f"?{row.query}" if row.query else "")
    problems = []
    for actor in ACTORS:
        response = request(clients[actor], "GET", url)
        status, expected = response.status_code, row.get[actor]
        text = body_text(response)
        if status >= 500:
            problems.append(f"{actor}: {status}")
        elif expected == DENY:
            if not denied(route, actor, response):
                problems.append(f"{actor}: expected to be refused, got {status}")
        elif expected == POST_ONLY:
            if not (status == 405 or denied(route, actor, response)):
                problems.append(f"{actor}: an action URL answered GET with {status}")
        elif status != expected:
            problems.append(f"{actor}: expected {expected}, got {status}")
        elif status == 302 and is_login_redirect(response):
            problems.append(f"{actor}: sent to the login page")
        if status == 200 and row.shows:
            marker, who = row.shows
            if (marker(world) in text) != (actor in who):
                problems.append(f"{actor}: {marker(world)} {'missing' if actor in who else 'shown'}")
        if found := leaks(world, actor, text):
            problems.append(f"{actor}: shows sensitive data {found}")
    assert not problems, f"GET {url}\n" + "\n".join(problems)


# Another applicant and another county's department: they see none of the world's objects used here.
OUTSIDERS = frozenset({"org02", "msa_linyi"})


def hidden_from_outsiders(world: World) -> list[str]:
    return [world.accepted.applicant.name, world.returned.applicant.name, world.submitted.applicant.name,
            world.person.name, world.objection.content]


POST_KEYS = sorted(key for key, row in MATRIX.items() if row.post is not None and row.post != PUBLIC)


def _send(client: Client, route: Route, url: str, data: dict, *, multipart: bool = False):
    if not route.is_api or multipart:
        return request(client, "POST", url, data=data)
    client.cookies.pop("messages", None)
    return client.generic(route.method, url, json.dumps(data), content_type="application/json")


def _state(row: Row, world: World):
    return AuditRecord.objects.count(), row.unchanged(world)


@pytest.mark.parametrize("key", POST_KEYS)
def test_refused_write(key, world, clients, db):
    route, row = ROUTES[key], MATRIX[key]
    url = route.url((row.post_kwargs or row.kwargs)(world))
    method = route.method or "POST"
    problems = []
    for actor in sorted(EVERYONE - row.post):
        attempts = [("valid", row.data(world))]
        if actor in OUTSIDERS:
            # An empty form must not bring back the page of an object the actor cannot see.
            attempts.append(("empty", {}))
        for label, data in attempts:
            before = _state(row, world)
            response = _send(clients[actor], route, url, data, multipart=row.multipart)
            text = body_text(response)
            if not refused(route, row, actor, response, empty=label == "empty"):
                problems.append(f"{actor} ({label}): not refused ({response.status_code})")
            if (after := _state(row, world)) != before:
                problems.append(f"{actor} ({label}): changed {before} → {after}")
            if found := leaks(world, actor, text):
                problems.append(f"{actor} ({label}): shows sensitive data {found}")
            if actor in OUTSIDERS and (found := [n for n in hidden_from_outsiders(world) if n in text]):
                problems.append(f"{actor} ({label}): shows {found}")
    assert not problems, f"{method} {url}\n" + "\n".join(problems)


# --- sensitive data: the audited ways in, and nowhere else ------------------------------------------

def test_only_the_office_reads_a_full_id_number_and_each_read_is_audited(world, clients, db):
    url = f"/applicants/{world.person.pk}/id-number/"
    full = world.person.person_profile.id_number
    reads = AuditRecord.objects.filter(action="applicant.read_id_number")
    response = clients["office1"].post(url, {"reason": "征求公安意见"})
    assert response.status_code == 200
    assert full in response.content.decode()
    assert reads.count() == 1
    assert reads.get().actor == world.users["office1"]


def test_id_number_reveal_over_the_api_is_the_office_s_and_audited(world, clients, db):
    response = clients["office1"].post(f"/api/v1/applicants/{world.person.pk}/id-number",
                                       {"reason": "征求公安意见"}, content_type="application/json")
    assert response.json() == {"id_number": world.person.person_profile.id_number}
    assert AuditRecord.objects.filter(action="applicant.read_id_number").count() == 1


def test_the_individual_and_the_staff_who_see_him_read_his_id_number_masked(world, db):
    """person01 and everyone who may open his page: never the full number, always the masked one."""
    profile = world.person.person_profile
    viewers = ["person01", "industry_gongxin", "office1", "supervision1"]
    for username in viewers:
        client = Client()
        client.force_login(world.users[username])
        pages = [f"/applicants/{world.person.pk}/", f"/api/v1/applicants/{world.person.pk}",
                 f"/applications/{world.individual.pk}/", f"/api/v1/applications/{world.individual.pk}"]
        for url in pages:
            response = client.get(url)
            text = body_text(response)
            assert response.status_code == 200, (username, url)
            assert profile.id_number not in text, (username, url)
        assert profile.masked_id_number in body_text(client.get(f"/applicants/{world.person.pk}/")), username
        assert profile.id_number not in body_text(client.get("/applicants/profile/")), username


def test_objector_identity_is_shown_to_the_supervision_group_on_post_and_audited(world, clients, db):
    url = f"/notices/supervision/objections/{world.objection.pk}/identity/"
    assert OBJECTOR.name not in clients["supervision1"].get(url).content.decode()
    response = clients["supervision1"].post(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert OBJECTOR.name in page and OBJECTOR.phone in page
    record = AuditRecord.objects.get(action="objection.identity.view")
    assert record.actor == world.users["supervision1"]
    assert OBJECTOR.name not in json.dumps([record.before, record.after, record.reason], ensure_ascii=False)


def test_a_trade_secret_file_opens_for_its_applicant_the_office_and_supervision_only(world, clients, db):
    """第十七条: the receiving department and the recommending government see the application, not the secret."""
    url = f"/applications/attachments/{world.secret_attachment.pk}/"
    api_url = f"/api/v1/applications/{world.accepted.pk}/attachments/{world.secret_attachment.pk}/content"

    def opens(actor: str, address: str) -> bool:
        response = request(clients[actor], "GET", address)
        body_text(response)  # read to the end, which closes the file
        return response.status_code == 200

    opened = {actor for actor in ACCEPTED_APP if opens(actor, url)}
    opened_api = {actor for actor in ACCEPTED_APP if opens(actor, api_url)}
    assert opened == opened_api == {"org01", "office1", "supervision1"}
    refused_page = request(clients["msa_yanhu"], "GET", url)
    assert refused_page.status_code == 302
    assert refused_page["Location"] == f"/applications/{world.accepted.pk}/#attachments"
    assert request(clients["msa_yanhu"], "GET", api_url).status_code == 403

