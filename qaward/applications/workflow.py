"""The application's state machine (DESIGN.md §3.2), as data.

Permissions are the predicates of rules.py; guards are the rule checks of eligibility.py. The
same action name may appear in two rows (``return``/``reject`` by the receiving department and by
the office): the row whose source state matches the application's state applies.

§3.2 names no action for the city government's decision on a proposed application; ``award``
and ``not_award`` are used here.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from qaward.accounts.rules import is_leadership, is_office
from qaward.core.workflow import StateMachine, Transition
from qaward.programs.models import EditionStage as E
from qaward.programs.rules import can_decide

from . import awards, eligibility
from .enums import BEFORE_ACCEPTANCE, ApplicationState, ReviewStage
from .rules import edition_stage_in as at
from .rules import is_applicant_member, is_receiver_staff, is_recommender_staff

S = ApplicationState

APPLICATION_MACHINE = StateMachine(
    "application",
    field_name="state",
    states={state.value: state.label for state in ApplicationState},
    transitions=[
        Transition("submit", (S.DRAFT,), S.SUBMITTED, _("提交申报"), is_applicant_member,
                   guards=(eligibility.submission_guard,)),
        Transition("submit", (S.RETURNED,), S.SUBMITTED, _("重新提交"), is_applicant_member,
                   guards=(eligibility.resubmission_guard,)),
        # 第十六条: the receiver audits completeness, authenticity, accuracy and legality.
        Transition("dept_approve", (S.SUBMITTED,), S.DEPT_APPROVED, _("审核通过"), is_receiver_staff),
        Transition("return", (S.SUBMITTED,), S.RETURNED, _("退回修改"), is_receiver_staff, reason_required=True),
        Transition("reject", (S.SUBMITTED,), S.REJECTED, _("审核不通过"), is_receiver_staff, reason_required=True),
        Transition("recommend", (S.DEPT_APPROVED,), S.RECOMMENDED, _("推荐上报"), is_recommender_staff),
        # 第十七条: formal review by the office.
        Transition("accept", (S.RECOMMENDED,), S.ACCEPTED, _("受理"), is_office,
                   guards=(eligibility.acceptance_guard,)),
        Transition("return", (S.RECOMMENDED,), S.RETURNED, _("退回补正"), is_office, reason_required=True,
                   guards=(eligibility.office_decision_guard,)),
        Transition("reject", (S.RECOMMENDED,), S.REJECTED, _("不予受理"), is_office, reason_required=True,
                   guards=(eligibility.office_decision_guard,)),
        Transition("withdraw", BEFORE_ACCEPTANCE, S.WITHDRAWN, _("撤回申报"), is_applicant_member),
        # After acceptance: evaluation, deliberation and the decision (第十八～二十二、三十条), each offered
        # only in its stage of the edition. ``nominate`` takes the proposed level (award / nomination).
        Transition("nominate", (S.ACCEPTED,), S.CANDIDATE, _("列入候选名单"), is_office & at(E.CANDIDATES)),
        Transition("propose_award", (S.CANDIDATE,), S.PROPOSED, _("列入获奖建议名单"),
                   is_leadership & at(E.DELIBERATION), guards=(awards.within_quota,)),
        Transition("drop", (S.CANDIDATE,), S.NOT_AWARDED, _("不列入获奖建议名单"),
                   is_leadership & at(E.DELIBERATION), reason_required=True),
        # 第二十一条: whoever records the edition's decision records each application's (programs.rules).
        # The award is written to AwardRecord, which 第十三条's cool-down reads.
        Transition("award", (S.PROPOSED,), S.AWARDED, _("表彰"), can_decide & at(E.REPORTED, E.DECIDED),
                   guards=(awards.within_quota,), effects=(awards.record_winner,)),
        Transition("not_award", (S.PROPOSED,), S.NOT_AWARDED, _("不予表彰"), can_decide & at(E.REPORTED, E.DECIDED)),
        # 第三十条: the revocation date on AwardRecord starts the 3-edition ban.
        Transition("revoke", (S.AWARDED,), S.REVOKED, _("撤销奖项"), can_decide & at(E.DECIDED),
                   reason_required=True, effects=(awards.record_revocation,)),
    ],
)

# Which step of the chain an action belongs to, for the application's record of rounds.
ACTION_STAGES = {
    "submit": ReviewStage.APPLICANT,
    "withdraw": ReviewStage.APPLICANT,
    "dept_approve": ReviewStage.RECEIVER_AUDIT,
    "recommend": ReviewStage.RECOMMENDATION,
    "accept": ReviewStage.FORMAL_REVIEW,
}


def stage_of(action: str, from_state: str) -> str:
    if action in ("return", "reject"):
        return ReviewStage.RECEIVER_AUDIT if from_state == S.SUBMITTED else ReviewStage.FORMAL_REVIEW
    return ACTION_STAGES.get(action, ReviewStage.LATER)
