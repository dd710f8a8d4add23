"""Where a list to publish comes from, turned into EntryData lines.

The applications app exposes its lists (``qaward.applications.queries.acceptance_list(edition)``
and, when written, ``candidate_list`` / ``recommendation_list``); this module only reads the
duck-typed shape of what they return (an application with an ``applicant``), so the notices keep
working, with the office typing the list in, when a source does not exist yet.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from .enums import NoticeKind, Track
from .models import PublicNotice
from .services import EntryData

SOURCE_FUNCTIONS = {
    NoticeKind.ACCEPTANCE: "acceptance_list",
    NoticeKind.CANDIDATE: "candidate_list",
    NoticeKind.RECOMMENDATION: "recommendation_list",
}


def _application_source(kind: str) -> Callable | None:
    try:
        queries = importlib.import_module("qaward.applications.queries")
    except ModuleNotFoundError:
        return None
    return getattr(queries, SOURCE_FUNCTIONS.get(kind, ""), None)


def entry_from_application(application, kind: str = NoticeKind.CANDIDATE) -> EntryData:
    applicant = getattr(application, "applicant", application)
    is_organization = bool(getattr(applicant, "is_organization", True))
    organization = getattr(applicant, "organization", None)
    division = getattr(applicant, "division", None)
    industry = getattr(applicant, "industry_name", "") or ""
    return EntryData(
        name=str(getattr(applicant, "name", applicant)),
        track=Track.ORGANIZATION if is_organization else Track.INDIVIDUAL,
        # The acceptance list names who was accepted, not for which award (第十七条).
        level="" if kind == NoticeKind.ACCEPTANCE else getattr(application, "proposed_level", "") or "",
        unit="" if is_organization or organization is None else str(organization),
        region=" · ".join(str(part) for part in (division, industry) if part),
        subject=application,
    )


def _carried_over(edition, kind: str) -> list[EntryData]:
    """The recommendation list starts from what remains of the candidate list (第二十条)."""
    if kind != NoticeKind.RECOMMENDATION:
        return []
    notices = PublicNotice.objects.published().filter(edition=edition, kind=NoticeKind.CANDIDATE)
    rows = []
    for notice in notices.order_by("pk"):
        for entry in notice.active_entries().order_by("position"):
            rows.append(EntryData(entry.name, entry.track, entry.level, entry.unit, entry.region, entry.note,
                                  entry.subject))
    return rows


def source_entries(edition, kind: str) -> tuple[str, list[EntryData]]:
    """(a description of the source, its lines) for the publish form."""
    source = _application_source(kind)
    if source is not None:
        return "申报系统", [entry_from_application(a, kind) for a in source(edition)]
    carried = _carried_over(edition, kind)
    if carried:
        return "候选名单公示（未被移除的条目）", carried
    return "", []
