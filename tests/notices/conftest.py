import datetime as dt

import pytest

from qaward.notices.enums import NoticeKind, Track
from qaward.notices.objections import Identity, file_objection
from qaward.notices.services import EntryData, publish_notice
from qaward.programs.models import EditionStage
from tests.factories import EditionFactory, UserFactory

# A notice in an ordinary week: Monday 2026-06-08 .. Friday 2026-06-12 (5 working days).
START = dt.date(2026, 6, 8)
END = dt.date(2026, 6, 12)
DURING = dt.datetime(2026, 6, 9, 10, 0, tzinfo=dt.UTC)
REAL_NAME = Identity(name="钱多多", phone="13912345678", id_number="11010519491231002X", unit="运城某某公司")


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """Each test starts with no objection counted against the test client's address."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def office(db):
    return UserFactory(username="office-notice", display_name="办公室小王", roles=["office"])


@pytest.fixture
def leader(db):
    return UserFactory(username="leader-notice", display_name="领导小组老张", roles=["leadership"])


@pytest.fixture
def supervisor(db):
    return UserFactory(username="supervisor-notice", display_name="监督组老李", roles=["supervision"])


def entries(n=3, level="", track=Track.ORGANIZATION):
    return [EntryData(name=f"运城测试企业{i}有限公司", track=track, level=level, region="盐湖区") for i in range(1, n + 1)]


def publish(edition, office, kind=NoticeKind.ACCEPTANCE, *, start=START, today=START, workdays=None, rows=None,
            **kwargs):
    return publish_notice(
        edition, kind=kind, entries=rows if rows is not None else entries(), title=f"{edition.title}{kind}公示",
        actor=office, start=start, workdays=workdays, today=today, contact="监督组电话：0359-1234567", **kwargs,
    )


@pytest.fixture
def edition(db):
    return EditionFactory(stage=EditionStage.FORMAL_REVIEW)


@pytest.fixture
def notice(edition, office):
    return publish(edition, office)


def object_to(notice, *, anonymous=True, identity=None, now=DURING, content="该企业近三年内发生过质量事故，不符合申报条件。",
              files=()):
    entry = notice.entries.order_by("position").first()
    return file_objection(notice, entry, content=content, anonymous=anonymous, identity=identity, files=files, now=now)

