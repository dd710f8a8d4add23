"""Named querysets for notices and objections; the portal's home page reads public_running_notices()."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from qaward.programs.calendar import count_workdays_each
from qaward.programs.models import Edition, EditionStage

from .enums import AwardLevel, NoticeKind, ObjectionStatus, Track
from .models import NoticeEntry, Objection, PublicNotice

# The objector's identity is never loaded outside the supervision group's page (第二十八条).
IDENTITY_FIELDS = ("objector_name", "objector_phone", "objector_id_number", "objector_unit")


def _notices():
    return PublicNotice.objects.select_related("edition", "edition__program", "division").annotate(
        entry_count=Count("entries", filter=Q(entries__removed_at__isnull=True)),
    )


def public_running_notices(today: dt.date | None = None):
    """Notices open to objections today, the soonest to end first."""
    today = today or timezone.localdate()
    return _notices().filter(withdrawn_at__isnull=True, start__lte=today, end__gte=today).order_by("end", "pk")


def with_workdays_left(notices, today: dt.date | None = None) -> list[PublicNotice]:
    """The notices as a list, each with ``workdays_left`` from today to its last day (0 once it
    ended), the calendar read once for all of them rather than once per notice card."""
    today = today or timezone.localdate()
    notices = list(notices)
    counts = count_workdays_each([(max(today, notice.start), notice.end) for notice in notices])
    for notice, count in zip(notices, counts, strict=True):
        notice.workdays_left = count
    return notices


def upcoming_notices(today: dt.date | None = None):
    today = today or timezone.localdate()
    return _notices().filter(withdrawn_at__isnull=True, start__gt=today).order_by("start", "pk")


def past_notices(today: dt.date | None = None):
    """Ended or withdrawn notices: they stay public (第二十七条 公开透明)."""
    today = today or timezone.localdate()
    return _notices().filter(Q(end__lt=today) | Q(withdrawn_at__isnull=False)).order_by("-end", "-pk")


def edition_notices(edition: Edition):
    return _notices().filter(edition=edition).order_by("-published_at", "-pk")


def with_notices(editions):
    """Editions each with ``listed_notices`` (edition_notices), loaded in one query for them all."""
    listed = Prefetch("notices", queryset=_notices().order_by("-published_at", "-pk"), to_attr="listed_notices")
    return editions.prefetch_related(listed)


def entries_of(notice: PublicNotice):
    return notice.entries.order_by("position")


def staff_objections():
    """Objections as the office and the leadership group see them: content, never identity."""
    return (Objection.objects.defer(*IDENTITY_FIELDS)
            .select_related("notice", "notice__edition", "entry")
            .annotate(evidence_count=Count("evidence")))


TO_INVESTIGATE = Q(status=ObjectionStatus.FILED) | Q(status=ObjectionStatus.INVESTIGATING, findings="")
TO_DECIDE = Q(status=ObjectionStatus.INVESTIGATING) & ~Q(findings="")


def objections_to_investigate():
    return staff_objections().filter(TO_INVESTIGATE).order_by("filed_at", "pk")


def objections_to_decide():
    return staff_objections().filter(TO_DECIDE).order_by("investigated_at", "pk")


# The counts of the to-do list and the office's page: a plain filtered COUNT, without the joins and
# the evidence aggregate of staff_objections() that only the listed rows need.
def count_to_investigate() -> int:
    return Objection.objects.filter(TO_INVESTIGATE).count()


def count_to_decide() -> int:
    return Objection.objects.filter(TO_DECIDE).count()


def objection_counts(notice: PublicNotice) -> dict[str, int]:
    rows = notice.objections.values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


@dataclass(frozen=True)
class WinnerGroup:
    level: str
    track: str
    entries: list

    @property
    def label(self) -> str:
        return f"{AwardLevel(self.level).label}（{Track(self.track).label}）"


@dataclass(frozen=True)
class EditionWinners:
    edition: Edition
    notice: PublicNotice
    groups: list[WinnerGroup]


def winners() -> list[EditionWinners]:
    """第二十一条: after the decision, the recommendation list's entries that remain, by award and track."""
    remaining = NoticeEntry.objects.filter(removed_at__isnull=True).order_by("position")
    notices = (PublicNotice.objects.published()
               .filter(kind=NoticeKind.RECOMMENDATION, edition__stage=EditionStage.DECIDED)
               .select_related("edition", "edition__program")
               .prefetch_related(Prefetch("entries", queryset=remaining, to_attr="remaining"))
               .order_by("-edition__year", "-pk"))
    result, seen = [], set()
    for notice in notices:
        if notice.edition_id in seen:
            continue
        seen.add(notice.edition_id)
        groups = []
        for level in AwardLevel.values:
            for track in Track.values:
                rows = [e for e in notice.remaining if e.level == level and e.track == track]
                if rows:
                    groups.append(WinnerGroup(level, track, rows))
        result.append(EditionWinners(notice.edition, notice, groups))
    return result
