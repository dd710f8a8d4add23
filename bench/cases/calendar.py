"""(d) Working days: count_workdays over ten years and add_workdays(…, 250) (qaward.programs.calendar).

Floor: the same day-by-day walk in plain Python over sets precomputed before timing — the official
days off and adjusted working weekends of the `holidays` package, with the office's overrides
applied — so the ratio shows what the system pays per day beyond a set lookup.
"""

from __future__ import annotations

import datetime as dt

import holidays

from qaward.programs import calendar
from qaward.programs.models import CalendarOverride

from ..timing import CaseResult, compare

ONE_DAY = dt.timedelta(days=1)
COUNT_SPAN = (dt.date(2020, 1, 1), dt.date(2029, 12, 31))
ADD_FROM, ADD_DAYS = dt.date(2026, 12, 1), 250


def _precomputed(first_year: int, last_year: int) -> tuple[set[dt.date], set[dt.date]]:
    """(weekdays off, weekend days worked), official calendar corrected by the office's overrides."""
    official = holidays.China(years=range(first_year, last_year + 1), language="zh_CN")
    off = {day for day in official if day.weekday() < 5}
    worked = {day for day in official.weekend_workdays if first_year <= day.year <= last_year}
    for day, working in CalendarOverride.objects.values_list("date", "is_workday"):
        weekday = day.weekday() < 5
        if working:
            off.discard(day)
            if not weekday:
                worked.add(day)
        else:
            worked.discard(day)
            if weekday:
                off.add(day)
    return off, worked


def _is_workday(day: dt.date, off: set[dt.date], worked: set[dt.date]) -> bool:
    return day not in off if day.weekday() < 5 else day in worked


def run(world, repeat: int) -> list[CaseResult]:
    off, worked = _precomputed(COUNT_SPAN[0].year, COUNT_SPAN[1].year + 2)

    def floor_count() -> int:
        count, day = 0, COUNT_SPAN[0]
        while day <= COUNT_SPAN[1]:
            count += _is_workday(day, off, worked)
            day += ONE_DAY
        return count

    def floor_add() -> dt.date:
        counted, day = 0, ADD_FROM
        while True:
            counted += _is_workday(day, off, worked)
            if counted == ADD_DAYS:
                return day
            day += ONE_DAY

    days = (COUNT_SPAN[1] - COUNT_SPAN[0]).days + 1
    s1, f1 = compare(lambda: calendar.count_workdays(*COUNT_SPAN), floor_count, repeat)
    s2, f2 = compare(lambda: calendar.add_workdays(ADD_FROM, ADD_DAYS), floor_add, repeat)
    return [
        CaseResult("d1_count_workdays_10y", f"工作日 count_workdays {COUNT_SPAN[0]}…{COUNT_SPAN[1]} ({days} days)",
                   s1.timing, f1.timing, s1.result, f1.result, s1.result == f1.result,
                   notes=[f"{s1.result} working days; first run {s1.timing.first_ms:.1f} ms (cold holiday tables)"]),
        CaseResult("d2_add_workdays_250", f"工作日 add_workdays({ADD_FROM}, {ADD_DAYS})",
                   s2.timing, f2.timing, (s2.result - ADD_FROM).days + 1, (f2.result - ADD_FROM).days + 1,
                   s2.result == f2.result, notes=[f"ends {s2.result} (floor {f2.result})"]),
    ]
