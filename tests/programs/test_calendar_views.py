"""The office's calendar page: the year at a glance, overrides, coverage warning, audit trail."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from qaward.core.audit import verify_chain
from qaward.core.models import AuditRecord
from qaward.programs.calendar import coverage_warning
from qaward.programs.models import CalendarOverride

pytestmark = pytest.mark.django_db


def year_url(year: int) -> str:
    return reverse("programs:calendar", args=[year])


def cell(content: str, day: str) -> str:
    """The opening tag of the grid cell of one date."""
    start = content.index(f'data-date="{day}"')
    return content[content.rindex("<td", 0, start):content.index(">", start) + 1]


# --- permissions ---------------------------------------------------------------------------------

def test_calendar_office_sees_year(client, office):
    client.force_login(office)

    response = client.get(year_url(2026))

    assert response.status_code == 200
    assert response.context["workday_count"] == 248
    assert response.context["warnings"] == []


@pytest.mark.parametrize("role", ["supervision", "applicant", "expert"])
def test_calendar_other_roles_forbidden(client, role):
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=[role]))

    assert client.get(year_url(2026)).status_code == 403
    response = client.post(year_url(2026), {"date": "2026-03-04", "is_workday": "0"})
    assert response.status_code == 403
    assert not CalendarOverride.objects.exists()


def test_calendar_anonymous_redirected_to_login(client):
    response = client.get(year_url(2026))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_calendar_without_year_redirects_to_this_year(client, office):
    client.force_login(office)

    response = client.get(reverse("programs:calendar"))

    assert response.status_code == 302
    assert response["Location"] == year_url(timezone.localdate().year)


def test_calendar_year_outside_calendar_is_404(client, office):
    client.force_login(office)

    assert client.get(year_url(1949)).status_code == 404
    assert client.get(year_url(2101)).status_code == 404


# --- the grid ------------------------------------------------------------------------------------

def test_calendar_grid_marks_holidays_and_adjusted_workdays(client, office):
    client.force_login(office)

    content = client.get(year_url(2026)).content.decode()

    assert 'data-kind="holiday"' in cell(content, "2026-10-01")
    assert "bg-danger-subtle" in cell(content, "2026-10-01")
    assert 'data-kind="adjusted_workday"' in cell(content, "2026-10-10")
    assert "bg-warning-subtle" in cell(content, "2026-10-10")
    assert 'data-kind="weekend"' in cell(content, "2026-10-11")
    assert 'data-kind="workday"' in cell(content, "2026-10-12")
    assert 'data-kind="adjusted_workday"' in cell(content, "2026-02-14")
    assert "国庆节" in content
    assert content.count('data-date="2026-') == 365


def test_calendar_grid_highlights_overrides(client, office):
    CalendarOverride.objects.create(date=dt.date(2026, 3, 4), is_workday=False, note="临时放假")
    client.force_login(office)

    content = client.get(year_url(2026)).content.decode()

    assert 'data-override="1"' in cell(content, "2026-03-04")
    assert "border-primary" in cell(content, "2026-03-04")
    assert 'data-kind="holiday"' in cell(content, "2026-03-04")
    assert "data-override" not in cell(content, "2026-03-05")
    assert "临时放假" in content


# --- coverage warning ----------------------------------------------------------------------------

def test_calendar_uncovered_year_shows_warning(client, office):
    client.force_login(office)

    response = client.get(year_url(2027))

    assert response.context["warnings"] == [coverage_warning(2027)]
    assert 'data-testid="coverage-warning"' in response.content.decode()
    assert coverage_warning(2027) in response.content.decode()


def test_calendar_uncovered_year_with_override_has_no_warning(client, office):
    CalendarOverride.objects.create(date=dt.date(2027, 2, 11), is_workday=False, note="春节")
    client.force_login(office)

    response = client.get(year_url(2027))

    assert response.context["warnings"] == []
    assert 'data-testid="coverage-warning"' not in response.content.decode()


def test_calendar_covered_year_has_no_warning(client, office):
    client.force_login(office)

    assert 'data-testid="coverage-warning"' not in client.get(year_url(2026)).content.decode()


# --- the form ------------------------------------------------------------------------------------

def test_calendar_form_prefills_opposite_of_current_status(client, office):
    client.force_login(office)

    workday = client.get(year_url(2026), {"date": "2026-03-04"}).context["form"]
    weekend = client.get(year_url(2026), {"date": "2026-03-07"}).context["form"]

    assert workday.initial == {"date": dt.date(2026, 3, 4), "is_workday": "0"}
    assert weekend.initial == {"date": dt.date(2026, 3, 7), "is_workday": "1"}


def test_calendar_form_prefills_existing_override(client, office):
    CalendarOverride.objects.create(date=dt.date(2026, 3, 7), is_workday=True, note="补班")
    client.force_login(office)

    form = client.get(year_url(2026), {"date": "2026-03-07"}).context["form"]

    assert form.initial == {"date": dt.date(2026, 3, 7), "is_workday": "1", "note": "补班"}


def test_calendar_add_override_weekday_to_holiday_is_audited(client, office):
    client.force_login(office)

    response = client.post(year_url(2026), {"date": "2026-03-04", "is_workday": "0", "note": " 临时放假 "})

    assert response.status_code == 302
    assert response["Location"] == year_url(2026)
    entry = CalendarOverride.objects.get()
    assert (entry.date, entry.is_workday, entry.note, entry.created_by) == (
        dt.date(2026, 3, 4), False, "临时放假", office)
    record = AuditRecord.objects.get()
    assert (record.action, record.actor, record.reason) == ("calendar.override_set", office, "临时放假")
    assert (record.object_type, record.object_id) == ("programs.calendaroverride", str(entry.pk))
    assert record.before == {}
    assert record.after == {"date": "2026-03-04", "is_workday": False, "note": "临时放假"}


def test_calendar_add_override_weekend_to_workday_in_uncovered_year(client, office):
    client.force_login(office)

    response = client.post(year_url(2027), {"date": "2027-02-20", "is_workday": "1", "note": "春节调休上班"})

    assert response["Location"] == year_url(2027)
    page = client.get(year_url(2027))
    assert 'data-kind="adjusted_workday"' in cell(page.content.decode(), "2027-02-20")
    assert page.context["warnings"] == []


def test_calendar_edit_override_records_before_and_after(client, office):
    client.force_login(office)
    client.post(year_url(2026), {"date": "2026-03-07", "is_workday": "1", "note": "补班"})

    client.post(year_url(2026), {"date": "2026-03-07", "is_workday": "0", "note": "取消补班"})

    entry = CalendarOverride.objects.get()
    assert (entry.is_workday, entry.note) == (False, "取消补班")
    record = AuditRecord.objects.order_by("-sequence").first()
    assert record.before == {"date": "2026-03-07", "is_workday": True, "note": "补班"}
    assert record.after == {"date": "2026-03-07", "is_workday": False, "note": "取消补班"}


def test_calendar_override_saved_into_another_year_redirects_there(client, office):
    client.force_login(office)

    response = client.post(year_url(2026), {"date": "2027-01-04", "is_workday": "0"})

    assert response["Location"] == year_url(2027)


def test_calendar_invalid_form_is_422(client, office):
    client.force_login(office)

    response = client.post(year_url(2026), {"date": "2026-02-30", "is_workday": "0"})

    assert response.status_code == 422
    assert response.context["form"].errors["date"]
    assert not CalendarOverride.objects.exists()
    assert not AuditRecord.objects.exists()


def test_calendar_delete_override_is_audited(client, office):
    client.force_login(office)
    client.post(year_url(2026), {"date": "2026-03-04", "is_workday": "0", "note": "临时放假"})
    entry = CalendarOverride.objects.get()

    response = client.post(reverse("programs:calendar_override_delete", args=[entry.pk]))

    assert response["Location"] == year_url(2026)
    assert not CalendarOverride.objects.exists()
    record = AuditRecord.objects.order_by("-sequence").first()
    assert (record.action, record.actor, record.object_id) == ("calendar.override_deleted", office, str(entry.pk))
    assert record.before == {"date": "2026-03-04", "is_workday": False, "note": "临时放假"}
    assert verify_chain().intact


def test_calendar_delete_override_forbidden_for_others(client, supervisor):
    entry = CalendarOverride.objects.create(date=dt.date(2026, 3, 4), is_workday=False)
    client.force_login(supervisor)

    response = client.post(reverse("programs:calendar_override_delete", args=[entry.pk]))

    assert response.status_code == 403
    assert CalendarOverride.objects.filter(pk=entry.pk).exists()


def test_calendar_delete_override_needs_post(client, office):
    entry = CalendarOverride.objects.create(date=dt.date(2026, 3, 4), is_workday=False)
    client.force_login(office)

    assert client.get(reverse("programs:calendar_override_delete", args=[entry.pk])).status_code == 405
