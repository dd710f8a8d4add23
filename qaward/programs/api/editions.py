"""Programs and editions over the API (DESIGN.md §9): the same services as the office pages."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from qaward.api.auth import api_auth
from qaward.api.schemas import RuleResultOut
from qaward.core.errors import DomainError

from .. import services
from ..models import Edition, Program
from ..presenters import available_actions, quotas
from ..queries import default_program, editions_visible_to

router = Router(tags=["editions"])


def _anyone(request: HttpRequest):
    """Public endpoints still recognise a token or session caller, for their available actions."""
    return "anonymous"


# Public reads: a bearer token or session identifies the caller; without one, the caller is anonymous.
optional_auth = [*api_auth, _anyone]


class RuleDocumentOut(Schema):
    title: str
    document_number: str
    issuer: str
    effective_from: dt.date
    valid_until: dt.date


class QuotaOut(Schema):
    level: str = Field(description="award（质量奖）或 nomination（质量奖提名奖）")
    label: str
    organizations: int = Field(description="获奖组织上限（第四条：不超过）")
    individuals: int = Field(description="获奖个人上限（第四条：不超过）")


class ProgramOut(Schema):
    id: int
    code: str
    name: str
    level: str
    issuing_authority: str
    cycle_years: int
    notice_min_workdays: int
    rule_document: RuleDocumentOut
    quotas: list[QuotaOut]
    organization_rubric: str | None
    individual_rubric: str | None


class EditionSummaryOut(Schema):
    id: int
    program: str
    number: int
    title: str
    year: int
    stage: str
    stage_label: str
    is_historical: bool
    deadline: dt.date | None = Field(description="申报截止日期")


class ApprovalOut(Schema):
    kind: str
    kind_label: str
    authority: str
    document_number: str
    approved_on: dt.date


class CallOut(Schema):
    title: str
    text: str
    published_on: dt.date | None
    deadline: dt.date | None


class ActionOut(Schema):
    action: str
    label: str
    target: str
    target_label: str
    ready: bool = Field(description="没有规则阻止执行")
    blockers: list[RuleResultOut]
    fields: list[str] = Field(description="除 reason 外须提交的字段")


class EditionOut(EditionSummaryOut):
    plan: str
    criteria: str
    organization_rubric: str | None
    individual_rubric: str | None
    approvals: list[ApprovalOut]
    call: CallOut | None
    quotas: list[QuotaOut]
    decision_document: str
    decided_on: dt.date | None
    available_actions: list[ActionOut] = Field(description="当前调用者在本阶段可执行的操作")


class EditionIn(Schema):
    program: str | None = Field(None, description="奖项代码；缺省为运城市市长质量奖")
    number: int = Field(ge=1, le=999)
    year: int = Field(ge=2000, le=2100)
    title: str = Field(min_length=1, max_length=120)
    is_historical: bool = False
    plan: str = ""
    criteria: str = ""
    decision_document: str = Field("", max_length=60)
    decided_on: dt.date | None = None
    reason: str = Field("", max_length=500)


class ActionIn(Schema):
    reason: str = Field("", max_length=500)
    decision_document: str | None = Field(None, max_length=60, description="decide：表彰决定文号")
    decided_on: dt.date | None = Field(None, description="decide：表彰决定日期")


def _caller(request):
    return request.user


def _program_out(program: Program) -> dict:
    document = program.rule_document
    return {
        "id": program.pk, "code": program.code, "name": program.name, "level": program.level,
        "issuing_authority": program.issuing_authority, "cycle_years": program.cycle_years,
        "notice_min_workdays": program.notice_min_workdays,
        "rule_document": {"title": document.title, "document_number": document.document_number,
                          "issuer": document.issuer, "effective_from": document.effective_from,
                          "valid_until": document.valid_until},
        "quotas": _quotas(program),
        "organization_rubric": getattr(program.organization_rubric, "code", None),
        "individual_rubric": getattr(program.individual_rubric, "code", None),
    }


def _quotas(program: Program) -> list[dict]:
    return [{**quota, "label": str(quota["label"])} for quota in quotas(program)]


def _summary(edition: Edition) -> dict:
    return {
        "id": edition.pk, "program": edition.program.code, "number": edition.number, "title": edition.title,
        "year": edition.year, "stage": edition.stage, "stage_label": edition.get_stage_display(),
        "is_historical": edition.is_historical, "deadline": edition.application_deadline,
    }


def _edition_out(edition: Edition, user) -> dict:
    has_call = bool(edition.call_title or edition.call_published_on)
    return {
        **_summary(edition),
        "plan": edition.plan, "criteria": edition.criteria,
        "organization_rubric": getattr(edition.organization_rubric, "code", None),
        "individual_rubric": getattr(edition.individual_rubric, "code", None),
        "approvals": [
            {"kind": a.kind, "kind_label": a.get_kind_display(), "authority": a.authority,
             "document_number": a.document_number, "approved_on": a.approved_on}
            for a in edition.approvals.order_by("kind")
        ],
        "call": {"title": edition.call_title, "text": edition.call_text, "published_on": edition.call_published_on,
                 "deadline": edition.application_deadline} if has_call else None,
        "quotas": _quotas(edition.program),
        "decision_document": edition.decision_document, "decided_on": edition.decided_on,
        "available_actions": [
            {"action": p.action, "label": p.label, "target": p.target, "target_label": p.target_label,
             "ready": p.ready, "blockers": [b.as_dict() for b in p.blockers], "fields": list(p.fields)}
            for p in available_actions(edition, user)
        ],
    }


def _visible_edition(request, edition_id: int) -> Edition:
    queryset = editions_visible_to(_caller(request)).select_related("program__rule_document")
    try:
        return queryset.get(pk=edition_id)
    except Edition.DoesNotExist:
        raise Http404 from None


@router.get("/programs", response=list[ProgramOut], auth=None, summary="奖项及其规则数据")
def list_programs(request):
    programs = Program.objects.select_related("rule_document", "organization_rubric", "individual_rubric")
    return [_program_out(p) for p in programs.order_by("pk")]


@router.get("/editions", response=list[EditionSummaryOut], auth=optional_auth, summary="届次列表")
def list_editions(request):
    return [_summary(e) for e in editions_visible_to(_caller(request))]


@router.post("/editions", response={201: EditionOut}, summary="新建届次（领导小组办公室）")
def create_edition(request, payload: EditionIn):
    if payload.program:
        program = get_object_or_404(Program, code=payload.program)
    else:
        program = default_program()
        if program is None:
            raise DomainError("系统中没有奖项。", code="no_program", status=404)
    edition = services.create_edition(
        program, payload.number, payload.year, payload.title, request.user, is_historical=payload.is_historical,
        plan=payload.plan, criteria=payload.criteria, decision_document=payload.decision_document,
        decided_on=payload.decided_on, reason=payload.reason,
    )
    return Status(201, _edition_out(edition, request.user))


@router.get("/editions/{edition_id}", response=EditionOut, auth=optional_auth, summary="届次详情及可执行的操作")
def get_edition(request, edition_id: int):
    return _edition_out(_visible_edition(request, edition_id), _caller(request))


@router.post("/editions/{edition_id}/actions/{action}", response=EditionOut, summary="执行届次阶段操作")
def fire_action(request, edition_id: int, action: str, payload: ActionIn):
    edition = _visible_edition(request, edition_id)
    extra = {}
    if payload.decision_document is not None:
        extra["decision_document"] = payload.decision_document
    if payload.decided_on is not None:
        extra["decided_on"] = payload.decided_on.isoformat()
    edition = services.advance(edition, action, request.user, reason=payload.reason, **extra)
    return _edition_out(edition, request.user)
