"""Notices and objections over the API (DESIGN.md §9): the same services as the pages.

Reading notices, filing an objection and tracking it are public (auth=None): 第二十七、二十八条
open them to everyone. No response ever carries an objector's identity; the supervision group
reads it on its own page, where each look is audited.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from qaward.accounts.models import Division
from qaward.core.errors import DomainError, NotPermitted
from qaward.programs.models import Edition

from . import queries
from .enums import NoticeScope, Track
from .models import PublicNotice
from .objections import Identity, decide_objection, file_objection, record_findings, track
from .rules import can_view_objections
from .services import EntryData, publish_notice, quota_rows, withdraw_notice
from .throttle import objection_throttle

router = Router(tags=["notices"])


class EntryOut(Schema):
    id: int
    position: int
    name: str
    unit: str
    region: str
    track: str = Field(description="organization（组织）或 individual（个人）")
    level: str = Field(description="award、nomination，或空（受理名单不分奖项）")
    removed: bool
    removal_reason: str


class QuotaUseOut(Schema):
    level: str
    track: str
    label: str
    limit: int = Field(description="第四条：不超过")
    used: int


class NoticeSummaryOut(Schema):
    id: int
    edition_id: int
    kind: str = Field(description="acceptance（第十七条）、candidate（第十九条）、recommendation（第二十条）、revocation")
    kind_label: str
    scope: str
    scope_label: str
    title: str
    document_number: str
    start: dt.date
    end: dt.date = Field(description="公示期最后一天（按工作日计算）")
    workdays: int
    status: str = Field(description="scheduled、running、ended 或 withdrawn")
    published_at: dt.datetime


class NoticeOut(NoticeSummaryOut):
    body: str
    contact: str
    issuer: str
    withdrawal_reason: str
    entries: list[EntryOut]
    quotas: list[QuotaUseOut]


class EntryIn(Schema):
    name: str
    track: str = Track.ORGANIZATION
    level: str = ""
    unit: str = ""
    region: str = ""
    note: str = ""


class NoticeIn(Schema):
    kind: str
    title: str
    entries: list[EntryIn]
    start: dt.date | None = Field(None, description="默认今天")
    workdays: int | None = Field(None, description="默认为奖项规定的公示期；不得短于最短公示期")
    scope: str = NoticeScope.CITY
    division_code: str | None = Field(None, description="scope=region 时的县级行政区划代码")
    industry: str = ""
    body: str = ""
    contact: str = ""
    document_number: str = ""
    reason: str = ""


class ObjectionReceiptOut(Schema):
    tracking_code: str = Field(description="查询码：凭此查询办理进度，请妥善保存")
    status: str
    filed_at: dt.datetime


class ObjectionTrackOut(Schema):
    tracking_code: str
    status: str
    status_label: str
    notice_id: int
    notice_title: str
    entry_name: str
    filed_at: dt.datetime
    decided_at: dt.datetime | None
    public_reply: str


class ObjectionStaffOut(Schema):
    """What the office and the leadership group see: the content, never the identity."""

    id: int
    tracking_code: str
    status: str
    notice_id: int
    entry_id: int
    entry_name: str
    content: str
    is_anonymous: bool
    evidence_count: int
    filed_at: dt.datetime
    findings: str
    decision_reason: str
    public_reply: str


class FindingsIn(Schema):
    findings: str


class DecisionIn(Schema):
    upheld: bool
    reason: str
    public_reply: str = ""


class ReasonIn(Schema):
    reason: str


def _entry_out(entry) -> dict:
    return {"id": entry.pk, "position": entry.position, "name": entry.name, "unit": entry.unit,
            "region": entry.region, "track": entry.track, "level": entry.level, "removed": entry.is_removed,
            "removal_reason": entry.removal_reason}


def _summary(notice: PublicNotice) -> dict:
    return {"id": notice.pk, "edition_id": notice.edition_id, "kind": notice.kind,
            "kind_label": notice.get_kind_display(), "scope": notice.scope, "scope_label": notice.scope_label,
            "title": notice.title, "document_number": notice.document_number, "start": notice.start,
            "end": notice.end, "workdays": notice.workdays, "status": notice.status,
            "published_at": notice.published_at}


def _detail(notice: PublicNotice) -> dict:
    entries = list(queries.entries_of(notice))
    quotas = [{"level": q.level, "track": q.track, "label": q.label, "limit": q.limit, "used": q.used}
              for q in quota_rows(notice.edition.program, entries)]
    return {**_summary(notice), "body": notice.body, "contact": notice.contact, "issuer": notice.issuer,
            "withdrawal_reason": notice.withdrawal_reason, "entries": [_entry_out(e) for e in entries],
            "quotas": quotas}


def _staff_out(objection) -> dict:
    return {"id": objection.pk, "tracking_code": objection.tracking_code, "status": objection.status,
            "notice_id": objection.notice_id, "entry_id": objection.entry_id, "entry_name": objection.entry.name,
            "content": objection.content, "is_anonymous": objection.is_anonymous,
            "evidence_count": objection.evidence_count, "filed_at": objection.filed_at,
            "findings": objection.findings, "decision_reason": objection.decision_reason,
            "public_reply": objection.public_reply}


def _staff_objection(request: HttpRequest, pk: int):
    if not can_view_objections(request.user):
        raise NotPermitted()
    return get_object_or_404(queries.staff_objections(), pk=pk)


@router.get("/editions/{edition_id}/notices", response=list[NoticeSummaryOut], auth=None,
            summary="届次的公示（含往期、已撤回）")
def edition_notices(request: HttpRequest, edition_id: int):
    edition = get_object_or_404(Edition, pk=edition_id)
    return [_summary(n) for n in queries.edition_notices(edition)]


@router.post("/editions/{edition_id}/notices", response={201: NoticeOut}, summary="发布公示（办公室）")
def create_notice(request: HttpRequest, edition_id: int, payload: NoticeIn):
    edition = get_object_or_404(Edition.objects.select_related("program"), pk=edition_id)
    division = None
    if payload.division_code:
        division = Division.objects.filter(code=payload.division_code).first()
        if division is None:
            raise DomainError(f"未知的行政区划代码：{payload.division_code}", code="division_unknown", status=422)
    notice = publish_notice(
        edition, kind=payload.kind, title=payload.title, actor=request.user, start=payload.start,
        workdays=payload.workdays, scope=payload.scope, division=division, industry=payload.industry,
        body=payload.body, contact=payload.contact, document_number=payload.document_number, reason=payload.reason,
        entries=[EntryData(e.name, e.track, e.level, e.unit, e.region, e.note) for e in payload.entries],
    )
    return Status(201, _detail(notice))


@router.get("/notices/{notice_id}", response=NoticeOut, auth=None, summary="公示详情与名单")
def notice_detail(request: HttpRequest, notice_id: int):
    return _detail(get_object_or_404(PublicNotice.objects.select_related("edition__program"), pk=notice_id))


@router.post("/notices/{notice_id}/withdraw", response=NoticeOut, summary="撤回公示（办公室）")
def withdraw(request: HttpRequest, notice_id: int, payload: ReasonIn):
    notice = withdraw_notice(get_object_or_404(PublicNotice, pk=notice_id), actor=request.user,
                             reason=payload.reason)
    return _detail(notice)


@router.post("/notices/{notice_id}/objections", response={201: ObjectionReceiptOut}, auth=None,
             throttle=[objection_throttle()], summary="提出异议（公开，multipart/form-data，返回查询码）")
def create_objection(request: HttpRequest, notice_id: int, entry_id: Form[int], content: Form[str],
                     anonymous: Form[bool] = True, name: Form[str] = "", phone: Form[str] = "",
                     id_number: Form[str] = "", unit: Form[str] = "",
                     evidence: File[list[UploadedFile]] = None):
    notice = get_object_or_404(PublicNotice, pk=notice_id)
    entry = notice.entries.filter(pk=entry_id).first()
    if entry is None:
        raise DomainError("异议对象不在该公示名单中。", code="entry_invalid", status=422)
    objection = file_objection(notice, entry, content=content, anonymous=anonymous,
                               identity=Identity(name, phone, id_number, unit), files=evidence or [])
    return Status(201, {"tracking_code": objection.tracking_code, "status": objection.status,
                        "filed_at": objection.filed_at})


@router.get("/objections/track/{code}", response=ObjectionTrackOut, auth=None, summary="凭查询码查询异议办理进度")
def track_objection(request: HttpRequest, code: str):
    objection = track(code)
    if objection is None:
        raise DomainError("未找到该查询码对应的异议。", code="not_found", status=404)
    return {"tracking_code": objection.tracking_code, "status": objection.status,
            "status_label": objection.get_status_display(), "notice_id": objection.notice_id,
            "notice_title": objection.notice.title, "entry_name": objection.entry.name,
            "filed_at": objection.filed_at, "decided_at": objection.decided_at,
            "public_reply": objection.public_reply}


@router.get("/notices/{notice_id}/objections", response=list[ObjectionStaffOut],
            summary="公示的异议（办公室、领导小组、监督组；不含异议人身份）")
def notice_objections(request: HttpRequest, notice_id: int):
    if not can_view_objections(request.user):
        raise NotPermitted()
    notice = get_object_or_404(PublicNotice, pk=notice_id)
    return [_staff_out(o) for o in queries.staff_objections().filter(notice=notice).order_by("filed_at")]


@router.post("/objections/{objection_id}/findings", response=ObjectionStaffOut, summary="记录调查核实情况（办公室）")
def objection_findings(request: HttpRequest, objection_id: int, payload: FindingsIn):
    objection = _staff_objection(request, objection_id)
    record_findings(objection, actor=request.user, findings=payload.findings)
    return _staff_out(_staff_objection(request, objection_id))


@router.post("/objections/{objection_id}/decision", response=ObjectionStaffOut, summary="作出处理决定（领导小组）")
def objection_decision(request: HttpRequest, objection_id: int, payload: DecisionIn):
    objection = _staff_objection(request, objection_id)
    decide_objection(objection, actor=request.user, upheld=payload.upheld, reason=payload.reason,
                     public_reply=payload.public_reply)
    return _staff_out(_staff_objection(request, objection_id))
