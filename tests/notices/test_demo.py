"""The demo world's notices: a past one for the first edition, nothing that blocks the open one."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from qaward.core.errors import DomainError, InvalidTransition
from qaward.notices import queries
from qaward.notices.models import PublicNotice
from qaward.notices.services import record_past_notice
from qaward.programs.models import Edition, EditionStage
from tests.factories import EditionFactory

from .conftest import entries

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO())


def test_demo_open_edition_has_no_notice(demo):
    edition = Edition.objects.get(stage=EditionStage.OPEN)
    assert not edition.notices.exists()
    assert list(queries.public_running_notices()) == []


def test_demo_first_edition_has_a_past_recommendation_notice_and_winners(demo):
    notice = PublicNotice.objects.get()
    assert (notice.edition.is_historical, notice.kind, notice.start, notice.end) == (
        True, "recommendation", dt.date(2021, 12, 6), dt.date(2021, 12, 10))
    assert list(queries.past_notices()) == [notice]
    (first,) = queries.winners()
    assert [g.label for g in first.groups] == ["质量奖（组织）", "质量奖（个人）", "质量奖提名奖（组织）"]


def test_past_notice_refused_for_an_edition_run_in_the_system(office):
    edition = EditionFactory(stage=EditionStage.DECIDED)
    with pytest.raises(InvalidTransition) as caught:
        record_past_notice(edition, kind="recommendation", entries=entries(1, level="award"), title="补录",
                           actor=office, start=dt.date(2021, 12, 6), workdays=5)
    assert caught.value.code == "notice_not_historical"


def test_past_notice_still_running_refused(office):
    edition = EditionFactory(stage=EditionStage.DECIDED, is_historical=True)
    with pytest.raises(DomainError) as caught:
        record_past_notice(edition, kind="recommendation", entries=entries(1, level="award"), title="补录",
                           actor=office, start=dt.date(2026, 6, 8), workdays=5, today=dt.date(2026, 6, 12))
    assert caught.value.code == "notice_not_past"
