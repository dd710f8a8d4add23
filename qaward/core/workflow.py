"""Workflows as data: a state machine is a table of transitions whose guards are the rules.

A ``Transition`` names its action, the states it leaves, the state it reaches, who may fire it
(a ``rules`` predicate taking ``(user, obj)``) and its guards (callables returning RuleResults).
Both the UI and the API read ``available_actions`` from the same table, and ``fire`` is the only
way state changes: it locks the row, checks permission and guards, saves, and writes the audit
record in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from . import audit
from .errors import InvalidTransition, NotPermitted, enforce
from .rulebook import RuleResult

Guard = Callable[..., Iterable[RuleResult]]


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    label: str
    permission: Callable  # rules predicate (user, obj) -> bool
    guards: tuple[Guard, ...] = ()
    reason_required: bool = False
    # Run after the state is saved, as effect(obj, user=..., reason=..., **context): a revocation's
    # effect keeps the reason as the record's grounds.
    effects: tuple[Callable, ...] = field(default=())


# Every machine by name, so the audit trail can show "提交申报" for the record "application.submit".
MACHINES: dict[str, StateMachine] = {}


class StateMachine:
    def __init__(self, name: str, *, field_name: str, states: dict[str, str], transitions: Sequence[Transition]):
        MACHINES[name] = self
        self.name = name
        self.field_name = field_name
        self.states = states
        self.transitions = tuple(transitions)
        for t in self.transitions:
            unknown = {*t.sources, t.target} - states.keys()
            if unknown:
                raise ValueError(f"{name}.{t.action}: unknown states {sorted(unknown)}")

    def state_of(self, obj) -> str:
        return getattr(obj, self.field_name)

    def state_label(self, state: str) -> str:
        return self.states[state]

    def transition(self, obj, action: str) -> Transition | None:
        state = self.state_of(obj)
        return next((t for t in self.transitions if t.action == action and state in t.sources), None)

    def actions_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]

    def available_actions(self, obj, user) -> list[Transition]:
        """Actions the user may fire from the object's current state (guards not yet evaluated)."""
        return [t for t in self.actions_from(self.state_of(obj)) if t.permission(user, obj)]

    def blockers(self, obj, action: str, **context) -> list[RuleResult]:
        t = self.transition(obj, action)
        if t is None:
            return []
        return [r for guard in t.guards for r in guard(obj, **context) if r.blocking]

    def fire(self, obj, action: str, user, *, reason: str = "", **context):
        known = {t.action for t in self.transitions}
        if action not in known:
            raise InvalidTransition(f"未知的操作：{action}", code="unknown_action", status=404)
        with transaction.atomic():
            obj = type(obj).objects.select_for_update().get(pk=obj.pk)
            state = self.state_of(obj)
            t = self.transition(obj, action)
            if t is None:
                raise InvalidTransition(
                    f"当前状态为「{self.state_label(state)}」，不能执行此操作。", code="invalid_transition"
                )
            if not t.permission(user, obj):
                raise NotPermitted()
            if t.reason_required and not reason.strip():
                raise InvalidTransition("请填写理由。", code="reason_required", status=400)
            enforce(r for guard in t.guards for r in guard(obj, **context))
            setattr(obj, self.field_name, t.target)
            obj.save(update_fields=[self.field_name])
            audit.record(
                f"{self.name}.{action}", actor=user, obj=obj, reason=reason,
                before={self.field_name: state}, after={self.field_name: t.target, **_jsonable(context)},
            )
            for effect in t.effects:
                effect(obj, user=user, reason=reason, **context)
        return obj


def _jsonable(context: dict) -> dict:
    return {k: v for k, v in context.items() if isinstance(v, str | int | float | bool | None)}
