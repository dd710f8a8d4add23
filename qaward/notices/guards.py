"""Guards the edition's stage machine (qaward/programs/workflow.py) takes from the notices.

第十七条 publishes the acceptance list, 第十九条 the candidate list, 第二十条 the recommendation
list; 第二十、二十一条 let the edition move on only "公示无异议后". A guard takes
``(edition, **context)``; ``today`` in the context is the day of the action (default: today).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from qaward.core.rulebook import NOTICE_MISSING, NOTICE_RUNNING, check

from .enums import STAGE_NOTICE_KIND, NoticeKind
from .models import Objection, PublicNotice


def _today(context) -> dt.date:
    return context.get("today") or timezone.localdate()


def _published(edition, kind):
    return PublicNotice.objects.filter(edition=edition, kind=kind).published()


def notice_settled(edition, **context):
    """The notice of the edition's current stage has ended and holds no open objection."""
    kind = STAGE_NOTICE_KIND.get(edition.stage)
    if kind is None:
        return
    today = _today(context)
    notices = _published(edition, kind)
    if not notices.exists():
        yield check(NOTICE_MISSING, False, f"本届尚未发布{NoticeKind(kind).label}")
        return
    running = list(notices.not_ended_on(today).order_by("end"))
    for notice in running:
        yield check(NOTICE_RUNNING, False,
                    f"「{notice.title}」公示期至{notice.end:%Y年%-m月%-d日}止，期满后方可进入下一环节")
    open_objections = Objection.objects.open().filter(notice__edition=edition).count()
    if open_objections:
        yield check(NOTICE_RUNNING, False, f"尚有{open_objections}件异议未处理完毕")
    if not running and not open_objections:
        yield check(NOTICE_RUNNING, True)


def notice_published(kind: str):
    """A guard for the transition entering a notice stage: that list has been published."""

    def guard(edition, **context):
        published = _published(edition, kind).exists()
        yield check(NOTICE_MISSING, published, "" if published else f"请先发布{NoticeKind(kind).label}")

    guard.__name__ = f"{kind}_notice_published"
    return guard


acceptance_notice_published = notice_published(NoticeKind.ACCEPTANCE)
recommendation_notice_published = notice_published(NoticeKind.RECOMMENDATION)
