"""(b) Applications counted by state and county for the office.

b1 times how the formal-review page (views/queues.py:formal_review) used to count: load every
visible application of the edition and tally in Python, the county read from the already joined
division. b2 times the ORM aggregate (values().annotate(Count)) that replaced it there and that the
edition's statistics use (queries.counts_by_state / counts_by_division). b1 stays as the reference
of what the aggregate saves. The floor of both is one raw GROUP BY.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count

from qaward.accounts.models import Division, Organization
from qaward.applicants.models import Applicant
from qaward.applications.models import Application
from qaward.applications.queries import visible_applications
from qaward.programs.models import Edition

from ..timing import CaseResult, compare
from .common import fetch, fresh_user, table


def run(world, repeat: int) -> list[CaseResult]:
    edition = Edition.objects.get(pk=world.edition_id)

    def python_tally(user) -> dict:
        counts = Counter()
        for application in visible_applications(user).filter(edition=edition):
            division = application.applicant.organization.division
            counts[(application.state, division.name if division else "")] += 1
        return dict(counts)

    def orm_aggregate(user) -> dict:
        rows = (visible_applications(user).filter(edition=edition)
                .values_list("state", "applicant__organization__division__name").annotate(n=Count("pk"))
                .order_by())
        return {(state, division or ""): n for state, division, n in rows}

    sql = f"""
        SELECT a.state, d.name, COUNT(*)
        FROM {table(Application)} a
        JOIN {table(Applicant)} ap ON ap.id = a.applicant_id
        JOIN {table(Organization)} o ON o.id = ap.organization_id
        LEFT JOIN {table(Division)} d ON d.id = o.division_id
        WHERE a.edition_id = %s AND a.round > 0
        GROUP BY a.state, d.name"""

    def floor() -> dict:
        return {(state, division or ""): n for state, division, n in fetch(sql, [edition.pk])}

    results = []
    for key, title, fn in (
        ("b1_counts_python_tally", "按状态×县统计 counts by state × county (load all, tally: the former formal_review)",
         python_tally),
        ("b2_counts_orm_aggregate", "按状态×县统计 counts by state × county (ORM values().annotate(), as the system counts)",
         orm_aggregate),
    ):
        s, f = compare(fn, floor, repeat, setup=fresh_user(world.office_user_id))
        results.append(CaseResult(key, title, s.timing, f.timing, sum(s.result.values()), sum(f.result.values()),
                                  s.result == f.result, notes=[f"{len(f.result)} (state, county) groups"]))
    return results
