"""Working days on the official calendar of the PRC, including adjusted working weekends (调休).

The `holidays` package knows the State Council's schedule for the years it has been told about;
for later years its answer is a guess from the statutory holidays alone. The office fills such
years in with CalendarOverride rows, which always win. A period that touches a year known to
neither source is still computed, but callers must show ``coverage_gaps`` as a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import holidays
from holidays.countries.china import ChinaStaticHolidays

from .models import CalendarOverride

ONE_DAY = dt.timedelta(days=1)
# The PRC calendar starts in 1950; the package's lunar tables end in 2100, after which it knows
# no holiday at all.
FIRST_YEAR, LAST_YEAR = 1950, 2100
# add_workdays does not know its end beforehand: it fetches overrides in windows this long.
_WINDOW = dt.timedelta(days=400)


@lru_cache(maxsize=64)
def _official(year: int) -> holidays.HolidayBase:
    # One object per year: asking an object about another year would silently expand (mutate) it.
    return holidays.China(years=year, language="zh_CN")


def package_years() -> frozenset[int]:
    """Years whose official schedule (with its 调休 days) the `holidays` package was given."""
    # China's own class attribute is only filled per instance; the static table is the source.
    return frozenset(ChinaStaticHolidays.special_public_holidays)


def _official_workday(day: dt.date) -> bool:
    return _official(day.year).is_working_day(day)


def _overrides(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    return dict(CalendarOverride.objects.filter(date__range=(start, end)).values_list("date", "is_workday"))


def is_workday(day: dt.date) -> bool:
    override = CalendarOverride.objects.filter(date=day).values_list("is_workday", flat=True).first()
    return _official_workday(day) if override is None else override


def _workday_flags(start: dt.date, end: dt.date, window: dt.timedelta = _WINDOW,
                   ) -> Iterator[tuple[dt.date, bool]]:
    """Each day from start to end (inclusive) with its working-day flag; one query per window."""
    window_start = start
    while window_start <= end:
        window_end = min(end, window_start + window)
        overrides = _overrides(window_start, window_end)
        day = window_start
        while day <= window_end:
            yield day, overrides[day] if day in overrides else _official_workday(day)
            day += ONE_DAY
        window_start = window_end + ONE_DAY


def count_workdays(start: dt.date, end: dt.date) -> int:
    """Working days from start to end, both ends included; 0 when end is before start."""
    if end < start:
        return 0
    return sum(1 for _, working in _workday_flags(start, end, window=end - start) if working)


def count_workdays_each(periods: Sequence[tuple[dt.date, dt.date]]) -> list[int]:
    """count_workdays of each (start, end) period, reading the office's overrides once for them all
    (a list page showing many notices' remaining working days)."""
    spans = [(start, end) for start, end in periods if end >= start]
    if not spans:
        return [0] * len(periods)
    overrides = _overrides(min(start for start, _ in spans), max(end for _, end in spans))
    counts = []
    for start, end in periods:
        counted, day = 0, start
        while day <= end:
            counted += overrides[day] if day in overrides else _official_workday(day)
            day += ONE_DAY
        counts.append(counted)
    return counts


def add_workdays(start: dt.date, days: int) -> dt.date:
    """The last day of a period of ``days`` working days beginning at ``start``.

    ``start`` itself counts when it is a working day (DESIGN.md §4), so a 5-working-day notice
    starting on a Monday of an ordinary week ends on that Friday.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    counted = 0
    for day, working in _workday_flags(start, dt.date.max - _WINDOW):
        counted += working
        if counted == days:
            return day
    raise OverflowError("period runs past the end of the calendar")  # pragma: no cover


def next_workday(day: dt.date) -> dt.date:
    """The first working day on or after ``day``."""
    return add_workdays(day, 1)


def office_years() -> frozenset[int]:
    return frozenset(d.year for d in CalendarOverride.objects.dates("date", "year"))


def covered_years() -> frozenset[int]:
    return package_years() | office_years()


def coverage_gaps(start: dt.date, end: dt.date) -> list[int]:
    """Years touched by the period that neither the package nor the office has a schedule for."""
    if end < start:
        start, end = end, start
    known = package_years()
    missing = [year for year in range(start.year, end.year + 1) if year not in known]
    if not missing:
        return []
    entered = {d.year for d in CalendarOverride.objects.filter(date__year__in=missing).dates("date", "year")}
    return [year for year in missing if year not in entered]


def coverage_warning(year: int) -> str:
    return (
        f"{year}年的法定节假日和调休安排尚未收录，该年的工作日暂按常规周末和法定节日推算，"
        "结果可能不准确；请办公室在国务院公布放假安排后录入调整。"
    )


def coverage_warnings(start: dt.date, end: dt.date) -> list[str]:
    return [coverage_warning(year) for year in coverage_gaps(start, end)]


class DayKind(StrEnum):
    WORKDAY = "workday"  # an ordinary working weekday
    WEEKEND = "weekend"  # an ordinary Saturday or Sunday off
    HOLIDAY = "holiday"  # a statutory holiday or a day off moved by 调休
    ADJUSTED_WORKDAY = "adjusted_workday"  # a weekend made a working day (调休上班)


@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    is_workday: bool
    kind: DayKind
    name: str = ""  # the holiday's name, or the override's note
    override: CalendarOverride | None = None


def _kind(day: dt.date, working: bool) -> DayKind:
    weekend = day.weekday() >= 5
    if working:
        return DayKind.ADJUSTED_WORKDAY if weekend else DayKind.WORKDAY
    return DayKind.WEEKEND if weekend and day not in _official(day.year) else DayKind.HOLIDAY


def year_days(year: int) -> list[CalendarDay]:
    """Every day of a year as the calendar sees it, for the office's calendar page."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    overrides = {o.date: o for o in CalendarOverride.objects.filter(date__range=(start, end))}
    official = _official(year)
    days = []
    day = start
    while day <= end:
        override = overrides.get(day)
        working = override.is_workday if override else _official_workday(day)
        name = (override.note if override and override.note else "") or official.get(day, "")
        days.append(CalendarDay(day, working, _kind(day, working), name, override))
        day += ONE_DAY
    return days
