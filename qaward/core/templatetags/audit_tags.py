"""{% load audit_tags %} {{ record.action|action_label }}: the reader's words for an audit action code."""

from django import template

from qaward.core.audit_labels import action_label as _action_label

register = template.Library()


@register.filter
def action_label(code: str) -> str:
    return _action_label(code)
