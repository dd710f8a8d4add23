"""Working days on the PRC calendar of 2026 (国办发明电〔2025〕7号), and office overrides.

Expected values are counted by hand from the State Council's 2026 schedule:
春节 2月15日（周日）至23日（周一）放假，2月14日（周六）、2月28日（周六）上班；
中秋节 9月25日（周五）放假；国庆节 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班。
"""

import datetime as dt

import pytest

from qaward.programs import calendar
from qaward.programs.calendar import (
    DayKind,
    add_workdays,
    count_workdays,
    coverage_gaps,
    covered_years,
    is_workday,
    next_workday,
)
from qaward.programs.models import CalendarOverride

D = dt.date
pytestmark = pytest.mark.django_db


def override(day: dt.date, working: bool, note: str = "") -> CalendarOverride:
    return CalendarOverride.objects.create(date=day, is_workday=working, note=note)


# --- the package's knowledge of 2026 -------------------------------------------------------------

def test_package_covers_2026_but_not_2027():
    years = calendar.package_years()

    assert 2026 in years
    assert 2027 not in years


@pytest.mark.parametrize("day", [D(2026, 2, 14), D(2026, 2, 28), D(2026, 9, 20), D(2026, 10, 10)])
def test_is_workday_adjusted_weekend_is_working(day):
    assert day.weekday() >= 5
    assert is_workday(day) is True


@pytest.mark.parametrize("day", [D(2026, 2, 15) + dt.timedelta(days=n) for n in range(9)])
def test_is_workday_spring_festival_2026_is_off(day):
    assert is_workday(day) is False


@pytest.mark.parametrize("day", [D(2026, 10, 1) + dt.timedelta(days=n) for n in range(7)])
def test_is_workday_national_day_2026_is_off(day):
    assert is_workday(day) is False


def test_is_workday_ordinary_days():
    assert is_workday(D(2026, 3, 4)) is True  # Wednesday
    assert is_workday(D(2026, 3, 7)) is False  # Saturday
    assert is_workday(D(2026, 10, 11)) is False  # Sunday after National Day, not adjusted


# --- counting ------------------------------------------------------------------------------------

def test_count_workdays_across_spring_festival_2026():
    # Feb 9–13 (5) + Sat Feb 14 (1) + Feb 24–27 (4) + Sat Feb 28 (1); Feb 15–23 and Sun Mar 1 off.
    assert count_workdays(D(2026, 2, 9), D(2026, 3, 1)) == 11


def test_count_workdays_across_mid_autumn_and_national_day_2026():
    # Sun Sep 20 (1) + Sep 21–24 (4) + Sep 28–30 (3) + Oct 8–9 (2) + Sat Oct 10 (1).
    assert count_workdays(D(2026, 9, 19), D(2026, 10, 11)) == 11


def test_count_workdays_both_ends_inclusive():
    assert count_workdays(D(2026, 3, 2), D(2026, 3, 2)) == 1
    assert count_workdays(D(2026, 3, 2), D(2026, 3, 6)) == 5


def test_count_workdays_end_before_start_is_zero():
    assert count_workdays(D(2026, 3, 6), D(2026, 3, 2)) == 0


def test_count_workdays_whole_year_2026():
    # 365 days − 104 weekend days − 19 weekday holidays + 6 adjusted weekends.
    assert count_workdays(D(2026, 1, 1), D(2026, 12, 31)) == 248


def test_count_workdays_over_years_uses_one_query(django_assert_num_queries):
    override(D(2024, 5, 6), False)
    with django_assert_num_queries(1):
        total = count_workdays(D(2020, 1, 1), D(2029, 12, 31))

    assert total > 2400


# --- adding --------------------------------------------------------------------------------------

def test_add_workdays_across_national_day_2026():
    # Wed Sep 30 = 1, Oct 1–7 off, Thu Oct 8 = 2, Fri Oct 9 = 3, Sat Oct 10 (调休) = 4,
    # Sun Oct 11 off, Mon Oct 12 = 5.
    assert add_workdays(D(2026, 9, 30), 5) == D(2026, 10, 12)


def test_add_workdays_five_day_notice_over_mid_autumn_and_national_day():
    # Thu Sep 24 = 1, Fri Sep 25 中秋 off, Sep 28, 29, 30 = 2–4, Oct 8 = 5.
    assert add_workdays(D(2026, 9, 24), 5) == D(2026, 10, 8)


def test_add_workdays_across_spring_festival_2026():
    # Fri Feb 13 = 1, Sat Feb 14 (调休) = 2, Feb 15–23 off, Tue Feb 24 = 3.
    assert add_workdays(D(2026, 2, 13), 3) == D(2026, 2, 24)


def test_add_workdays_start_on_holiday_counts_from_next_workday():
    # Feb 17 is 春节; Feb 24–27 = 1–4, Sat Feb 28 (调休) = 5.
    assert add_workdays(D(2026, 2, 17), 5) == D(2026, 2, 28)


def test_add_workdays_one_day_from_workday_is_itself():
    assert add_workdays(D(2026, 10, 10), 1) == D(2026, 10, 10)


def test_add_workdays_ordinary_week():
    assert add_workdays(D(2026, 3, 2), 5) == D(2026, 3, 6)


def test_add_workdays_agrees_with_count_workdays():
    start = D(2026, 9, 15)
    for days in range(1, 40):
        end = add_workdays(start, days)
        assert count_workdays(start, end) == days
        assert is_workday(end)


def test_add_workdays_rejects_zero_days():
    with pytest.raises(ValueError):
        add_workdays(D(2026, 3, 2), 0)


def test_next_workday_after_spring_festival():
    assert next_workday(D(2026, 2, 15)) == D(2026, 2, 24)
    assert next_workday(D(2026, 2, 14)) == D(2026, 2, 14)


# --- office overrides ----------------------------------------------------------------------------

def test_override_makes_weekday_a_holiday():
    override(D(2026, 3, 4), False, "临时放假")

    assert is_workday(D(2026, 3, 4)) is False
    assert count_workdays(D(2026, 3, 2), D(2026, 3, 6)) == 4
    assert add_workdays(D(2026, 3, 2), 5) == D(2026, 3, 9)


def test_override_makes_weekend_a_workday():
    override(D(2026, 3, 7), True, "调休上班")

    assert is_workday(D(2026, 3, 7)) is True
    assert count_workdays(D(2026, 3, 2), D(2026, 3, 8)) == 6
    assert add_workdays(D(2026, 3, 2), 6) == D(2026, 3, 7)


def test_override_wins_over_package_adjusted_workday():
    override(D(2026, 10, 10), False)

    assert is_workday(D(2026, 10, 10)) is False
    assert add_workdays(D(2026, 9, 30), 5) == D(2026, 10, 13)


def test_override_wins_in_uncovered_year():
    # The package's guess for 2027 keeps Thu Feb 11 a working day and Sat Feb 20 a weekend.
    assert is_workday(D(2027, 2, 11)) is True
    assert is_workday(D(2027, 2, 20)) is False
    override(D(2027, 2, 11), False, "春节")
    override(D(2027, 2, 20), True, "春节调休上班")

    assert is_workday(D(2027, 2, 11)) is False
    assert is_workday(D(2027, 2, 20)) is True
    # Feb 8–10 off as guessed, Feb 11 off by override, Fri Feb 12 works.
    assert count_workdays(D(2027, 2, 8), D(2027, 2, 14)) == 1
    # Feb 15–19 and the adjusted Saturday Feb 20.
    assert count_workdays(D(2027, 2, 15), D(2027, 2, 21)) == 6
    assert add_workdays(D(2027, 2, 11), 2) == D(2027, 2, 15)


def test_add_workdays_spans_window_of_override_fetches():
    # A period longer than one fetch window still sees overrides in the later windows.
    late = add_workdays(D(2026, 1, 5), 300)
    override(late, False)

    assert add_workdays(D(2026, 1, 5), 300) == next_workday(late + dt.timedelta(days=1))


# --- coverage ------------------------------------------------------------------------------------

def test_coverage_gaps_period_inside_package_years():
    assert coverage_gaps(D(2025, 12, 1), D(2026, 12, 31)) == []


def test_coverage_gaps_period_reaching_uncovered_years():
    assert coverage_gaps(D(2026, 12, 1), D(2028, 1, 31)) == [2027, 2028]


def test_coverage_gaps_office_override_covers_year():
    override(D(2027, 2, 11), False)

    assert coverage_gaps(D(2026, 12, 1), D(2028, 1, 31)) == [2028]
    assert 2027 in covered_years()
    assert 2028 not in covered_years()


def test_coverage_warning_names_the_year():
    assert calendar.coverage_warnings(D(2027, 1, 1), D(2027, 1, 5)) == [calendar.coverage_warning(2027)]
    assert "2027年" in calendar.coverage_warning(2027)


# --- the year as the calendar page shows it ------------------------------------------------------

def test_year_days_kinds_2026():
    days = {day.date: day for day in calendar.year_days(2026)}

    assert len(days) == 365
    assert days[D(2026, 10, 1)].kind == DayKind.HOLIDAY
    assert days[D(2026, 10, 1)].name == "国庆节"
    assert days[D(2026, 10, 10)].kind == DayKind.ADJUSTED_WORKDAY
    assert days[D(2026, 10, 11)].kind == DayKind.WEEKEND
    assert days[D(2026, 10, 12)].kind == DayKind.WORKDAY
    assert sum(day.is_workday for day in days.values()) == 248


def test_year_days_marks_overrides():
    entry = override(D(2026, 3, 4), False, "临时放假")
    days = {day.date: day for day in calendar.year_days(2026)}

    assert days[D(2026, 3, 4)].override == entry
    assert days[D(2026, 3, 4)].kind == DayKind.HOLIDAY
    assert days[D(2026, 3, 4)].name == "临时放假"
    assert days[D(2026, 3, 5)].override is None
