"""The office's working-day calendar: a year at a glance, and its overrides."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST

from qaward.accounts.rules import is_office
from qaward.core.web import domain_errors

from .. import calendar
from ..calendar_forms import CalendarOverrideForm
from ..calendar_overrides import delete_override, set_override
from ..models import CalendarOverride

# Column heads of the month grids, Monday first; "weekday" context keeps the one-character msgids apart.
WEEKDAYS = [pgettext_lazy("weekday", "一"), pgettext_lazy("weekday", "二"), pgettext_lazy("weekday", "三"),
            pgettext_lazy("weekday", "四"), pgettext_lazy("weekday", "五"), pgettext_lazy("weekday", "六"),
            pgettext_lazy("weekday", "日")]


def _office_only(request) -> None:
    if not is_office(request.user):
        raise PermissionDenied


def _months(year: int, days: list[calendar.CalendarDay]) -> list[dict]:
    by_date = {day.date: day for day in days}
    grid = pycalendar.Calendar(firstweekday=0)
    return [
        {
            "number": month,
            "weeks": [[by_date[d] if d.month == month else None for d in week]
                      for week in grid.monthdatescalendar(year, month)],
        }
        for month in range(1, 13)
    ]


def _initial(request, year: int) -> dict:
    """Prefill the form for a date picked in the grid: proposing the opposite of its current status."""
    try:
        day = dt.date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        today = timezone.localdate()
        return {"date": today if today.year == year else dt.date(year, 1, 1)}
    override = CalendarOverride.objects.filter(date=day).first()
    if override:
        return {"date": day, "is_workday": "1" if override.is_workday else "0", "note": override.note}
    return {"date": day, "is_workday": "0" if calendar.is_workday(day) else "1"}


@login_required
def calendar_year(request, year: int | None = None):
    _office_only(request)
    if year is None:
        return redirect("programs:calendar", year=timezone.localdate().year)
    if not calendar.FIRST_YEAR <= year <= calendar.LAST_YEAR:
        raise Http404
    status = 200
    if request.method == "POST":
        form = CalendarOverrideForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            with domain_errors(request, form=form) as outcome:
                set_override(request.user, data["date"], is_workday=data["is_workday"], note=data["note"])
            if outcome.ok:
                messages.success(request, _("已保存 %(date)s 的工作日调整。") % {"date": data["date"].isoformat()})
                return redirect("programs:calendar", year=data["date"].year)
            status = outcome.status
        else:
            status = 422
    else:
        form = CalendarOverrideForm(initial=_initial(request, year))
    days = calendar.year_days(year)
    context = {
        "year": year,
        "months": _months(year, days),
        "weekdays": WEEKDAYS,
        "form": form,
        "overrides": [day.override for day in days if day.override],
        "workday_count": sum(day.is_workday for day in days),
        "holiday_count": sum(day.kind == calendar.DayKind.HOLIDAY for day in days),
        "adjusted_count": sum(day.kind == calendar.DayKind.ADJUSTED_WORKDAY for day in days),
        "in_package": year in calendar.package_years(),
        "warnings": calendar.coverage_warnings(dt.date(year, 1, 1), dt.date(year, 12, 31)),
    }
    return render(request, "programs/calendar.html", context, status=status)


@login_required
@require_POST
def calendar_override_delete(request, pk: int):
    _office_only(request)
    override = get_object_or_404(CalendarOverride, pk=pk)
    year = override.date.year
    with domain_errors(request) as outcome:
        delete_override(request.user, override)
    if outcome.ok:
        messages.success(request, _("已删除 %(date)s 的工作日调整，该日恢复为官方日历。")
                         % {"date": override.date.isoformat()})
    return redirect("programs:calendar", year=year)
