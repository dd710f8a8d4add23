"""What the edition pages and the API show: stage steps, quotas and actions with their blockers."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from qaward.core.rulebook import RuleResult

from .forms import ActionForm
from .models import Edition, EditionStage, Program
from .models.editions import STAGE_ORDER
from .workflow import ACTION_FIELDS, EDITION_MACHINE


@dataclass(frozen=True)
class Step:
    number: int
    code: str
    label: str
    state: str  # done | current | todo


def stage_steps(edition: Edition) -> list[Step]:
    current = STAGE_ORDER.index(edition.stage)
    return [
        Step(i + 1, stage.value, str(stage.label), "done" if i < current else "current" if i == current else "todo")
        for i, stage in enumerate(EditionStage)
    ]


def quotas(program: Program) -> list[dict]:
    """第四条: ceilings, not targets ("不超过")."""
    return [
        {"level": "award", "label": _("质量奖"), "organizations": program.quota_award_organizations,
         "individuals": program.quota_award_individuals},
        {"level": "nomination", "label": _("质量奖提名奖"), "organizations": program.quota_nomination_organizations,
         "individuals": program.quota_nomination_individuals},
    ]


@dataclass
class ActionPanel:
    action: str
    label: str
    target: str
    target_label: str
    blockers: list[RuleResult]
    fields: tuple[str, ...]
    form: ActionForm | None = None

    @property
    def ready(self) -> bool:
        return not self.blockers


def available_actions(edition: Edition, user) -> list[ActionPanel]:
    """The caller's actions from the current stage, each with the rules that refuse it today."""
    return [
        ActionPanel(
            t.action, str(t.label), t.target, str(EDITION_MACHINE.state_label(t.target)),
            EDITION_MACHINE.blockers(edition, t.action), ACTION_FIELDS.get(t.action, ()),
            ActionForm(prefix=t.action),
        )
        for t in EDITION_MACHINE.available_actions(edition, user)
    ]


def action_panels(edition: Edition, user, bound_form: ActionForm | None = None, bound_action: str | None = None):
    panels = available_actions(edition, user)
    for panel in panels:
        if bound_form is not None and panel.action == bound_action:
            panel.form = bound_form
    return panels
