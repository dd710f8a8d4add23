"""The edition's stage machine (DESIGN.md §3.1; 第四、十四～二十一条).

Guards take ``(edition, **context)``; ``today`` in the context stands for the day the action is
taken (default: today in Asia/Shanghai), so the date rules can be checked at their boundaries.
Each transition lists its guards one per line, so adding a guard (as the notices app did with
``notice_settled``) is a one-line edit of the table.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.accounts.rules import is_office
from qaward.core.errors import DomainError
from qaward.core.rulebook import (
    APPROVALS_MISSING,
    CALL_NOT_PUBLISHED,
    DEADLINE_NOT_REACHED,
    PLAN_MISSING,
    RULES_EXPIRED,
    check,
)
from qaward.core.workflow import StateMachine, Transition
from qaward.notices.guards import acceptance_notice_published, notice_settled, recommendation_notice_published

from .models import EditionApproval, EditionStage
from .rubrics import check_rubric
from .rules import can_decide, can_deliberate, can_report

S = EditionStage


def _today(context) -> datetime.date:
    return context.get("today") or timezone.localdate()


# --- guards ---------------------------------------------------------------------------------

def approvals_recorded(edition, **context):
    """第四条: 报请市委、市政府同意 … 经省委、省政府审批后开展."""
    present = set(edition.approvals.values_list("kind", flat=True))
    missing = [kind.label for kind in EditionApproval.Kind if kind.value not in present]
    yield check(APPROVALS_MISSING, not missing, "尚未登记：" + "、".join(str(m) for m in missing) if missing else "")


def plan_drafted(edition, **context):
    """第十四条: the office drafts the plan (评选方案) and the criteria before approval is sought."""
    yield check(PLAN_MISSING, bool(edition.plan.strip()), "" if edition.plan.strip() else "评选方案尚未填写")


def call_published(edition, **context):
    """第十四条: the call (申报通知) is published in the edition's year, its deadline after publication."""
    missing = [label for label, value in (
        ("通知标题", edition.call_title.strip()),
        ("通知正文", edition.call_text.strip()),
        ("发布日期", edition.call_published_on),
        ("申报截止日期", edition.application_deadline),
    ) if not value]
    if missing:
        yield check(CALL_NOT_PUBLISHED, False, "缺少：" + "、".join(missing))
        return
    published_on, deadline = edition.call_published_on, edition.application_deadline
    if published_on.year != edition.year:
        yield check(CALL_NOT_PUBLISHED, False, f"申报通知应在评选年（{edition.year}年）发布，发布日期为{published_on}")
    in_order = deadline > published_on
    yield check(CALL_NOT_PUBLISHED, in_order,
                "" if in_order else f"申报截止日期（{deadline}）须晚于发布日期（{published_on}）")


def rules_in_force(edition, **context):
    """第三十四、三十五条: in force from 2023-06-09 for 5 years, i.e. through 2028-06-08.

    The edition may only open if the Measures are in force on the day it opens and still on the
    application deadline.
    """
    document = edition.program.rule_document
    days = [("开放申报之日", _today(context))]
    if edition.application_deadline:
        days.append(("申报截止日", edition.application_deadline))
    for label, day in days:
        in_force = document.in_force_on(day)
        yield check(
            RULES_EXPIRED, in_force,
            "" if in_force else f"{document}有效期为{document.effective_from}至{document.valid_until}，{label}{day}不在有效期内",
        )


def rubrics_balanced(edition, **context):
    """第三条: the standard's points add up (1000 for an organisation rubric)."""
    for label, rubric in (("组织评分标准", edition.organization_rubric), ("个人评分标准", edition.individual_rubric)):
        yield from check_rubric(rubric, label)


def deadline_reached(edition, **context):
    """第十四条: applications close only once the deadline in the call has passed."""
    today, deadline = _today(context), edition.application_deadline
    passed = deadline is not None and today > deadline
    yield check(DEADLINE_NOT_REACHED, passed,
                "" if passed else f"申报截止日期为{deadline or '（未设定）'}，今天是{today}")


# --- effects --------------------------------------------------------------------------------

def record_decision(edition, *, user=None, **context):
    """第二十一条: the city government's commendation decision, with its number and date."""
    document = str(context.get("decision_document") or "").strip()
    decided_on = context.get("decided_on")
    if isinstance(decided_on, str) and decided_on:
        try:
            decided_on = datetime.date.fromisoformat(decided_on)
        except ValueError:
            raise DomainError("表彰决定日期格式应为 YYYY-MM-DD。", code="invalid_date", status=422) from None
    missing = [label for label, value in (("表彰决定文号", document), ("表彰决定日期", decided_on)) if not value]
    if missing:
        raise DomainError("请填写" + "、".join(missing) + "。", code="decision_incomplete", status=422)
    if decided_on > _today(context):
        raise DomainError("表彰决定日期不能晚于今天。", code="invalid_date", status=422)
    edition.decision_document, edition.decided_on = document, decided_on
    edition.save(update_fields=["decision_document", "decided_on"])


# --- the table ------------------------------------------------------------------------------

EDITION_MACHINE = StateMachine(
    "edition",
    field_name="stage",
    states={stage.value: stage.label for stage in EditionStage},
    transitions=[
        Transition(
            "record_approvals", (S.PREPARING,), S.APPROVED, _("登记审批，确认可开展评选"), is_office,
            guards=(
                plan_drafted,
                approvals_recorded,
            ),
        ),
        Transition(
            "open", (S.APPROVED,), S.OPEN, _("开放申报"), is_office,
            guards=(
                call_published,
                rules_in_force,
                rubrics_balanced,
            ),
        ),
        Transition(
            "close_applications", (S.OPEN,), S.FORMAL_REVIEW, _("截止申报，开始形式审查"), is_office,
            guards=(
                deadline_reached,
            ),
        ),
        Transition(
            "publish_acceptance", (S.FORMAL_REVIEW,), S.ACCEPTANCE_NOTICE, _("公示受理名单"), is_office,
            guards=(
                acceptance_notice_published,
            ),
        ),
        Transition(
            "start_evaluation", (S.ACCEPTANCE_NOTICE,), S.EVALUATION, _("开始评审"), is_office,
            guards=(
                notice_settled,
                rubrics_balanced,  # rubrics stay editable until now; scoring must not start unbalanced
            ),
        ),
        Transition(
            "propose_candidates", (S.EVALUATION,), S.CANDIDATES, _("提出候选名单"), is_office,
            guards=(
            ),
        ),
        Transition(
            "deliberate", (S.CANDIDATES,), S.DELIBERATION, _("提交领导小组审议"), can_deliberate,
            guards=(
                notice_settled,
            ),
        ),
        Transition(
            "publish_recommendation", (S.DELIBERATION,), S.RECOMMENDATION_NOTICE, _("公示获奖建议名单"), is_office,
            guards=(
                recommendation_notice_published,
            ),
        ),
        Transition(
            "report", (S.RECOMMENDATION_NOTICE,), S.REPORTED, _("联合上报市政府"), can_report,
            guards=(
                notice_settled,
            ),
        ),
        Transition(
            "decide", (S.REPORTED,), S.DECIDED, _("登记市政府表彰决定"), can_decide,
            guards=(
            ),
            effects=(record_decision,),
        ),
    ],
)

# Fields an action takes besides the reason (the UI shows them as inputs beside the button).
ACTION_FIELDS: dict[str, tuple[str, ...]] = {"decide": ("decision_document", "decided_on")}
