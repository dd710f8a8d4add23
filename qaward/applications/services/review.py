"""The office's formal review (第十七条): written opinions of competent departments, talent records."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from qaward.accounts.enums import OrganizationKind
from qaward.core import audit

from ..enums import ApplicationState, VerificationStatus
from ..models import Application, OpinionRequest, TalentRecord
from .common import invalid, require_office

S = ApplicationState


def _locked(application_id: int) -> Application:
    """The application as it is now, locked, so a review step and a transition cannot cross."""
    return Application.objects.select_for_update().get(pk=application_id)


@transaction.atomic
def request_opinion(application, actor, *, department, request_text: str,
                    requested_on: datetime.date | None = None) -> OpinionRequest:
    require_office(application, actor, doing="书面征求意见")
    if department is None or department.kind != OrganizationKind.DEPARTMENT:
        raise invalid("请选择被征求意见的主管部门。", "department_required")
    if not request_text.strip():
        raise invalid("请填写征求意见事项。", "request_required")
    opinion = OpinionRequest.objects.create(
        application=application, department=department, request_text=request_text.strip(),
        requested_on=requested_on or timezone.localdate(), recorded_by=actor,
    )
    audit.record("application.opinion_request", actor=actor, obj=application,
                 after={"opinion": opinion.pk, "department": department.name})
    return opinion


@transaction.atomic
def answer_opinion(opinion: OpinionRequest, actor, *, answer_text: str, answered_on: datetime.date,
                   has_objection: bool = False) -> OpinionRequest:
    """The office records the department's written answer (复函) as received."""
    require_office(_locked(opinion.application_id), actor, doing="登记书面意见")
    if not answer_text.strip():
        raise invalid("请填写书面意见内容。", "answer_required")
    if answered_on < opinion.requested_on:
        raise invalid("复函日期不能早于发函日期。", "invalid_date")
    opinion.answer_text, opinion.answered_on = answer_text.strip(), answered_on
    opinion.has_objection = bool(has_objection)
    opinion.save(update_fields=["answer_text", "answered_on", "has_objection"])
    audit.record("application.opinion_answer", actor=actor, obj=opinion.application,
                 after={"opinion": opinion.pk, "answered_on": answered_on, "has_objection": opinion.has_objection})
    return opinion


@transaction.atomic
def verify_talent(talent: TalentRecord, actor, *, status: str, note: str = "") -> TalentRecord:
    """第三条: the office checks the evidence; only verified records earn the bonus."""
    require_office(_locked(talent.application_id), actor, states=(S.RECOMMENDED, S.ACCEPTED),
                   doing="核实人才引进记录")
    if status not in (VerificationStatus.VERIFIED, VerificationStatus.REJECTED):
        raise invalid("请选择核实结果：已核实或不予认定。", "invalid_status")
    if status == VerificationStatus.REJECTED and not note.strip():
        raise invalid("不予认定时请填写理由。", "reason_required")
    before = talent.status
    talent.status, talent.verification_note = status, note.strip()[:200]
    talent.verified_by, talent.verified_at = actor, timezone.now()
    talent.save(update_fields=["status", "verification_note", "verified_by", "verified_at"])
    audit.record("application.talent_verify", actor=actor, obj=talent.application, reason=note,
                 before={"talent": talent.pk, "status": before}, after={"talent": talent.pk, "status": status})
    return talent
