"""To-do items of editions: the next stage action a user may take now (no rule refuses it)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from qaward.portal.todo import TodoItem, todo_provider

from .models import Edition, EditionStage
from .workflow import EDITION_MACHINE


@todo_provider
def edition_actions(user) -> list[TodoItem]:
    # A handful of editions at most are in progress (one per five-year cycle), so checking each
    # one's guards stays cheap.
    # The Measures' full text (tens of kilobytes) is for the portal's page, never for a guard.
    editions = (Edition.objects.filter(is_historical=False).exclude(stage=EditionStage.DECIDED)
                .select_related("program__rule_document", "organization_rubric", "individual_rubric")
                .defer("program__rule_document__full_text"))
    items = []
    for edition in editions:
        for transition in EDITION_MACHINE.available_actions(edition, user):
            if EDITION_MACHINE.blockers(edition, transition.action):
                continue
            items.append(TodoItem(
                title=_("%(edition)s：%(action)s") % {"edition": edition.title, "action": transition.label},
                url=edition.get_absolute_url(),
                category=_("届次管理"),
                detail=_("当前阶段：%(stage)s") % {"stage": edition.get_stage_display()},
            ))
    return items
