"""What the pages and the API show of an application: its checklist and the caller's actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qaward.core.rulebook import RuleResult, Severity

from . import eligibility
from .enums import ApplicationState
from .services import available_actions as _available

S = ApplicationState


# The guard of the application's next step whose checks the checklist shows; any other state shows
# all conditions (eligibility.evaluate, which is also what resubmission checks).
CHECKLIST_GUARDS = {
    S.DRAFT: eligibility.submission_guard,
    S.RETURNED: eligibility.resubmission_guard,
    S.RECOMMENDED: eligibility.acceptance_guard,
}


def checklist(application, **context) -> list[RuleResult]:
    """Every check that stands between the application and its next step, in the Measures' order:
    the conditions of submission for a draft, of formal review once recommended, all conditions otherwise."""
    guard = CHECKLIST_GUARDS.get(application.state)
    return list(guard(application, **context)) if guard else eligibility.evaluate(application, **context)


@dataclass
class ChecklistSummary:
    results: list[RuleResult]
    # The guard the results are of (None: all conditions), so the page's actions reuse them instead
    # of evaluating the same rules a second time.
    guard: Callable | None = None

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
    return ChecklistSummary(checklist(application, **context), CHECKLIST_GUARDS.get(application.state))


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


def actions_for(application, user, *, with_blockers: bool = True,
                checked: ChecklistSummary | None = None) -> list[ActionView]:
    """The user's actions now, each with what blocks it; ``checked``, the page's checklist of the same
    application, stands in for its guard's checks."""
    known = {checked.guard: checked.results} if checked is not None and checked.guard else {}
    views = []
    for t in _available(application, user):
        blockers = _blockers(application, t, known) if with_blockers and t.guards else []
        views.append(ActionView(t.action, str(t.label), t.target, str(S(t.target).label), t.reason_required,
                                blockers))
    return views


def _blockers(application, transition, known: dict) -> list[RuleResult]:
    """APPLICATION_MACHINE.blockers for a transition already found, reusing the results in ``known``."""
    return [r for guard in transition.guards
            for r in (known[guard] if guard in known else guard(application)) if r.blocking]


def back_link(application, user) -> tuple[str, str]:
    """(label, url) of the list the user most likely came from, for the page's breadcrumb."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from qaward.accounts.enums import Role

    from .rules import is_applicant_member

    roles = user.role_codes()
    if is_applicant_member(user, application):
        return _("我的申报"), reverse("applications:list")
    if roles & {Role.COUNTY_MSA, Role.INDUSTRY_AUTHORITY, Role.COUNTY_GOVERNMENT}:
        return _("申报审核"), reverse("applications:inbox")
    if Role.OFFICE in roles and application.state in (S.SUBMITTED, S.RETURNED, S.DEPT_APPROVED, S.RECOMMENDED):
        return _("形式审查"), reverse("applications:formal_review")
    return _("受理名单"), reverse("applications:acceptance_edition", args=[application.edition_id])


@dataclass
class EditionStatistics:
    """The applications of one edition that the user may see, counted by state and by county."""

    by_state: list[tuple[str, str, int]]
    by_division: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(n for _state, _label, n in self.by_state)

    @property
    def state_chart(self) -> dict:
        return {"labels": [label for _s, label, _n in self.by_state], "values": [n for *_rest, n in self.by_state],
                "codes": [state for state, _l, _n in self.by_state]}

    @property
    def division_chart(self) -> dict:
        from django.utils.translation import gettext as _

        return {"labels": [name or _("未填所在地") for name, _n in self.by_division],
                "values": [n for _name, n in self.by_division]}


def edition_statistics(edition, user) -> EditionStatistics:
    """Two aggregate queries over what the user may see (drafts never submitted are the applicant's own)."""
    from .queries import counts_by_division, counts_by_state, visible_applications

    applications = visible_applications(user).filter(edition=edition)
    return EditionStatistics(counts_by_state(applications), counts_by_division(applications))
