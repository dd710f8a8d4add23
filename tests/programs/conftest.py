import datetime as dt

import pytest

from qaward.notices.enums import NoticeKind
from qaward.notices.models import PublicNotice
from qaward.programs.models import Edition, EditionApproval, EditionStage, Program
from tests.factories import EditionApprovalFactory, EditionFactory, UserFactory


@pytest.fixture
def office(db):
    return UserFactory(username="office-wang", display_name="王主任", roles=["office"])


@pytest.fixture
def supervisor(db):
    return UserFactory(username="supervisor-li", display_name="李组长", roles=["supervision"])


@pytest.fixture
def applicant(db):
    return UserFactory(username="applicant-zhao", display_name="赵经理", roles=["applicant"])


@pytest.fixture
def yuncheng(db) -> Program:
    return Program.objects.get(code="yuncheng-mayor-quality-award")


def approve(edition: Edition) -> Edition:
    for kind in EditionApproval.Kind.values:
        EditionApprovalFactory(edition=edition, kind=kind)
    return edition


def with_call(edition: Edition, *, published_on=dt.date(2026, 3, 10), deadline=dt.date(2026, 5, 31)) -> Edition:
    edition.call_title = f"关于开展{edition.title}申报工作的通知"
    edition.call_text = "各有关单位：现将申报工作通知如下。"
    edition.call_published_on = published_on
    edition.application_deadline = deadline
    edition.save()
    return edition


def publish_ended_notice(edition: Edition, kind: str) -> PublicNotice:
    """A notice that ran 2026-06-15..19 with no objection, so the edition may move on afterwards."""
    return PublicNotice.objects.create(
        edition=edition, kind=kind, title=f"{edition.title}{NoticeKind(kind).label}",
        start=dt.date(2026, 6, 15), workdays=5, end=dt.date(2026, 6, 19),
        published_by=UserFactory(roles=["office"]),
    )


# The stage from which each list's notice exists (published before the edition enters its stage).
NOTICE_FROM = [
    (EditionStage.FORMAL_REVIEW, NoticeKind.ACCEPTANCE),
    (EditionStage.EVALUATION, NoticeKind.CANDIDATE),
    (EditionStage.DELIBERATION, NoticeKind.RECOMMENDATION),
]


def edition_in(stage: str, **kwargs) -> Edition:
    """An edition of a fresh test program, already in ``stage`` with what that stage implies."""
    edition = EditionFactory(stage=stage, **kwargs)
    if edition.has_reached(EditionStage.PREPARING):
        approve(edition)
    if edition.has_reached(EditionStage.APPROVED):
        with_call(edition)
    for since, kind in NOTICE_FROM:
        if edition.has_reached(since):
            publish_ended_notice(edition, kind)
    return edition
