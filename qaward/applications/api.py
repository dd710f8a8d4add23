"""Applications over the API (DESIGN.md §9): the same services as the pages.

Every transition is ``POST /applications/{id}/actions/{action}`` with the action names of §3.2;
``GET /applications/{id}`` lists the caller's ``available_actions`` so a client never guesses.
An application the caller may not see answers 404, as if it did not exist.
"""

from __future__ import annotations

import datetime as dt

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from qaward.accounts.models import Organization
from qaward.api.schemas import RuleResultOut
from qaward.applicants.rules import applicants_of
from qaward.core.errors import DomainError, NotPermitted
from qaward.core.masking import contact_for
from qaward.programs.models import Edition

from . import presenters, services
from .content import char_count, required_sections
from .downloads import attachment_response
from .models import Application, Attachment, OpinionRequest, TalentRecord
from .queries import acceptance_list, for_page, listing, visible_applications

router = Router(tags=["applications"])


class ActionOut(Schema):
    action: str
    label: str
    target: str
    target_label: str
    reason_required: bool
    ready: bool = Field(description="没有规则阻止执行")
    blockers: list[RuleResultOut]


class AttachmentOut(Schema):
    id: int
    kind: str
    kind_label: str
    name: str
    file_type: str
    size: int
    sha256: str
    trade_secret: bool
    description: str
    uploaded_at: dt.datetime


class TalentOut(Schema):
    id: int
    name: str
    level: str
    title: str
    field: str
    introduced_on: dt.date
    evidence: int | None
    status: str
    status_label: str
    points: int = Field(description="核实后计入的加分（第三条）")
    verification_note: str


class PublicityOut(Schema):
    start_on: dt.date
    end_on: dt.date
    scope: str
    result: str
    result_note: str
    evidence: int | None


class SectionOut(Schema):
    code: str
    name: str
    text: str
    chars: int


class EventOut(Schema):
    stage: str
    action: str
    from_state: str
    to_state: str
    round: int
    actor: str
    organization: str | None
    reason: str
    checks: dict
    at: dt.datetime


class OpinionOut(Schema):
    id: int
    department: str
    request_text: str
    requested_on: dt.date
    answered_on: dt.date | None
    answer_text: str
    has_objection: bool


class ApplicationSummaryOut(Schema):
    id: int
    reference: str
    edition: int
    applicant: int
    applicant_name: str
    track: str = Field(description="organization（组织）或 individual（个人）")
    state: str
    state_label: str
    receiver: str | None
    round: int
    submitted_at: dt.datetime | None


class ApplicationOut(ApplicationSummaryOut):
    recommender: str | None
    contact_name: str
    contact_phone: str
    contact_email: str
    profile: str
    profile_chars: int
    quality_mode_summary: str
    self_assessment: list[SectionOut]
    commitment_signed_by: str
    commitment_signed_at: dt.datetime | None
    no_state_secret_declared: bool
    attachments: list[AttachmentOut]
    talents: list[TalentOut]
    publicity: PublicityOut | None
    opinions: list[OpinionOut]
    events: list[EventOut]
    available_actions: list[ActionOut] = Field(description="当前调用者可执行的操作")


class ApplicationIn(Schema):
    edition: int
    applicant: int | None = Field(None, description="缺省为调用者所代表的申报者")


class ApplicationPatch(Schema):
    contact_name: str | None = Field(None, max_length=60)
    contact_phone: str | None = Field(None, max_length=30)
    contact_email: str | None = Field(None, max_length=254)
    profile: str | None = Field(None, description="组织概述（字数上限见奖项数据，默认3000字）")
    quality_mode_summary: str | None = None
    self_assessment: dict[str, str] | None = Field(None, description="按评分标准条款代码填写，合并保存")
    receiver: int | None = Field(None, description="接收部门（组织编号）")
    no_state_secret_declared: bool | None = None


class EligibilityOut(Schema):
    application: int
    state: str
    ready: bool = Field(description="没有阻止下一步的规则")
    checks: list[RuleResultOut]


class TalentIn(Schema):
    name: str = Field(min_length=1, max_length=60)
    level: str = Field(description="general（一般人才）或 senior（高端人才，正高级）")
    introduced_on: dt.date
    title: str = Field("", max_length=80)
    field: str = Field("", max_length=80)
    evidence: int = Field(description="已上传的证明材料（附件编号）")


class PublicityIn(Schema):
    start_on: dt.date
    end_on: dt.date
    result: str = Field(description="no_objection（公示无异议）或 objection（有异议）")
    scope: str = Field("", max_length=200)
    result_note: str = ""
    evidence: int | None = None


class PublicityResultOut(Schema):
    publicity: PublicityOut
    check: RuleResultOut


class CommitmentIn(Schema):
    signer: str = Field(min_length=1, max_length=60)
    no_state_secret: bool = Field(description="申报材料不涉及国家安全、国家秘密（第十七条）")


class ActionIn(Schema):
    reason: str = Field("", max_length=2000)
    checks: dict[str, bool] | None = Field(
        None, description="dept_approve：completeness、authenticity、accuracy、legality 逐项确认（第十六条）")
    level: str = Field("", description="nominate：award（质量奖）或 nomination（质量奖提名奖）")


class OpinionIn(Schema):
    department: int
    request_text: str = Field(min_length=1)
    requested_on: dt.date | None = None


class OpinionAnswerIn(Schema):
    answer_text: str = Field(min_length=1)
    answered_on: dt.date
    has_objection: bool = False


class VerifyIn(Schema):
    status: str = Field(description="verified（已核实）或 rejected（不予认定）")
    note: str = Field("", max_length=200)


# --- presenters ------------------------------------------------------------------------------------

def _attachment(a: Attachment) -> dict:
    return {"id": a.pk, "kind": a.kind, "kind_label": a.get_kind_display(), "name": a.original_name,
            "file_type": a.file_type, "size": a.size, "sha256": a.sha256, "trade_secret": a.trade_secret,
            "description": a.description, "uploaded_at": a.uploaded_at}


def _talent(t: TalentRecord) -> dict:
    return {"id": t.pk, "name": t.name, "level": t.level, "title": t.title, "field": t.field,
            "introduced_on": t.introduced_on, "evidence": t.evidence_id, "status": t.status,
            "status_label": t.get_status_display(), "points": t.points if t.status == "verified" else 0,
            "verification_note": t.verification_note}


def _publicity(application) -> dict | None:
    record = getattr(application, "publicity", None)
    if record is None:
        return None
    return {"start_on": record.start_on, "end_on": record.end_on, "scope": record.scope, "result": record.result,
            "result_note": record.result_note, "evidence": record.evidence_id}


def summary_out(a: Application) -> dict:
    return {"id": a.pk, "reference": a.reference, "edition": a.edition_id, "applicant": a.applicant_id,
            "applicant_name": a.applicant.name, "track": a.applicant.kind, "state": a.state,
            "state_label": a.state_label, "receiver": a.receiver.name if a.receiver else None, "round": a.round,
            "submitted_at": a.submitted_at}


def application_out(a: Application, user) -> dict:
    answers = a.self_assessment or {}
    # As on the page: in full for those whose work is to contact the applicant, masked for the others.
    phone, email = contact_for(user, a.contact_phone, a.contact_email)
    return {
        **summary_out(a),
        "recommender": a.recommender.name if a.recommender else None,
        "contact_name": a.contact_name, "contact_phone": phone, "contact_email": email,
        "profile": a.profile, "profile_chars": char_count(a.profile), "quality_mode_summary": a.quality_mode_summary,
        "self_assessment": [{"code": code, "name": name, "text": answers.get(code, ""),
                             "chars": char_count(answers.get(code, ""))} for code, name in required_sections(a)],
        "commitment_signed_by": a.commitment_signed_by, "commitment_signed_at": a.commitment_signed_at,
        "no_state_secret_declared": a.no_state_secret_declared,
        "attachments": [_attachment(x) for x in a.attachments.all()],
        "talents": [_talent(t) for t in a.talents.select_related("application__edition__program")],
        "publicity": _publicity(a),
        "opinions": [_opinion(o) for o in a.opinion_requests.select_related("department")],
        "events": [{"stage": e.stage, "action": e.action, "from_state": e.from_state, "to_state": e.to_state,
                    "round": e.round, "actor": str(e.actor) if e.actor else "", "reason": e.reason,
                    "organization": e.organization.name if e.organization else None, "checks": e.checks,
                    "at": e.created_at} for e in a.events.select_related("actor", "organization")],
        "available_actions": [
            {"action": v.action, "label": v.label, "target": v.target, "target_label": v.target_label,
             "reason_required": v.reason_required, "ready": v.ready, "blockers": [b.as_dict() for b in v.blockers]}
            for v in presenters.actions_for(a, user)
        ],
    }


def _visible(request, application_id: int) -> Application:
    try:
        return for_page(request.user).get(pk=application_id)
    except Application.DoesNotExist:
        raise Http404 from None


def _own_attachment(application, attachment_id: int | None) -> Attachment | None:
    if attachment_id is None:
        return None
    return get_object_or_404(Attachment, pk=attachment_id, application=application)


# --- endpoints -------------------------------------------------------------------------------------

@router.get("/applications", response=list[ApplicationSummaryOut], summary="调用者可见的申报列表")
def list_applications(request, edition: int | None = None, state: str | None = None):
    queryset = listing(visible_applications(request.user))
    if edition is not None:
        queryset = queryset.filter(edition_id=edition)
    if state:
        queryset = queryset.filter(state=state)
    return [summary_out(a) for a in queryset.order_by("pk")]


@router.post("/applications", response={201: ApplicationOut}, summary="新建申报（本届申报期内）")
def create_application(request, payload: ApplicationIn):
    edition = get_object_or_404(Edition, pk=payload.edition)
    mine = applicants_of(request.user)
    if not mine.exists():
        raise NotPermitted("只有申报者可以新建申报；请先注册为申报者。")
    if payload.applicant is not None:
        applicant = mine.filter(pk=payload.applicant).first()
    else:
        applicant = mine.first() if mine.count() == 1 else None
    if applicant is None:
        raise DomainError("请指定您所代表的申报者（applicant）。只能为本单位或本人申报。", code="applicant_required",
                          status=422)
    application = services.start_application(edition, applicant, request.user)
    return Status(201, application_out(application, request.user))


@router.get("/applications/{application_id}", response=ApplicationOut, summary="申报详情与可执行的操作")
def get_application(request, application_id: int):
    return application_out(_visible(request, application_id), request.user)


@router.patch("/applications/{application_id}", response=ApplicationOut, summary="保存申报材料（草稿随时保存）")
def update_application(request, application_id: int, payload: ApplicationPatch):
    application = _visible(request, application_id)
    changes = payload.dict(exclude_unset=True)
    if "receiver" in changes:
        changes["receiver"] = (get_object_or_404(Organization, pk=changes["receiver"])
                               if changes["receiver"] is not None else None)
    services.update_application(application, request.user, **changes)
    return application_out(application, request.user)


@router.get("/applications/{application_id}/eligibility", response=EligibilityOut,
            summary="申报条件核验：每项规则的代码、条款、是否通过及说明")
def get_eligibility(request, application_id: int):
    application = _visible(request, application_id)
    result = presenters.summary(application)
    return {"application": application.pk, "state": application.state, "ready": result.ready,
            "checks": [r.as_dict() for r in result.results]}


@router.post("/applications/{application_id}/attachments", response={201: AttachmentOut},
             summary="上传附件（按内容识别类型；含密级标志的文件拒收）")
def upload_attachment(request, application_id: int, file: File[UploadedFile], kind: Form[str] = "evidence",
                      trade_secret: Form[bool] = False, description: Form[str] = ""):
    application = _visible(request, application_id)
    attachment = services.add_attachment(application, request.user, file, kind=kind, trade_secret=trade_secret,
                                         description=description)
    return Status(201, _attachment(attachment))


@router.get("/applications/{application_id}/attachments/{attachment_id}/content", response={200: None},
            summary="下载附件（涉及商业秘密的文件仅限有关人员，每次查看均记录）")
def download_attachment(request, application_id: int, attachment_id: int):
    application = _visible(request, application_id)
    attachment = get_object_or_404(Attachment, pk=attachment_id, application=application)
    return attachment_response(attachment, request.user)


@router.delete("/applications/{application_id}/attachments/{attachment_id}", response={204: None},
               summary="删除附件")
def delete_attachment(request, application_id: int, attachment_id: int):
    application = _visible(request, application_id)
    services.remove_attachment(get_object_or_404(Attachment, pk=attachment_id, application=application), request.user)
    return Status(204, None)


@router.post("/applications/{application_id}/talents", response={201: TalentOut}, summary="登记引进人才（第三条）")
def add_talent(request, application_id: int, payload: TalentIn):
    application = _visible(request, application_id)
    talent = services.add_talent(application, request.user, name=payload.name, level=payload.level,
                                 introduced_on=payload.introduced_on, title=payload.title, field=payload.field,
                                 evidence=_own_attachment(application, payload.evidence))
    return Status(201, _talent(talent))


@router.post("/applications/{application_id}/talents/{talent_id}/verify", response=TalentOut,
             summary="核实引进人才（领导小组办公室）")
def verify_talent(request, application_id: int, talent_id: int, payload: VerifyIn):
    application = _visible(request, application_id)
    talent = get_object_or_404(TalentRecord, pk=talent_id, application=application)
    return _talent(services.verify_talent(talent, request.user, status=payload.status, note=payload.note))


@router.post("/applications/{application_id}/publicity", response=PublicityResultOut,
             summary="登记内部公示（第十五条：不少于5个工作日且无异议）")
def record_publicity(request, application_id: int, payload: PublicityIn):
    from .eligibility import publicity_too_short

    application = _visible(request, application_id)
    services.record_publicity(application, request.user, start_on=payload.start_on, end_on=payload.end_on,
                              result=payload.result, scope=payload.scope, result_note=payload.result_note,
                              evidence=_own_attachment(application, payload.evidence))
    return {"publicity": _publicity(application), "check": publicity_too_short(application).as_dict()}


@router.post("/applications/{application_id}/commitment", response=ApplicationOut,
             summary="签署承诺书并声明不涉及国家秘密（第十五、十七条）")
def sign_commitment(request, application_id: int, payload: CommitmentIn):
    application = _visible(request, application_id)
    services.sign_commitment(application, request.user, signer=payload.signer, no_state_secret=payload.no_state_secret)
    return application_out(application, request.user)


@router.post("/applications/{application_id}/actions/{action}", response=ApplicationOut,
             summary="执行申报流转操作（submit、dept_approve、return、reject、recommend、accept、withdraw …）")
def fire_action(request, application_id: int, action: str, payload: ActionIn):
    application = _visible(request, application_id)
    application = services.perform(application, action, request.user, reason=payload.reason, checks=payload.checks,
                                   level=payload.level)
    return application_out(_visible(request, application.pk), request.user)


@router.post("/applications/{application_id}/opinions", response={201: OpinionOut},
             summary="书面征求有关主管部门意见（第十七条，领导小组办公室）")
def request_opinion(request, application_id: int, payload: OpinionIn):
    application = _visible(request, application_id)
    department = get_object_or_404(Organization, pk=payload.department)
    opinion = services.request_opinion(application, request.user, department=department,
                                       request_text=payload.request_text, requested_on=payload.requested_on)
    return Status(201, _opinion(opinion))


@router.post("/applications/{application_id}/opinions/{opinion_id}/answer", response=OpinionOut,
             summary="登记部门书面意见")
def answer_opinion(request, application_id: int, opinion_id: int, payload: OpinionAnswerIn):
    application = _visible(request, application_id)
    opinion = get_object_or_404(OpinionRequest, pk=opinion_id, application=application)
    return _opinion(services.answer_opinion(opinion, request.user, answer_text=payload.answer_text,
                                            answered_on=payload.answered_on, has_objection=payload.has_objection))


@router.get("/editions/{edition_id}/acceptance-list", response=list[ApplicationSummaryOut],
            summary="受理名单（第十七条）")
def get_acceptance_list(request, edition_id: int):
    edition = get_object_or_404(Edition, pk=edition_id)
    visible = visible_applications(request.user).filter(edition=edition).values("pk")
    return [summary_out(a) for a in acceptance_list(edition).filter(pk__in=visible)]


def _opinion(o: OpinionRequest) -> dict:
    return {"id": o.pk, "department": o.department.name, "request_text": o.request_text,
            "requested_on": o.requested_on, "answered_on": o.answered_on, "answer_text": o.answer_text,
            "has_objection": o.has_objection}

