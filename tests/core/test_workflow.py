"""The generic StateMachine: validation of the table, available actions, and fire().

fire() is exercised on the real Edition model with a small machine declared here, so these tests
do not depend on the edition's own guards (tests/programs covers EDITION_MACHINE itself).
"""

from types import SimpleNamespace

import pytest

from qaward.accounts.rules import is_office
from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from qaward.core.rulebook import NO_FEE, check
from qaward.core.workflow import StateMachine, Transition
from qaward.programs.models import Edition
from tests.factories import EditionFactory, UserFactory

STATES = {"draft": "草稿", "open": "开放", "closed": "关闭"}


def anyone(user, obj=None):
    return True


def nobody(user, obj=None):
    return False


def machine(*transitions) -> StateMachine:
    return StateMachine("test", field_name="stage", states=STATES, transitions=transitions)


# --- the table -----------------------------------------------------------------------------------

def test_unknown_target_state_refused():
    with pytest.raises(ValueError, match=r"test\.go: unknown states \['nowhere'\]"):
        machine(Transition("go", ("draft",), "nowhere", "前往", anyone))


def test_unknown_source_state_refused():
    with pytest.raises(ValueError, match=r"unknown states \['limbo'\]"):
        machine(Transition("go", ("limbo", "draft"), "open", "前往", anyone))


def test_available_actions_by_state_and_permission():
    table = machine(
        Transition("open", ("draft",), "open", "开放", anyone),
        Transition("discard", ("draft", "open"), "closed", "作废", nobody),
        Transition("close", ("open",), "closed", "关闭", anyone),
    )
    user = SimpleNamespace(is_authenticated=True)

    assert [t.action for t in table.available_actions(SimpleNamespace(stage="draft"), user)] == ["open"]
    assert [t.action for t in table.available_actions(SimpleNamespace(stage="open"), user)] == ["close"]
    assert table.available_actions(SimpleNamespace(stage="closed"), user) == []
    assert [t.action for t in table.actions_from("draft")] == ["open", "discard"]


def test_transition_lookup_depends_on_state():
    table = machine(Transition("close", ("open",), "closed", "关闭", anyone))

    assert table.transition(SimpleNamespace(stage="open"), "close").target == "closed"
    assert table.transition(SimpleNamespace(stage="draft"), "close") is None
    assert table.state_label("open") == "开放"


def test_blockers_lists_only_failed_blocking_results():
    def guard(obj, **context):
        yield check(NO_FEE, context.get("free", False), "收取了费用")

    table = machine(Transition("open", ("draft",), "open", "开放", anyone, guards=(guard,)))
    obj = SimpleNamespace(stage="draft")

    assert [r.code for r in table.blockers(obj, "open")] == ["no_fee"]
    assert table.blockers(obj, "open", free=True) == []
    assert table.blockers(obj, "unknown") == []


# --- fire() on a real model ----------------------------------------------------------------------

@pytest.fixture
def office(db):
    return UserFactory(username="office-wang", roles=["office"])


@pytest.fixture
def edition(db):
    return EditionFactory(stage="preparing")


def edition_machine(*transitions) -> StateMachine:
    return StateMachine("trial", field_name="stage",
                        states={"preparing": "筹备", "approved": "已批准", "open": "申报中"},
                        transitions=transitions)


def test_fire_changes_state_and_writes_audit(edition, office):
    table = edition_machine(Transition("approve", ("preparing",), "approved", "批准", is_office))

    result = table.fire(edition, "approve", office, reason="已获批复", document="运委〔2026〕1号")

    assert result.stage == "approved"
    assert Edition.objects.get(pk=edition.pk).stage == "approved"
    entry = AuditRecord.objects.get()
    assert (entry.action, entry.actor, entry.reason) == ("trial.approve", office, "已获批复")
    assert (entry.object_type, entry.object_id) == ("programs.edition", str(edition.pk))
    assert entry.before == {"stage": "preparing"}
    assert entry.after == {"stage": "approved", "document": "运委〔2026〕1号"}


def test_fire_unknown_action_is_404(edition, office):
    table = edition_machine(Transition("approve", ("preparing",), "approved", "批准", is_office))

    with pytest.raises(InvalidTransition) as raised:
        table.fire(edition, "launch", office)

    assert (raised.value.status, raised.value.code) == (404, "unknown_action")


def test_fire_from_wrong_state_is_409(edition, office):
    table = edition_machine(Transition("open", ("approved",), "open", "开放", is_office))

    with pytest.raises(InvalidTransition) as raised:
        table.fire(edition, "open", office)

    assert (raised.value.status, raised.value.code) == (409, "invalid_transition")
    assert raised.value.detail == "当前状态为「筹备」，不能执行此操作。"


def test_fire_without_permission_refused(edition):
    table = edition_machine(Transition("approve", ("preparing",), "approved", "批准", is_office))

    with pytest.raises(NotPermitted):
        table.fire(edition, "approve", UserFactory(roles=["supervision"]))

    assert Edition.objects.get(pk=edition.pk).stage == "preparing"
    assert not AuditRecord.objects.exists()


def test_fire_reason_required(edition, office):
    table = edition_machine(Transition("approve", ("preparing",), "approved", "批准", is_office,
                                       reason_required=True))

    with pytest.raises(InvalidTransition) as raised:
        table.fire(edition, "approve", office, reason="  ")

    assert raised.value.code == "reason_required"


def test_fire_failed_guard_raises_violation_and_changes_nothing(edition, office):
    def never_free(obj, **context):
        yield check(NO_FEE, False, "收取了评审费")

    table = edition_machine(Transition("approve", ("preparing",), "approved", "批准", is_office,
                                       guards=(never_free,)))

    with pytest.raises(RuleViolation) as raised:
        table.fire(edition, "approve", office)

    assert (raised.value.code, raised.value.article) == ("no_fee", "10")
    assert Edition.objects.get(pk=edition.pk).stage == "preparing"
    assert not AuditRecord.objects.exists()


def test_fire_runs_effects_after_save(edition, office):
    seen = []

    def effect(obj, *, user, **context):
        seen.append((Edition.objects.get(pk=obj.pk).stage, user, context))

    table = edition_machine(Transition("approve", ("preparing",), "approved", "批准", is_office,
                                       effects=(effect,)))

    table.fire(edition, "approve", office, reason="依据", note="x")

    assert seen == [("approved", office, {"reason": "依据", "note": "x"})]


def test_fire_failing_effect_rolls_everything_back(edition, office):
    def refuse(obj, **context):
        raise DomainError("表彰决定文号缺失。", code="decision_incomplete")

    table = edition_machine(Transition("approve", ("preparing",), "approved", "批准", is_office,
                                       effects=(refuse,)))

    with pytest.raises(DomainError):
        table.fire(edition, "approve", office)

    assert Edition.objects.get(pk=edition.pk).stage == "preparing"
    assert not AuditRecord.objects.exists()


def test_edition_machine_table_is_valid_and_offers_office_first_step(edition, office):
    from qaward.programs.workflow import EDITION_MACHINE

    assert EDITION_MACHINE.field_name == "stage"
    assert [t.action for t in EDITION_MACHINE.available_actions(edition, office)] == ["record_approvals"]
    assert EDITION_MACHINE.available_actions(edition, UserFactory(roles=["supervision"])) == []
