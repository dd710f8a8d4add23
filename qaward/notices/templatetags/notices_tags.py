"""Template helpers of the notice pages: {% load notices_tags %}."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from qaward.programs.calendar import count_workdays

from ..models.notices import NoticeStatus

register = template.Library()


@register.filter
def workdays_left(notice) -> int:
    """Working days from today to the notice's last day, both included (0 once it ended); counted
    beforehand by queries.with_workdays_left where a page lists many notices."""
    counted = getattr(notice, "workdays_left", None)
    if counted is not None:
        return counted
    today = timezone.localdate()
    return count_workdays(max(today, notice.start), notice.end) if notice.end >= today else 0


@register.filter
def cn_date(day) -> str:
    if not isinstance(day, dt.date):
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


@register.inclusion_tag("notices/_status.html")
def notice_status(notice, status: str | None = None):
    status = status or notice.status
    return {"status": status, "label": NoticeStatus(status).label}
