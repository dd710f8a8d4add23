"""An edition's winners (第四、十三、二十一、三十条): the quota guard of ``propose_award`` and ``award``, and
the effects that keep AwardRecord in step with the decisions, because AwardRecord is all that
第十三条's cool-down (``winner_cooldown``) and 第三十条's ban (``revoked_ban``) read.

No import of ``.services`` here: the state machine (workflow.py) names these functions, and the
services import the state machine.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from qaward.core import audit
from qaward.core.errors import DomainError
from qaward.notices.services import EntryData, quota_exceeded
from qaward.programs.models import Edition

from .enums import ApplicationState, AwardLevel
from .models import Application, AwardRecord

# An application holds one of the edition's places from the recommendation list on. A revoked award
# was still one of the edition's awards, so it keeps its place.
HOLDS_A_PLACE = (ApplicationState.PROPOSED, ApplicationState.AWARDED, ApplicationState.REVOKED)


def within_quota(application, **context):
    """第四条: with this application, the edition's proposed and awarded applications of its level and
    track stay within the program's quota (guard of ``propose_award`` and ``award``)."""
    if transaction.get_connection().in_atomic_block:
        # Two proposals fired at once must not both take the last place: they queue on the edition.
        Edition.objects.select_for_update().filter(pk=application.edition_id).first()
    holders = (Application.objects.filter(edition_id=application.edition_id, state__in=HOLDS_A_PLACE,
                                          proposed_level=application.proposed_level,
                                          applicant__kind=application.applicant.kind)
               .exclude(pk=application.pk).select_related("applicant"))
    entries = [EntryData(name=a.applicant.name, track=a.applicant.kind, level=a.proposed_level)
               for a in (*holders, application)]
    yield quota_exceeded(application.edition.program, entries)


def create_award_record(edition, applicant, level: str, actor, *, application=None) -> AwardRecord:
    """The one place an AwardRecord is created: by the ``award`` decision, or by the office for a past edition."""
    if level not in AwardLevel.values:
        raise DomainError("请选择奖项：质量奖或质量奖提名奖。", code="invalid_level", status=422)
    try:
        with transaction.atomic():
            record = AwardRecord.objects.create(edition=edition, applicant=applicant, level=level,
                                                application=application, recorded_by=actor)
            audit.record("award_record.create", actor=actor, obj=record,
                         after={"edition": edition.pk, "applicant": applicant.pk, "level": level})
    except IntegrityError as error:
        raise DomainError(f"{applicant}在{edition}已有获奖记录。", code="award_exists", status=409) from error
    return record


def mark_revoked(record: AwardRecord, actor, *, revoked_on: datetime.date, note: str) -> AwardRecord:
    """The one place a revocation is written: its date starts 第三十条's ban."""
    record.revoked_on, record.revocation_note = revoked_on, note.strip()[:200]
    record.save(update_fields=["revoked_on", "revocation_note"])
    audit.record("award_record.revoke", actor=actor, obj=record, reason=note, after={"revoked_on": revoked_on})
    return record


def record_winner(application, *, user, **context) -> None:
    """Effect of ``award`` (第二十一条): the decision is recorded at the level proposed at nomination."""
    create_award_record(application.edition, application.applicant, application.proposed_level, user,
                        application=application)


def record_revocation(application, *, user, reason: str = "", **context) -> None:
    """Effect of ``revoke`` (第三十条): the award's record is revoked on the day of the action (``today``),
    with the reason as its grounds. An award made before the decision wrote its record gets one now.
    A revocation the office already entered on the history page keeps its date."""
    record = (AwardRecord.objects.filter(edition_id=application.edition_id, applicant_id=application.applicant_id)
              .first())
    if record is None:
        record = create_award_record(application.edition, application.applicant, application.proposed_level, user,
                                     application=application)
    if record.revoked_on is None:
        mark_revoked(record, user, revoked_on=context.get("today") or timezone.localdate(), note=reason)
