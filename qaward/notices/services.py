"""Operations on notices: publish, withdraw, remove an entry. Each checks permission and the rules,
changes state and writes the audit record in one transaction.

Objection operations live in objections.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from qaward.core import audit
from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, enforce
from qaward.core.rulebook import NOTICE_TOO_SHORT, QUOTA_EXCEEDED, RuleResult, check
from qaward.programs.calendar import add_workdays, coverage_warnings
from qaward.programs.models import Edition, EditionStage, Program

from .enums import PUBLISHABLE_IN, QUOTA_CAPPED_KINDS, AwardLevel, NoticeKind, NoticeScope, Track
from .models import NoticeEntry, PublicNotice
from .models.notices import DEFAULT_ISSUER
from .rules import can_publish_notices


@dataclass(frozen=True)
class EntryData:
    """One line of a list to publish, whatever it was built from."""

    name: str
    track: str = Track.ORGANIZATION
    level: str = ""
    unit: str = ""
    region: str = ""
    note: str = ""
    subject: models.Model | None = None


# --- duration (第十九、二十条: 公示期不少于5个工作日) ------------------------------------------

def default_workdays(program: Program, kind: str) -> int:
    if kind == NoticeKind.ACCEPTANCE:
        return program.acceptance_notice_workdays
    return program.notice_min_workdays


def minimum_workdays(program: Program, kind: str) -> int:
    # The Measures set no length for the acceptance notice (第十七条); the program's own default
    # is its minimum, so the office cannot quietly shorten it either.
    return default_workdays(program, kind)


def notice_end(start: dt.date, workdays: int) -> dt.date:
    """The last day of a notice of ``workdays`` working days from ``start`` (start counts if working)."""
    return add_workdays(start, workdays)


def check_duration(program: Program, kind: str, workdays: int) -> RuleResult:
    minimum = minimum_workdays(program, kind)
    ok = workdays >= minimum
    return check(NOTICE_TOO_SHORT, ok, "" if ok else f"拟公示{workdays}个工作日，本奖项规定不少于{minimum}个工作日")


# --- quotas (第四条) -----------------------------------------------------------------------

QUOTA_FIELDS = {
    (AwardLevel.AWARD, Track.ORGANIZATION): "quota_award_organizations",
    (AwardLevel.AWARD, Track.INDIVIDUAL): "quota_award_individuals",
    (AwardLevel.NOMINATION, Track.ORGANIZATION): "quota_nomination_organizations",
    (AwardLevel.NOMINATION, Track.INDIVIDUAL): "quota_nomination_individuals",
}


@dataclass(frozen=True)
class QuotaRow:
    level: str
    track: str
    limit: int
    used: int

    @property
    def label(self) -> str:
        return f"{AwardLevel(self.level).label}{Track(self.track).label}"

    @property
    def exceeded(self) -> bool:
        return self.used > self.limit


def quota_rows(program: Program, entries: Iterable = ()) -> list[QuotaRow]:
    """Each of 第四条's four quotas with the number of (non-removed) entries that use it."""
    used = Counter((e.level, e.track) for e in entries if e.level and not getattr(e, "removed_at", None))
    return [QuotaRow(level, track, getattr(program, field), used[(level, track)])
            for (level, track), field in QUOTA_FIELDS.items()]


def quota_exceeded(program: Program, entries: Iterable) -> RuleResult:
    """第四条, the one check of ``quota_exceeded``: any list whose entries carry a level and a track —
    a recommendation notice's lines, or an edition's proposed and awarded applications
    (qaward.applications.awards.within_quota)."""
    rows = quota_rows(program, entries)
    over = [f"{row.label}{row.used}个，上限{row.limit}个" for row in rows if row.exceeded]
    return check(QUOTA_EXCEEDED, not over, "；".join(over))


def check_quotas(program: Program, kind: str, entries: Sequence[EntryData]) -> list[RuleResult]:
    if kind not in QUOTA_CAPPED_KINDS:
        return []
    return [quota_exceeded(program, entries)]


# --- publishing ----------------------------------------------------------------------------

def _require_office(actor) -> None:
    if not can_publish_notices(actor):
        raise NotPermitted()


def _check_stage(edition: Edition, kind: str) -> None:
    stages = PUBLISHABLE_IN[kind]
    if edition.stage not in stages:
        allowed = "、".join(str(EditionStage(s).label) for s in stages)
        raise InvalidTransition(
            f"当前阶段为「{edition.get_stage_display()}」，{NoticeKind(kind).label}只能在「{allowed}」阶段发布。",
            code="notice_wrong_stage",
        )


def _check_scope(kind: str, scope: str, division, industry: str) -> None:
    if kind != NoticeKind.CANDIDATE and scope != NoticeScope.CITY:
        # 第十七条 向社会公示; 第二十条 在全市范围内.
        raise DomainError(f"{NoticeKind(kind).label}应在全市范围内公示。", code="notice_scope_invalid", status=422)
    if scope == NoticeScope.REGION and division is None:
        raise DomainError("请选择公示的地区。", code="notice_scope_invalid", status=422)
    if scope == NoticeScope.INDUSTRY and not industry.strip():
        raise DomainError("请填写公示的行业或领域。", code="notice_scope_invalid", status=422)


def _check_entries(kind: str, entries: Sequence[EntryData]) -> None:
    if not entries:
        raise DomainError("公示名单不能为空。", code="notice_empty", status=422)
    for number, entry in enumerate(entries, start=1):
        if not entry.name.strip():
            raise DomainError(f"名单第{number}行缺少名称。", code="entry_invalid", status=422)
        if entry.track not in Track.values:
            raise DomainError(f"名单第{number}行的类别应为组织或个人。", code="entry_invalid", status=422)
        if entry.level and entry.level not in AwardLevel.values:
            raise DomainError(f"名单第{number}行的奖项应为质量奖或提名奖。", code="entry_invalid", status=422)
        if kind == NoticeKind.RECOMMENDATION and not entry.level:
            raise DomainError(f"获奖建议名单第{number}行须注明建议奖项（质量奖或提名奖）。",
                              code="entry_invalid", status=422)


def _duplicate(edition: Edition, kind: str, scope: str, division, industry: str) -> PublicNotice | None:
    same = PublicNotice.objects.published().filter(edition=edition, kind=kind, scope=scope)
    if scope == NoticeScope.REGION:
        same = same.filter(division=division)
    elif scope == NoticeScope.INDUSTRY:
        same = same.filter(industry=industry.strip())
    return same.first()


def publish_notice(edition: Edition, *, kind: str, entries: Sequence[EntryData], title: str, actor,
                   start: dt.date | None = None, workdays: int | None = None, scope: str = NoticeScope.CITY,
                   division=None, industry: str = "", body: str = "", contact: str = "",
                   document_number: str = "", issuer: str = "", reason: str = "",
                   today: dt.date | None = None) -> PublicNotice:
    """Publish a list for ``workdays`` working days from ``start`` (第十七、十九、二十条).

    The end date is computed on the official calendar; a notice is never shorter than the
    program's minimum (notice_too_short) and a recommendation list never exceeds 第四条's quotas
    (quota_exceeded). A notice never starts in the past: its period is what the public saw.
    """
    _require_office(actor)
    today = today or timezone.localdate()
    start = start or today
    program = edition.program
    workdays = default_workdays(program, kind) if workdays is None else workdays
    title = title.strip()
    entries = list(entries)
    if kind not in NoticeKind.values:
        raise DomainError(f"未知的公示类型：{kind}", code="notice_kind_invalid", status=422)
    if not title:
        raise DomainError("请填写公示标题。", code="title_required", status=422)
    if start < today:
        raise DomainError(f"公示开始日期（{start}）不能早于今天（{today}）。", code="notice_backdated", status=422)
    _check_stage(edition, kind)
    _check_scope(kind, scope, division, industry)
    _check_entries(kind, entries)
    enforce([check_duration(program, kind, workdays), *check_quotas(program, kind, entries)])
    return _create_notice(
        edition, kind=kind, entries=entries, title=title, actor=actor, start=start, workdays=workdays, scope=scope,
        division=division, industry=industry, body=body, contact=contact, document_number=document_number,
        issuer=issuer, reason=reason, action="notice.publish",
    )


def record_past_notice(edition: Edition, *, kind: str, entries: Sequence[EntryData], title: str, actor,
                       start: dt.date, workdays: int, document_number: str = "", body: str = "",
                       reason: str = "", today: dt.date | None = None) -> PublicNotice:
    """Back-fill a notice of a historical edition (run before the system existed), for the record.

    Only a historical edition takes one, and only with a period already over: the public could
    not object to it here, so it is shown as a past notice and never as a running one.
    """
    _require_office(actor)
    today = today or timezone.localdate()
    entries = list(entries)
    if not edition.is_historical:
        raise InvalidTransition("只有历史届次可以补录往期公示。", code="notice_not_historical")
    _check_entries(kind, entries)
    end = notice_end(start, workdays)
    if end >= today:
        raise DomainError("补录的公示须已期满。", code="notice_not_past", status=422)
    return _create_notice(
        edition, kind=kind, entries=entries, title=title.strip(), actor=actor, start=start, workdays=workdays,
        scope=NoticeScope.CITY, division=None, industry="", body=body, contact="", document_number=document_number,
        issuer="", reason=reason or "补录系统启用前的公示", action="notice.record_past",
    )


def _create_notice(edition: Edition, *, kind, entries, title, actor, start, workdays, scope, division, industry,
                   body, contact, document_number, issuer, reason, action) -> PublicNotice:
    end = notice_end(start, workdays)
    with transaction.atomic():
        Edition.objects.select_for_update().get(pk=edition.pk)  # one publisher of a list at a time
        existing = _duplicate(edition, kind, scope, division, industry)
        if existing is not None:
            raise DomainError(f"本届已发布「{existing.title}」，如需更正请先撤回原公示。",
                              code="notice_duplicate", status=409)
        notice = PublicNotice.objects.create(
            edition=edition, kind=kind, scope=scope, division=division if scope == NoticeScope.REGION else None,
            industry=industry.strip() if scope == NoticeScope.INDUSTRY else "", title=title, body=body.strip(),
            contact=contact.strip(), document_number=document_number.strip(), issuer=issuer.strip() or DEFAULT_ISSUER,
            start=start, workdays=workdays, end=end, published_by=actor,
        )
        NoticeEntry.objects.bulk_create(_entry_rows(notice, entries))
        audit.record(action, actor=actor, obj=notice, reason=reason, after={
            "edition": edition.pk, "kind": kind, "scope": scope, "scope_label": notice.scope_label,
            "start": start, "end": end, "workdays": workdays, "entries": [e.name for e in entries],
        })
    return notice


def _entry_rows(notice: PublicNotice, entries: Sequence[EntryData]) -> list[NoticeEntry]:
    rows = []
    for position, entry in enumerate(entries, start=1):
        subject = entry.subject
        rows.append(NoticeEntry(
            notice=notice, position=position, name=entry.name.strip(), unit=entry.unit.strip(),
            region=entry.region.strip(), track=entry.track, level=entry.level, note=entry.note.strip(),
            subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
            subject_id=subject.pk if subject is not None else None,
        ))
    return rows


def calendar_warnings(start: dt.date, end: dt.date) -> list[str]:
    """Years the calendar does not know yet, to show beside a computed end date."""
    return coverage_warnings(start, end)


def withdraw_notice(notice: PublicNotice, *, actor, reason: str, now: dt.datetime | None = None) -> PublicNotice:
    """Withdraw a notice published in error; it stays public, marked withdrawn, with the reason."""
    _require_office(actor)
    if not reason.strip():
        raise DomainError("请填写撤回理由。", code="reason_required", status=400)
    with transaction.atomic():
        notice = PublicNotice.objects.select_for_update().get(pk=notice.pk)
        if notice.is_withdrawn:
            raise InvalidTransition("该公示已撤回。", code="notice_withdrawn")
        notice.withdrawn_at = now or timezone.now()
        notice.withdrawn_by = actor
        notice.withdrawal_reason = reason.strip()
        notice.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
        audit.record("notice.withdraw", actor=actor, obj=notice, reason=reason,
                     before={"withdrawn": False}, after={"withdrawn": True})
    return notice


def remove_entry(entry: NoticeEntry, *, actor, reason: str, objection=None,
                 now: dt.datetime | None = None) -> NoticeEntry:
    """Take one line off a list (an upheld objection, 第七条); the line stays visible as removed.

    Called inside the decision's transaction; permission is the caller's (the decision's) check.
    """
    with transaction.atomic():
        entry = NoticeEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.is_removed:
            return entry
        entry.removed_at = now or timezone.now()
        entry.removal_reason = reason.strip()
        entry.save(update_fields=["removed_at", "removal_reason"])
        audit.record("notice.entry.remove", actor=actor, obj=entry.notice, reason=reason,
                     before={"entry": entry.position, "name": entry.name, "removed": False},
                     after={"entry": entry.position, "name": entry.name, "removed": True,
                            "objection": objection.tracking_code if objection is not None else None})
    return entry
