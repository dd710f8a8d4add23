"""Past winners and revocations: what 第十三条 (cool-down) and 第三十条 (ban) are computed from.

The office enters editions held before the system (Edition.is_historical) and their winners, so
the repeat-application rules see the whole history; a later edition's ``award`` and ``revoke`` actions
write the same records (awards.py).
"""

from __future__ import annotations

import datetime

from django.db import transaction

from qaward.core.errors import NotPermitted
from qaward.programs.models import EditionStage

from ..awards import create_award_record, mark_revoked
from ..models import AwardRecord
from .common import invalid


def _require_office(actor) -> None:
    if not actor.has_perm("applications.manage_history"):
        raise NotPermitted("只有领导小组办公室可以登记获奖和撤销记录。")


def record_award(edition, applicant, level: str, actor, *, application=None) -> AwardRecord:
    _require_office(actor)
    if not (edition.is_historical or edition.stage == EditionStage.DECIDED):
        raise invalid("只能为已作出表彰决定的届次（含补录的历史届次）登记获奖记录。", "edition_not_decided")
    return create_award_record(edition, applicant, level, actor, application=application)


@transaction.atomic
def record_revocation(record: AwardRecord, actor, *, revoked_on: datetime.date, note: str) -> AwardRecord:
    """第三十条: the revocation date starts the 3-edition ban."""
    _require_office(actor)
    if not note.strip():
        raise invalid("请填写撤销依据（市政府撤销决定文号或事由）。", "reason_required")
    if revoked_on.year < record.edition.year:
        raise invalid("撤销日期不能早于获奖届次的评选年度。", "invalid_date")
    return mark_revoked(record, actor, revoked_on=revoked_on, note=note)
