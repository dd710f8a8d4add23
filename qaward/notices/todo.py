"""What waits in the to-do list: objections to investigate (office) and to decide (leadership group)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from qaward.portal.todo import TodoItem, todo_provider

from . import queries
from .rules import can_decide_objections, can_investigate_objections


@todo_provider
def objections_todo(user) -> list[TodoItem]:
    items = []
    if can_investigate_objections(user):
        count = queries.count_to_investigate()
        items.append(TodoItem(
            _("待调查核实的公示异议"), f"{reverse('notices:objections')}?show=investigate", count,
            _("公示与异议"), urgent=count > 0, detail=_("异议未处理完毕前，届次不能进入下一环节（第二十条）")))
    if can_decide_objections(user):
        count = queries.count_to_decide()
        items.append(TodoItem(
            _("待作出处理决定的公示异议"), f"{reverse('notices:objections')}?show=decide", count,
            _("公示与异议"), urgent=count > 0, detail=_("办公室已调查核实，请领导小组作出决定（第七条）")))
    return items
