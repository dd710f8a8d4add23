"""Talent-introduction records (第三条) and the internal publicity record (第十五条)."""

from __future__ import annotations

import datetime

from django.db import transaction

from qaward.core import audit

from ..enums import PublicityResult, TalentLevel
from ..models import PublicityRecord, TalentRecord
from .common import invalid, require_editable


def _own_evidence(application, evidence):
    if evidence is not None and evidence.application_id != application.pk:
        raise invalid("证明材料须是本申报已上传的文件。", "invalid_evidence")
    return evidence


@transaction.atomic
def add_talent(application, actor, *, name: str, level: str, introduced_on: datetime.date, title: str = "",
               field: str = "", evidence=None) -> TalentRecord:
    require_editable(application, actor)
    if not name.strip():
        raise invalid("请填写引进人才姓名。", "name_required")
    if level not in TalentLevel.values:
        raise invalid("请选择人才类别：一般人才或高端人才（正高级）。", "invalid_level")
    if evidence is None:
        raise invalid("请上传引进人才的证明材料（劳动合同、职称证书等），供领导小组办公室核实。", "evidence_required")
    talent = TalentRecord.objects.create(
        application=application, name=name.strip(), level=level, introduced_on=introduced_on,
        title=title.strip(), field=field.strip(), evidence=_own_evidence(application, evidence),
    )
    audit.record("application.talent_add", actor=actor, obj=application,
                 after={"talent": talent.pk, "name": talent.name, "level": level})
    return talent


@transaction.atomic
def remove_talent(talent: TalentRecord, actor) -> None:
    application = talent.application
    require_editable(application, actor)
    audit.record("application.talent_remove", actor=actor, obj=application,
                 before={"talent": talent.pk, "name": talent.name})
    talent.delete()


@transaction.atomic
def record_publicity(application, actor, *, start_on: datetime.date, end_on: datetime.date, result: str,
                     scope: str = "", result_note: str = "", evidence=None) -> PublicityRecord:
    """Record (or correct) the internal publicity; whether it suffices is the checklist's ``publicity_too_short``."""
    require_editable(application, actor)
    if end_on < start_on:
        raise invalid("公示结束日期不能早于开始日期。", "invalid_period")
    if result not in PublicityResult.values:
        raise invalid("请选择公示结果。", "invalid_result")
    record, _ = PublicityRecord.objects.update_or_create(application=application, defaults={
        "start_on": start_on, "end_on": end_on, "result": result, "scope": scope.strip()[:200],
        "result_note": result_note.strip(), "evidence": _own_evidence(application, evidence),
    })
    application.publicity = record
    audit.record("application.publicity", actor=actor, obj=application, after={
        "start_on": start_on, "end_on": end_on, "result": result,
    })
    return record
