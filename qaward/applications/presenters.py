"""What the pages and the API show of an application: its checklist and the caller's actions."""

from __future__ import annotations

from dataclasses import dataclass

from qaward.core.rulebook import RuleResult, Severity

from . import eligibility
from .enums import ApplicationState
from .services import available_actions as _available
from .workflow import APPLICATION_MACHINE

S = ApplicationState


def checklist(application, **context) -> list[RuleResult]:
    """Every check that stands between the application and its next step, in the Measures' order:
    the conditions of submission for a draft, of formal review once recommended, all conditions otherwise."""
    if application.state == S.DRAFT:
        return list(eligibility.submission_guard(application, **context))
    if application.state == S.RECOMMENDED:
        return list(eligibility.acceptance_guard(application, **context))
    return eligibility.evaluate(application, **context)


@dataclass
class ChecklistSummary:
    results: list[RuleResult]

    @property
    def blocking(self) -> list[RuleResult]:
        return [r for r in self.results if r.blocking]

    @property
    def warnings(self) -> list[RuleResult]:
        return [r for r in self.results if not r.passed and r.severity == Severity.WARNING]

    @property
    def ready(self) -> bool:
        return not self.blocking

    @property
    def passed_count(self) -> int:
        return sum(1 for r in self.results if r.passed or r.severity != Severity.BLOCK)


def summary(application, **context) -> ChecklistSummary:
    return ChecklistSummary(checklist(application, **context))


@dataclass
class ActionView:
    action: str
    label: str
    target: str
    target_label: str
    reason_required: bool
    blockers: list[RuleResult]

    @property
    def ready(self) -> bool:
        return not self.blockers


def actions_for(application, user, *, with_blockers: bool = True) -> list[ActionView]:
    views = []
    for t in _available(application, user):
        blockers = APPLICATION_MACHINE.blockers(application, t.action) if with_blockers and t.guards else []
        views.append(ActionView(t.action, str(t.label), t.target, str(S(t.target).label), t.reason_required,
                                blockers))
    return views
