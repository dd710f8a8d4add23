"""(c) The formal-review checklist of one application: every check of acceptance_guard (第三、十一～十七、三十条).

System: the application loaded as its page loads it (queries.for_page(office).get(pk): the visible
application with its applicant's profiles, publicity and the edition's rubrics joined), then
list(eligibility.acceptance_guard(application)) — acceptance window, the organisation's or the
individual's conditions, the common ones, opinions and talents. Floor: the raw SELECTs those checks
need (one join for the application and its one-to-one rows, then the applicant's records, history,
calendar overrides, rubric sections, attachments, opinions, talents), with no rule evaluated.
Reported per application over a sample of the office's formal-review queue.
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from qaward.accounts.models import Division, Organization
from qaward.applicants.enums import ApplicantKind
from qaward.applicants.models import (
    AccidentRecord,
    Applicant,
    Honour,
    OrganizationProfile,
    PersonProfile,
    ViolationRecord,
)
from qaward.applications.eligibility import acceptance_guard, reference_date
from qaward.applications.enums import AttachmentKind, VerificationStatus
from qaward.applications.models import (
    Application,
    Attachment,
    AwardRecord,
    OpinionRequest,
    PublicityRecord,
    TalentRecord,
)
from qaward.applications.queries import for_page
from qaward.core import rulebook
from qaward.programs.models import CalendarOverride, Edition, Program, RubricCategory, RubricItem
from qaward.programs.models.programs import add_years

from ..timing import CaseResult, compare
from .common import fetch, fresh_user, table

SAMPLE = 100


def _sql() -> dict[str, str]:
    order = connection.ops.quote_name("order")
    return {
        "application": f"""
            SELECT a.id, ap.id, ap.kind, e.number, e.year, e.application_deadline, p.id,
                   p.accident_lookback_years, COALESCE(e.organization_rubric_id, p.organization_rubric_id),
                   COALESCE(e.individual_rubric_id, p.individual_rubric_id), a.no_state_secret_declared,
                   pp.conduct_declared, pub.start_on, pub.end_on,
                   e.stage, a.contact_name, a.contact_phone, a.profile, a.quality_mode_summary, a.self_assessment,
                   a.commitment_signed_at, p.organization_min_years, p.person_min_quality_years,
                   p.winner_cooldown_editions, p.revocation_ban_editions, p.internal_publicity_min_workdays,
                   p.profile_max_chars, p.self_assessment_max_chars, o.kind, d.name, op.credit_code,
                   op.established_on, op.figures_year, op.revenue_rank, op.profit_tax_rank,
                   op.asset_contribution_rank, op.social_contribution, pp.quality_work_since, pub.result,
                   rcv.name, rcv.is_active, rcv.department_type, rcv.division_id, o.division_id
            FROM {table(Application)} a
            JOIN {table(Edition)} e ON e.id = a.edition_id
            JOIN {table(Program)} p ON p.id = e.program_id
            JOIN {table(Applicant)} ap ON ap.id = a.applicant_id
            JOIN {table(Organization)} o ON o.id = ap.organization_id
            LEFT JOIN {table(Division)} d ON d.id = o.division_id
            LEFT JOIN {table(OrganizationProfile)} op ON op.applicant_id = ap.id
            LEFT JOIN {table(PersonProfile)} pp ON pp.applicant_id = ap.id
            LEFT JOIN {table(Organization)} rcv ON rcv.id = a.receiver_id
            LEFT JOIN {table(PublicityRecord)} pub ON pub.application_id = a.id
            WHERE a.id = %s AND a.round > 0""",
        "violations": f"SELECT occurred_on, kind, description FROM {table(ViolationRecord)} WHERE applicant_id = %s",
        "accidents": f"""SELECT occurred_on, kind FROM {table(AccidentRecord)}
                         WHERE applicant_id = %s AND is_major AND occurred_on > %s AND occurred_on <= %s""",
        "honours": f"SELECT level, title FROM {table(Honour)} WHERE applicant_id = %s",
        "awards": f"""SELECT ar.level, ar.revoked_on, e.number FROM {table(AwardRecord)} ar
                      JOIN {table(Edition)} e ON e.id = ar.edition_id
                      WHERE ar.applicant_id = %s AND e.program_id = %s AND e.number < %s""",
        "editions": f"SELECT number, year FROM {table(Edition)} WHERE program_id = %s",
        "overrides": f"SELECT date, is_workday FROM {table(CalendarOverride)} WHERE date BETWEEN %s AND %s",
        "categories": f"SELECT code, name FROM {table(RubricCategory)} WHERE rubric_id = %s ORDER BY {order}",
        "items": f"""SELECT i.code, i.name FROM {table(RubricItem)} i
                     JOIN {table(RubricCategory)} c ON c.id = i.category_id
                     WHERE c.rubric_id = %s ORDER BY c.{order}, i.{order}""",
        "attachments": f"""SELECT COALESCE(SUM(CASE WHEN kind = %s THEN 1 ELSE 0 END), 0),
                                  COALESCE(SUM(CASE WHEN trade_secret THEN 1 ELSE 0 END), 0)
                           FROM {table(Attachment)} WHERE application_id = %s""",
        "opinions": f"""SELECT o.name, r.answered_on, r.has_objection FROM {table(OpinionRequest)} r
                        JOIN {table(Organization)} o ON o.id = r.department_id WHERE r.application_id = %s""",
        "talents": f"SELECT name FROM {table(TalentRecord)} WHERE application_id = %s AND status = %s",
    }


def _facts(sql: dict[str, str], pk: int) -> dict:
    """What the checks read, fetched with no ORM and no rule evaluated."""
    (row,) = fetch(sql["application"], [pk])
    (_, applicant, kind, number, year, deadline, program, lookback, org_rubric, person_rubric, declared, conduct,
     publicity_start, publicity_end) = row[:14]
    awards = fetch(sql["awards"], [applicant, program, number])
    if any(revoked for _, revoked, _ in awards):
        fetch(sql["editions"], [program])
    if publicity_start:
        fetch(sql["overrides"], [publicity_start, publicity_end])
    organization = kind == ApplicantKind.ORGANIZATION
    if organization:
        fetch(sql["categories"], [org_rubric])
    else:
        fetch(sql["items"], [person_rubric])
    fetch(sql["attachments"], [AttachmentKind.EVIDENCE, pk])
    since = add_years(deadline, -lookback)
    return {
        "organization": organization,
        "violations": bool(fetch(sql["violations"], [applicant])),
        "accidents": bool(fetch(sql["accidents"], [applicant, since, deadline])) if organization else False,
        "honours": bool(fetch(sql["honours"], [applicant])) if organization else False,
        "conduct": bool(conduct),
        "declared": bool(declared),
        "waiting": [name for name, answered, _ in fetch(sql["opinions"], [pk]) if answered is None],
        "pending": [name for (name,) in fetch(sql["talents"], [pk, VerificationStatus.PENDING])],
    }


def _agrees(results: list[rulebook.RuleResult], facts: dict) -> bool:
    """The checks that read the fetched facts directly come to the same answer."""
    passed = {r.code: r.passed for r in results}
    expected = {
        rulebook.STATE_SECRET.code: facts["declared"],
        rulebook.OPINIONS_PENDING.code: not facts["waiting"],
        rulebook.TALENT_UNVERIFIED.code: not facts["pending"],
    }
    if facts["organization"]:
        expected[rulebook.ORG_VIOLATION.code] = not facts["violations"]
        expected[rulebook.MAJOR_ACCIDENT.code] = not facts["accidents"]
        expected[rulebook.HONOR_PRIORITY.code] = facts["honours"]
    else:
        expected[rulebook.PERSON_CONDUCT.code] = not facts["violations"] and facts["conduct"]
    return all(passed.get(code) == value for code, value in expected.items())


def _query_spread(ids: list[int], facts: list[dict], office_id: int) -> str:
    """Queries of single applications by track, to see whether they grow with the application's rows."""
    spread: dict[str, list[int]] = {}
    user = fresh_user(office_id)()
    user.role_codes()
    for pk, fact in zip(ids, facts, strict=True):
        with CaptureQueriesContext(connection) as captured:
            list(acceptance_guard(for_page(user).get(pk=pk)))
        spread.setdefault("organisation" if fact["organization"] else "individual", []).append(len(captured))
    return "; ".join(f"{track} {min(n)}–{max(n)}" for track, n in spread.items())


def run(world, repeat: int, sample: int = SAMPLE) -> list[CaseResult]:
    ids = world.recommended_ids[:sample]
    if not ids:
        return []
    sql = _sql()

    def system(user):
        results = []
        for pk in ids:
            application = for_page(user).get(pk=pk)
            results.append(list(acceptance_guard(application)))
        return results

    def floor():
        return [_facts(sql, pk) for pk in ids]

    s, f = compare(system, floor, repeat, setup=fresh_user(world.office_user_id))
    checks = [len(r) for r in s.result]
    agree = len(s.result) == len(f.result) and all(map(_agrees, s.result, f.result))
    organizations = sum(1 for facts in f.result if facts["organization"])
    first = Application.objects.select_related("edition").get(pk=ids[0])
    notes = [
        f"sample of {len(ids)} recommended applications ({organizations} organisations, "
        f"{len(ids) - organizations} individuals); {min(checks)}–{max(checks)} checks each; "
        f"years counted to {reference_date(first)}",
        "queries per application: " + _query_spread(ids, f.result, world.office_user_id),
    ]
    return [CaseResult("c_eligibility", "形式审查 eligibility: acceptance_guard, all checks, per application",
                       s.timing.per(len(ids)), f.timing.per(len(ids)), sum(checks), len(f.result), agree,
                       unit="per application", notes=notes)]
