"""The edition's stage machine: each transition, its guards at their boundaries, roles and audit."""

import datetime as dt

import pytest

from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from qaward.notices.guards import notice_settled
from qaward.programs.models import EditionApproval, EditionStage
from qaward.programs.models.editions import STAGE_ORDER
from qaward.programs.services import advance
from qaward.programs.workflow import EDITION_MACHINE
from tests.factories import EditionApprovalFactory, EditionFactory, RubricFactory, UserFactory

from .conftest import approve, edition_in, with_call

pytestmark = pytest.mark.django_db
S = EditionStage

# action, from, to, a role allowed to fire it
TRANSITIONS = [
    ("record_approvals", S.PREPARING, S.APPROVED, "office"),
    ("open", S.APPROVED, S.OPEN, "office"),
    ("close_applications", S.OPEN, S.FORMAL_REVIEW, "office"),
    ("publish_acceptance", S.FORMAL_REVIEW, S.ACCEPTANCE_NOTICE, "office"),
    ("start_evaluation", S.ACCEPTANCE_NOTICE, S.EVALUATION, "office"),
    ("propose_candidates", S.EVALUATION, S.CANDIDATES, "office"),
    ("deliberate", S.CANDIDATES, S.DELIBERATION, "office"),
    ("deliberate", S.CANDIDATES, S.DELIBERATION, "leadership"),
    ("publish_recommendation", S.DELIBERATION, S.RECOMMENDATION_NOTICE, "office"),
    ("report", S.RECOMMENDATION_NOTICE, S.REPORTED, "office"),
    ("report", S.RECOMMENDATION_NOTICE, S.REPORTED, "hr_bureau"),
    ("decide", S.REPORTED, S.DECIDED, "office"),
    ("decide", S.REPORTED, S.DECIDED, "city_government"),
]
# Dates at which every guard of the happy path holds (call 2026-03-10, deadline 2026-05-31).
CONTEXT = {
    "open": {"today": dt.date(2026, 3, 10)},
    "close_applications": {"today": dt.date(2026, 6, 1)},
    "decide": {"decision_document": "运政发〔2026〕30号", "decided_on": "2026-11-20", "today": dt.date(2026, 11, 27)},
}


def user_with(role):
    return UserFactory(roles=[role])


def test_machine_covers_all_eleven_stages_in_order():
    assert list(EDITION_MACHINE.states) == STAGE_ORDER
    assert len(STAGE_ORDER) == 11
    targets = [t.target for t in EDITION_MACHINE.transitions]
    assert sorted(set(targets), key=STAGE_ORDER.index) == STAGE_ORDER[1:]


@pytest.mark.parametrize(("action", "source", "target", "role"), TRANSITIONS)
def test_transition_by_allowed_role_moves_stage_and_audits(action, source, target, role):
    edition = edition_in(source)
    actor = user_with(role)

    advance(edition, action, actor, reason="按程序推进", **CONTEXT.get(action, {}))

    edition.refresh_from_db()
    record = AuditRecord.objects.get(action=f"edition.{action}")
    assert edition.stage == target
    assert (record.actor, record.object_id, record.reason) == (actor, str(edition.pk), "按程序推进")
    assert record.before == {"stage": source}
    assert record.after["stage"] == target


@pytest.mark.parametrize(("action", "source"), sorted({(a, s) for a, s, _, _ in TRANSITIONS}))
@pytest.mark.parametrize("role", ["applicant", "supervision", "expert"])
def test_transition_by_other_role_not_permitted(action, source, role):
    edition = edition_in(source)

    with pytest.raises(NotPermitted):
        advance(edition, action, user_with(role), **CONTEXT.get(action, {}))

    edition.refresh_from_db()
    assert edition.stage == source
    assert not AuditRecord.objects.filter(action=f"edition.{action}").exists()


@pytest.mark.parametrize(("action", "role"), [("record_approvals", "leadership"), ("open", "hr_bureau"),
                                              ("deliberate", "hr_bureau"), ("report", "leadership"),
                                              ("decide", "hr_bureau"), ("publish_acceptance", "city_government")])
def test_transition_by_role_of_another_step_not_permitted(action, role):
    source = next(s for a, s, _, _ in TRANSITIONS if a == action)

    with pytest.raises(NotPermitted):
        advance(edition_in(source), action, user_with(role), **CONTEXT.get(action, {}))


@pytest.mark.parametrize(("action", "wrong_stage"), [
    ("record_approvals", S.APPROVED), ("open", S.PREPARING), ("close_applications", S.APPROVED),
    ("publish_acceptance", S.OPEN), ("start_evaluation", S.FORMAL_REVIEW), ("propose_candidates", S.DECIDED),
    ("deliberate", S.EVALUATION), ("publish_recommendation", S.CANDIDATES), ("report", S.DELIBERATION),
    ("decide", S.RECOMMENDATION_NOTICE),
])
def test_transition_from_wrong_stage_invalid(action, wrong_stage, office):
    edition = edition_in(wrong_stage)

    with pytest.raises(InvalidTransition) as refused:
        advance(edition, action, office, **CONTEXT.get(action, {}))

    assert refused.value.code == "invalid_transition"
    assert refused.value.status == 409


def test_unknown_action_invalid_404(office):
    with pytest.raises(InvalidTransition) as refused:
        advance(edition_in(S.PREPARING), "skip_to_the_end", office)

    assert (refused.value.code, refused.value.status) == ("unknown_action", 404)


# --- record_approvals: 第四条, 第十四条 ----------------------------------------------------------

def test_record_approvals_without_any_approval_refused(office):
    edition = EditionFactory()

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "record_approvals", office)

    assert (refused.value.code, refused.value.article) == ("approvals_missing", "4")
    assert "尚未登记：市委、市政府同意、省委、省政府审批" in refused.value.detail


def test_record_approvals_with_city_approval_only_refused(office):
    edition = EditionFactory()
    EditionApprovalFactory(edition=edition, kind=EditionApproval.Kind.CITY)

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "record_approvals", office)

    assert refused.value.code == "approvals_missing"
    assert refused.value.detail.endswith("（尚未登记：省委、省政府审批）")


def test_record_approvals_without_plan_refused_under_article_14(office):
    edition = approve(EditionFactory(plan=""))

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "record_approvals", office)

    assert (refused.value.code, refused.value.article) == ("plan_missing", "14")


def test_record_approvals_with_both_approvals_and_plan_approves(office):
    edition = approve(EditionFactory())

    advance(edition, "record_approvals", office)

    edition.refresh_from_db()
    assert edition.stage == S.APPROVED


# --- open: 第十四条 and 第三十四、三十五条 -----------------------------------------------------------

def approved_yuncheng_edition(yuncheng, *, year=2028, published_on=dt.date(2028, 3, 1), deadline):
    edition = approve(EditionFactory(program=yuncheng, year=year, stage=S.APPROVED))
    return with_call(edition, published_on=published_on, deadline=deadline)


def test_open_deadline_on_last_day_of_measures_2028_06_08_opens(office, yuncheng):
    edition = approved_yuncheng_edition(yuncheng, deadline=dt.date(2028, 6, 8))

    advance(edition, "open", office, today=dt.date(2028, 3, 1))

    edition.refresh_from_db()
    assert edition.stage == S.OPEN


def test_open_deadline_after_measures_expire_2028_06_09_refused(office, yuncheng):
    edition = approved_yuncheng_edition(yuncheng, deadline=dt.date(2028, 6, 9))

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "open", office, today=dt.date(2028, 3, 1))

    edition.refresh_from_db()
    assert (refused.value.code, refused.value.article) == ("rules_expired", "34,35")
    assert "申报截止日2028-06-09不在有效期内" in refused.value.detail
    assert edition.stage == S.APPROVED


def test_open_on_the_day_after_measures_expire_refused(office, yuncheng):
    edition = approved_yuncheng_edition(yuncheng, published_on=dt.date(2028, 6, 1), deadline=dt.date(2028, 7, 31))

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "open", office, today=dt.date(2028, 6, 9))

    assert refused.value.code == "rules_expired"
    assert "开放申报之日2028-06-09不在有效期内" in refused.value.detail


def test_open_without_call_refused(office):
    edition = approve(EditionFactory(stage=S.APPROVED))

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "open", office, today=dt.date(2026, 3, 10))

    assert (refused.value.code, refused.value.article) == ("call_not_published", "14")
    assert "缺少：通知标题、通知正文、发布日期、申报截止日期" in refused.value.detail


def test_open_deadline_equal_to_publication_refused(office):
    edition = with_call(approve(EditionFactory(stage=S.APPROVED)), published_on=dt.date(2026, 3, 10),
                        deadline=dt.date(2026, 3, 10))

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "open", office, today=dt.date(2026, 3, 10))

    assert refused.value.code == "call_not_published"
    assert "须晚于发布日期" in refused.value.detail


def test_open_call_published_outside_the_edition_year_refused(office):
    edition = with_call(approve(EditionFactory(stage=S.APPROVED, year=2027)))

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "open", office, today=dt.date(2026, 3, 10))

    assert refused.value.code == "call_not_published"
    assert "申报通知应在评选年（2027年）发布" in refused.value.detail


def test_open_with_unbalanced_rubric_refused(office):
    rubric = RubricFactory(balanced=False, name="空标准")
    edition = edition_in(S.APPROVED, organization_rubric=rubric)

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "open", office, today=dt.date(2026, 3, 10))

    assert (refused.value.code, refused.value.article) == ("rubric_unbalanced", "3")
    assert "空标准：各类目合计 0 分，总分为 1000 分" in refused.value.detail


def test_open_blockers_list_every_failed_guard_without_firing():
    edition = EditionFactory(stage=S.APPROVED, organization_rubric=None)

    blockers = EDITION_MACHINE.blockers(edition, "open", today=dt.date(2026, 3, 10))

    assert [b.code for b in blockers] == ["call_not_published", "rubric_unbalanced"]


# --- close_applications: 第十四条 ---------------------------------------------------------------

def test_close_applications_on_deadline_day_refused(office):
    edition = edition_in(S.OPEN)  # deadline 2026-05-31

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "close_applications", office, today=dt.date(2026, 5, 31))

    assert (refused.value.code, refused.value.article) == ("deadline_not_reached", "14")
    assert "申报截止日期为2026-05-31，今天是2026-05-31" in refused.value.detail


def test_close_applications_on_day_after_deadline_moves_to_formal_review(office):
    edition = edition_in(S.OPEN)

    advance(edition, "close_applications", office, today=dt.date(2026, 6, 1))

    edition.refresh_from_db()
    assert edition.stage == S.FORMAL_REVIEW


# --- decide: 第二十一条 ---------------------------------------------------------------------------

def test_decide_records_the_decision_document_and_date(office):
    edition = edition_in(S.REPORTED)

    advance(edition, "decide", office, **CONTEXT["decide"])

    edition.refresh_from_db()
    record = AuditRecord.objects.get(action="edition.decide")
    assert (edition.stage, edition.decision_document, edition.decided_on) == (
        S.DECIDED, "运政发〔2026〕30号", dt.date(2026, 11, 20))
    assert record.after["decision_document"] == "运政发〔2026〕30号"
    assert record.after["decided_on"] == "2026-11-20"


@pytest.mark.parametrize("payload", [{}, {"decision_document": "运政发〔2026〕30号"}, {"decided_on": "2026-11-20"}])
def test_decide_without_document_or_date_refused_and_rolled_back(office, payload):
    edition = edition_in(S.REPORTED)

    with pytest.raises(DomainError) as refused:
        advance(edition, "decide", office, **payload)

    edition.refresh_from_db()
    assert refused.value.code == "decision_incomplete"
    assert edition.stage == S.REPORTED
    assert not AuditRecord.objects.filter(action="edition.decide").exists()


def test_decide_dated_in_the_future_refused(office):
    edition = edition_in(S.REPORTED)

    with pytest.raises(DomainError) as refused:
        advance(edition, "decide", office, decision_document="运政发〔2026〕30号", decided_on="2026-11-28",
                today=dt.date(2026, 11, 27))

    assert refused.value.code == "invalid_date"


# --- available actions ------------------------------------------------------------------------

def test_available_actions_follow_stage_and_role(office):
    hr = user_with("hr_bureau")
    supervisor = user_with("supervision")
    edition = edition_in(S.RECOMMENDATION_NOTICE)

    assert [t.action for t in EDITION_MACHINE.available_actions(edition, office)] == ["report"]
    assert [t.action for t in EDITION_MACHINE.available_actions(edition, hr)] == ["report"]
    assert EDITION_MACHINE.available_actions(edition, supervisor) == []


def test_transitions_leaving_notice_stages_wait_for_notice_settled():
    leaving_notices = {t.action: t.guards for t in EDITION_MACHINE.transitions
                       if set(t.sources) & {S.ACCEPTANCE_NOTICE, S.CANDIDATES, S.RECOMMENDATION_NOTICE}}

    assert set(leaving_notices) == {"start_evaluation", "deliberate", "report"}
    assert all(notice_settled in guards for guards in leaving_notices.values())


# --- start_evaluation: the rubric is still editable until here (第三条) -----------------------------

def test_start_evaluation_with_rubric_unbalanced_since_opening_refused(office):
    rubric = RubricFactory()
    edition = edition_in(S.ACCEPTANCE_NOTICE, organization_rubric=rubric)
    item = rubric.categories.get().items.get()
    item.points = 999
    item.save()

    with pytest.raises(RuleViolation) as refused:
        advance(edition, "start_evaluation", office)

    edition.refresh_from_db()
    assert (refused.value.code, refused.value.article) == ("rubric_unbalanced", "3")
    assert edition.stage == S.ACCEPTANCE_NOTICE
