"""Operations on editions: each checks permission and rules, changes state and audits, atomically."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from qaward.core import audit
from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, enforce
from qaward.core.rulebook import CYCLE, check

from .models import Edition, EditionApproval, EditionStage, Program, Rubric, RubricTrack
from .rules import can_manage_editions
from .workflow import EDITION_MACHINE, call_published


def _require_office(actor) -> None:
    if not can_manage_editions(actor):
        raise NotPermitted()


def _require_stage(edition: Edition, *stages: str, doing: str) -> None:
    if edition.stage not in stages:
        allowed = "、".join(str(EditionStage(s).label) for s in stages)
        raise InvalidTransition(
            f"当前阶段为「{edition.get_stage_display()}」，{doing}只能在「{allowed}」阶段进行。",
            code="invalid_transition",
        )


def check_cycle(program: Program, year: int, *, exclude: Edition | None = None):
    """第四条: one edition per cycle of ``cycle_years``; historical editions count too."""
    others = program.editions.all()
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    close = [e for e in others.only("year", "title") if abs(e.year - year) < program.cycle_years]
    nearest = min(close, key=lambda e: abs(e.year - year), default=None)
    yield check(
        CYCLE, nearest is None,
        "" if nearest is None else
        f"{year}年与「{nearest.title}」（{nearest.year}年）相距不足{program.cycle_years}年",
    )


def create_edition(program: Program, number: int, year: int, title: str, actor, *, is_historical: bool = False,
                   plan: str = "", criteria: str = "", organization_rubric: Rubric | None = None,
                   individual_rubric: Rubric | None = None, decision_document: str = "",
                   decided_on: datetime.date | None = None, reason: str = "") -> Edition:
    """A new edition in ``preparing``; a historical one (before the system) directly in ``decided``.

    Historical editions exist only so the cycle and the repeat-application rules (第四、十三、三十条)
    see the past; they carry no rubric because nothing is scored in the system.
    """
    _require_office(actor)
    title = title.strip()
    if not title:
        raise DomainError("请填写届次名称。", code="title_required", status=422)
    if is_historical and year > timezone.localdate().year:
        raise DomainError("历史届次的评选年度不能晚于今年。", code="invalid_year", status=422)
    with transaction.atomic():
        Program.objects.select_for_update().get(pk=program.pk)  # serialises concurrent creations
        if program.editions.filter(number=number).exists():
            raise DomainError(f"第{number}届已存在。", code="edition_number_taken", status=409)
        enforce(check_cycle(program, year))
        edition = Edition(program=program, number=number, year=year, title=title, plan=plan, criteria=criteria,
                          is_historical=is_historical)
        if is_historical:
            edition.stage = EditionStage.DECIDED
            edition.decision_document, edition.decided_on = decision_document.strip(), decided_on
        else:
            edition.organization_rubric = organization_rubric or program.organization_rubric
            edition.individual_rubric = individual_rubric or program.individual_rubric
        edition.save()
        audit.record("edition.create", actor=actor, obj=edition, reason=reason, after={
            "program": program.code, "number": number, "year": year, "title": title, "stage": edition.stage,
            "is_historical": is_historical,
            "organization_rubric": getattr(edition.organization_rubric, "code", None),
            "individual_rubric": getattr(edition.individual_rubric, "code", None),
        })
    return edition


def update_plan(edition: Edition, plan: str, criteria: str, actor, reason: str = "") -> Edition:
    """第十四条: the office drafts the plan and the criteria while preparing."""
    _require_office(actor)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        _require_stage(edition, EditionStage.PREPARING, doing="修改评选方案")
        before = {"plan": edition.plan, "criteria": edition.criteria}
        edition.plan, edition.criteria = plan.strip(), criteria.strip()
        edition.save(update_fields=["plan", "criteria"])
        audit.record("edition.update_plan", actor=actor, obj=edition, reason=reason, before=before,
                     after={"plan": edition.plan, "criteria": edition.criteria})
    return edition


def choose_rubrics(edition: Edition, organization_rubric: Rubric, individual_rubric: Rubric, actor,
                   reason: str = "") -> Edition:
    """Each edition scores with one organisation and one individual rubric, chosen before it opens."""
    _require_office(actor)
    if organization_rubric.track != RubricTrack.ORGANIZATION or individual_rubric.track != RubricTrack.INDIVIDUAL:
        raise DomainError("评分标准的适用对象不符。", code="rubric_track_mismatch", status=422)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        _require_stage(edition, EditionStage.PREPARING, EditionStage.APPROVED, doing="选择评分标准")
        before = {"organization_rubric": getattr(edition.organization_rubric, "code", None),
                  "individual_rubric": getattr(edition.individual_rubric, "code", None)}
        edition.organization_rubric, edition.individual_rubric = organization_rubric, individual_rubric
        edition.save(update_fields=["organization_rubric", "individual_rubric"])
        audit.record("edition.choose_rubrics", actor=actor, obj=edition, reason=reason, before=before,
                     after={"organization_rubric": organization_rubric.code,
                            "individual_rubric": individual_rubric.code})
    return edition


def record_approval(edition: Edition, kind: str, authority: str, document_number: str,
                    approved_on: datetime.date, actor, reason: str = "") -> EditionApproval:
    """第四条: one approval per kind (city, province); recording a kind again corrects it."""
    _require_office(actor)
    if kind not in EditionApproval.Kind.values:
        raise DomainError(f"未知的审批类型：{kind}", code="invalid_approval_kind", status=422)
    authority, document_number = authority.strip(), document_number.strip()
    if not authority or not document_number or approved_on is None:
        raise DomainError("请填写批准机关、批准文号和批准日期。", code="approval_incomplete", status=422)
    if approved_on > timezone.localdate():
        raise DomainError("批准日期不能晚于今天。", code="invalid_date", status=422)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        _require_stage(edition, EditionStage.PREPARING, doing="登记审批")
        existing = edition.approvals.filter(kind=kind).first()
        before = ({"authority": existing.authority, "document_number": existing.document_number,
                   "approved_on": existing.approved_on} if existing else {})
        approval, _ = EditionApproval.objects.update_or_create(
            edition=edition, kind=kind,
            defaults={"authority": authority, "document_number": document_number, "approved_on": approved_on},
        )
        audit.record("edition.record_approval", actor=actor, obj=edition, reason=reason, before=before,
                     after={"kind": kind, "authority": authority, "document_number": document_number,
                            "approved_on": approved_on})
    return approval


def publish_call(edition: Edition, title: str, text: str, published_on: datetime.date,
                 deadline: datetime.date, actor, reason: str = "") -> Edition:
    """第十四条: record the call for applications; the edition opens with the ``open`` action."""
    _require_office(actor)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        _require_stage(edition, EditionStage.APPROVED, doing="发布申报通知")
        fields = ["call_title", "call_text", "call_published_on", "application_deadline"]
        before = {f: getattr(edition, f) for f in fields}
        edition.call_title, edition.call_text = title.strip(), text.strip()
        edition.call_published_on, edition.application_deadline = published_on, deadline
        enforce(call_published(edition))
        edition.save(update_fields=fields)
        audit.record("edition.publish_call", actor=actor, obj=edition, reason=reason, before=before,
                     after={f: getattr(edition, f) for f in fields})
    return edition


def advance(edition: Edition, action: str, actor, reason: str = "", **payload) -> Edition:
    """Fire one stage transition; the machine checks role and guards and writes the audit record."""
    return EDITION_MACHINE.fire(edition, action, actor, reason=reason, **payload)
