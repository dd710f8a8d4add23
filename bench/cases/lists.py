"""(a) The office's lists: the acceptance list page (第十七条) and the application list it exports.

System: the view's own path — listing(visible_applications(office)) and acceptance_list(edition) from
qaward.applications.queries (lists leave the long texts unloaded), rendered through the export's column definitions (what the page and
the workbook show). Floor: one hand-written SELECT with the same joins, fetching only the columns
shown, formatted into the same rows.
"""

from __future__ import annotations

from django.utils import timezone

from qaward.accounts.models import Division, Organization
from qaward.applicants.enums import ApplicantKind
from qaward.applicants.industries import industry_name
from qaward.applicants.models import Applicant
from qaward.applications.enums import ACCEPTED_OR_LATER, ApplicationState
from qaward.applications.exports import ACCEPTANCE_COLUMNS, APPLICATION_COLUMNS
from qaward.applications.models import Application
from qaward.applications.queries import acceptance_list, listing, visible_applications
from qaward.programs.models import Edition, Program

from ..timing import CaseResult, compare
from .common import aware, fetch, fresh_user, placeholders, table

KIND_LABELS = {value: str(label) for value, label in ApplicantKind.choices}
STATE_LABELS = {value: str(label) for value, label in ApplicationState.choices}


def _joins() -> str:
    """The joins of queries._base(): edition, program, applicant, its organisation and division, receiver, recommender."""
    return f"""
        FROM {table(Application)} a
        JOIN {table(Edition)} e ON e.id = a.edition_id
        JOIN {table(Program)} p ON p.id = e.program_id
        JOIN {table(Applicant)} ap ON ap.id = a.applicant_id
        JOIN {table(Organization)} o ON o.id = ap.organization_id
        LEFT JOIN {table(Division)} d ON d.id = o.division_id
        LEFT JOIN {table(Organization)} rcv ON rcv.id = a.receiver_id
        LEFT JOIN {table(Organization)} rec ON rec.id = a.recommender_id"""


def _reference(pk: int, year: int, kind: str) -> str:
    return f"{year}-{'Z' if kind == ApplicantKind.ORGANIZATION else 'G'}-{pk:04d}"


def _industry(code: str) -> str:
    return f"{code} {industry_name(code)}".strip()


def _local(moment, fmt: str) -> str:
    return timezone.localtime(aware(moment)).strftime(fmt) if moment else ""


def _columns(columns, rows) -> list[tuple]:
    return [tuple(fn(a) for _, _, fn in columns if fn) for a in rows]


def acceptance(edition: Edition, repeat: int, office_id: int) -> CaseResult:
    def system(user):
        visible = visible_applications(user).filter(edition=edition).values("pk")
        return _columns(ACCEPTANCE_COLUMNS, acceptance_list(edition).filter(pk__in=visible))

    sql = f"""
        SELECT a.id, e.year, ap.kind, ap.name, d.name, ap.industry_code, rec.name, a.accepted_at
        {_joins()}
        WHERE a.edition_id = %s AND a.round > 0 AND a.state IN ({placeholders(ACCEPTED_OR_LATER)})
        ORDER BY ap.kind DESC, a.accepted_at, a.id"""

    def floor():
        return [(_reference(pk, year, kind), name, KIND_LABELS[kind], division or "", _industry(industry),
                 recommender or "", _local(accepted, "%Y-%m-%d"))
                for pk, year, kind, name, division, industry, recommender, accepted
                in fetch(sql, [edition.pk, *ACCEPTED_OR_LATER])]

    s, f = compare(system, floor, repeat, setup=fresh_user(office_id))
    return CaseResult("a1_acceptance_list", "受理名单 acceptance list (queries.acceptance_list + export columns)",
                      s.timing, f.timing, len(s.result), len(f.result), s.result == f.result)


def office_list(edition: Edition, repeat: int, office_id: int) -> CaseResult:
    def system(user):
        queryset = (listing(visible_applications(user)).exclude(state=ApplicationState.DRAFT)
                    .filter(edition=edition).order_by("pk"))
        return _columns(APPLICATION_COLUMNS, queryset)

    sql = f"""
        SELECT a.id, e.year, ap.kind, ap.name, d.name, ap.industry_code, rcv.name, rec.name, a.state, a.round,
               a.submitted_at, a.accepted_at
        {_joins()}
        WHERE a.edition_id = %s AND a.round > 0 AND a.state <> %s
        ORDER BY a.id"""

    def floor():
        return [(_reference(pk, year, kind), name, KIND_LABELS[kind], division or "", _industry(industry),
                 receiver or "", recommender or "", STATE_LABELS[state], round_,
                 _local(submitted, "%Y-%m-%d %H:%M"), _local(accepted, "%Y-%m-%d %H:%M"))
                for pk, year, kind, name, division, industry, receiver, recommender, state, round_, submitted, accepted
                in fetch(sql, [edition.pk, ApplicationState.DRAFT])]

    s, f = compare(system, floor, repeat, setup=fresh_user(office_id))
    return CaseResult("a2_office_list", "申报汇总 office application list (visible_applications + export columns)",
                      s.timing, f.timing, len(s.result), len(f.result), s.result == f.result)


def run(world, repeat: int) -> list[CaseResult]:
    edition = Edition.objects.get(pk=world.edition_id)
    return [acceptance(edition, repeat, world.office_user_id), office_list(edition, repeat, world.office_user_id)]
