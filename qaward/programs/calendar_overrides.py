"""The office's corrections of the official calendar: each change is checked, saved and audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from qaward.accounts.rules import is_office
from qaward.core import audit
from qaward.core.errors import DomainError, NotPermitted

from . import calendar
from .models import CalendarOverride


def _snapshot(override: CalendarOverride | None) -> dict:
    if override is None:
        return {}
    return {"date": override.date, "is_workday": override.is_workday, "note": override.note}


def _check(user, day: dt.date | None = None) -> None:
    if not is_office(user):
        raise NotPermitted("只有领导小组办公室可以调整工作日日历。")
    if day is not None and not calendar.FIRST_YEAR <= day.year <= calendar.LAST_YEAR:
        raise DomainError(f"日期应在{calendar.FIRST_YEAR}年至{calendar.LAST_YEAR}年之间。", code="date_out_of_range")


def set_override(user, day: dt.date, *, is_workday: bool, note: str = "") -> CalendarOverride:
    """Make ``day`` a working day or a day off, replacing any earlier override of that date."""
    _check(user, day)
    with transaction.atomic():
        override = CalendarOverride.objects.select_for_update().filter(date=day).first()
        before = _snapshot(override)
        if override is None:
            override = CalendarOverride(date=day, created_by=user)
        override.is_workday, override.note = is_workday, note.strip()
        override.save()
        audit.record("calendar.override_set", actor=user, obj=override, reason=override.note,
                     before=before, after=_snapshot(override))
    return override


def delete_override(user, override: CalendarOverride) -> None:
    """Remove an override; the date falls back to the official calendar."""
    _check(user)
    with transaction.atomic():
        audit.record("calendar.override_deleted", actor=user, obj=override, reason=override.note,
                     before=_snapshot(override), after={})
        override.delete()
