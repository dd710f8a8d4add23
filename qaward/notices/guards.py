"""Guards the edition's stage machine (qaward/programs/workflow.py) takes from the notices.

第十七条 publishes the acceptance list, 第十九条 the candidate list, 第二十条 the recommendation
list; 第二十、二十一条 let the edition move on only "公示无异议后". A guard takes
``(edition, **context)``; ``today`` in the context is the day of the action (default: today).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from qaward.core.rulebook import NOTICE_MISSING, NOTICE_RUNNING, RuleResult, check

from .enums import STAGE_NOTICE_KIND, NoticeKind
from .models import Objection, PublicNotice


def _today(context) -> dt.date:
    return context.get("today") or timezone.localdate()


def _published(edition, kind):
    return PublicNotice.objects.filter(edition=edition, kind=kind).published()


def _notice_missing(edition, kind, missing: str) -> RuleResult:
    """NOTICE_MISSING, checked here alone; ``missing`` is the detail when the list is unpublished."""
    published = _published(edition, kind).exists()
    return check(NOTICE_MISSING, published, "" if published else missing.format(label=NoticeKind(kind).label))


def notice_settled(edition, **context):
    """The notice of the edition's current stage has ended and holds no open objection."""
    kind = STAGE_NOTICE_KIND.get(edition.stage)
    if kind is None:
        return
    today = _today(context)
    published = _notice_missing(edition, kind, "本届尚未发布{label}")
    if not published.passed:
        yield published
        return
    notices = _published(edition, kind)
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
        yield _notice_missing(edition, kind, "请先发布{label}")

    guard.__name__ = f"{kind}_notice_published"
    return guard


acceptance_notice_published = notice_published(NoticeKind.ACCEPTANCE)
recommendation_notice_published = notice_published(NoticeKind.RECOMMENDATION)
