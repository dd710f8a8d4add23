"""Public working-day arithmetic (DESIGN.md §9): anyone may ask how long a notice runs."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Router, Schema

from qaward.core.errors import DomainError

from .. import calendar

router = Router(tags=["calendar"])

# One year of working days is far beyond any period of the Measures; the cap keeps a public
# endpoint from walking the calendar for centuries.
MAX_DAYS = 366
MAX_SPAN = dt.timedelta(days=366 * 20)
OUT_OF_RANGE = f"日期应在{calendar.FIRST_YEAR}年至{calendar.LAST_YEAR}年之间。"


def _check_range(*days: dt.date) -> None:
    if any(not calendar.FIRST_YEAR <= day.year <= calendar.LAST_YEAR for day in days):
        raise DomainError(OUT_OF_RANGE, code="date_out_of_range")


class WorkdaysOut(Schema):
    start: dt.date
    end: dt.date
    workdays: int = Field(description="working days from start to end, both ends included")
    warnings: list[str] = Field(description="years the period touches that the calendar does not cover")
    uncovered_years: list[int]


class AddWorkdaysOut(Schema):
    start: dt.date
    days: int
    end: dt.date = Field(description="last day of a period of `days` working days beginning at start")
    warnings: list[str]
    uncovered_years: list[int]


def _coverage(start: dt.date, end: dt.date) -> dict:
    gaps = calendar.coverage_gaps(start, end)
    return {"uncovered_years": gaps, "warnings": [calendar.coverage_warning(year) for year in gaps]}


@router.get("/workdays", response=WorkdaysOut, auth=None, summary="统计期间内的工作日天数（含首尾两日）")
def workdays(request, start: dt.date, end: dt.date):
    _check_range(start, end)
    if end < start:
        raise DomainError("结束日期不能早于开始日期。", code="invalid_period")
    if end - start > MAX_SPAN:
        raise DomainError("统计期间不能超过20年。", code="invalid_period")
    return {"start": start, "end": end, "workdays": calendar.count_workdays(start, end),
            **_coverage(start, end)}


@router.get("/add-workdays", response=AddWorkdaysOut, auth=None,
            summary="自开始日期起计满指定工作日数的最后一天（开始日期为工作日时计入）")
def add_workdays(request, start: dt.date, days: int):
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(f"工作日天数应在1至{MAX_DAYS}之间。", code="invalid_days")
    _check_range(start)
    end = calendar.add_workdays(start, days)
    _check_range(end)
    return {"start": start, "days": days, "end": end, **_coverage(start, end)}
