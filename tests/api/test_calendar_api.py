"""GET /api/v1/calendar/workdays and /add-workdays (DESIGN.md §9): public, with coverage warnings."""

import datetime as dt

import pytest

from qaward.programs.calendar import coverage_warning
from qaward.programs.models import CalendarOverride

from .conftest import PROBLEM_JSON

WORKDAYS = "/api/v1/calendar/workdays"
ADD = "/api/v1/calendar/add-workdays"

pytestmark = pytest.mark.django_db


def test_workdays_across_spring_festival_2026_anonymous(client):
    response = client.get(WORKDAYS, {"start": "2026-02-09", "end": "2026-03-01"})

    assert response.status_code == 200
    assert response.json() == {"start": "2026-02-09", "end": "2026-03-01", "workdays": 11,
                               "warnings": [], "uncovered_years": []}


def test_add_workdays_across_national_day_2026(client):
    response = client.get(ADD, {"start": "2026-09-30", "days": 5})

    assert response.status_code == 200
    assert response.json() == {"start": "2026-09-30", "days": 5, "end": "2026-10-12",
                               "warnings": [], "uncovered_years": []}


def test_add_workdays_start_on_holiday(client):
    response = client.get(ADD, {"start": "2026-02-17", "days": 5})

    assert response.json()["end"] == "2026-02-28"


def test_workdays_uncovered_year_warns(client):
    response = client.get(WORKDAYS, {"start": "2026-12-28", "end": "2027-01-08"})

    body = response.json()
    assert response.status_code == 200
    assert body["uncovered_years"] == [2027]
    assert body["warnings"] == [coverage_warning(2027)]


def test_add_workdays_into_uncovered_year_warns(client):
    response = client.get(ADD, {"start": "2026-12-28", "days": 10})

    body = response.json()
    assert body["end"] == "2027-01-11"
    assert body["uncovered_years"] == [2027]


def test_workdays_office_override_covers_year_and_wins(client):
    CalendarOverride.objects.create(date=dt.date(2027, 1, 4), is_workday=False, note="元旦调休")

    body = client.get(WORKDAYS, {"start": "2027-01-04", "end": "2027-01-08"}).json()

    assert body["workdays"] == 4
    assert body["warnings"] == []
    assert body["uncovered_years"] == []


def test_workdays_end_before_start_is_problem(client):
    response = client.get(WORKDAYS, {"start": "2026-03-06", "end": "2026-03-02"})

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "invalid_period"
    assert response.json()["detail"] == "结束日期不能早于开始日期。"


@pytest.mark.parametrize("days", [0, -3, 367])
def test_add_workdays_days_out_of_range_is_problem(client, days):
    response = client.get(ADD, {"start": "2026-03-02", "days": days})

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON
    assert response.json()["code"] == "invalid_days"
    assert response.json()["detail"] == "工作日天数应在1至366之间。"


def test_add_workdays_366_days_is_allowed(client):
    response = client.get(ADD, {"start": "2026-01-05", "days": 366})

    assert response.status_code == 200


def test_workdays_date_out_of_supported_range_is_problem(client):
    response = client.get(WORKDAYS, {"start": "1900-01-01", "end": "1900-01-31"})

    assert response.status_code == 400
    assert response.json()["code"] == "date_out_of_range"


def test_workdays_malformed_date_is_validation_problem(client):
    response = client.get(WORKDAYS, {"start": "2026-02-30", "end": "2026-03-01"})

    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM_JSON


def test_workdays_missing_parameter_is_validation_problem(client):
    response = client.get(ADD, {"start": "2026-03-02"})

    assert response.status_code == 422
