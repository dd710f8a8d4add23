"""The data generator: a large, realistic world built with the project's own models.

On top of what the migrations hold (the program, its rubrics, the 14 divisions and the public
bodies) it adds N applicant organisations with accounts and profiles, individual applicants, one
edition in formal review with M applications spread over the counties and the states of the chain,
the history of two earlier editions, an audit trail of K records on the real SM3 chain, the office's
calendar overrides, and the acceptance notice with objections. Rows are bulk-created for speed;
the few operations whose side effects matter (calendar overrides, notice, objections) go through
the real services.

    python -m bench.generate [--database-url URL] [--organizations N] [--applications M] [--audit-records K]

builds a world and keeps it (a temporary SQLite file unless a URL is given); ``python -m bench
--database-url URL --reuse`` then benchmarks it.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    organizations: int = 5000
    applications: int = 2000
    audit_records: int = 100_000
    individual_share: float = 0.1  # of the applications, those by individuals (第十二条)
    seed: int = 2026


@dataclass
class World:
    """Where the benchmarks find what they need in a generated database."""

    edition_id: int
    office_user_id: int
    recommended_ids: list[int]  # the office's formal-review queue, for the eligibility benchmark
    counts: dict[str, int]

    @classmethod
    def discover(cls) -> World:
        from qaward.accounts.models import Organization, User
        from qaward.applicants.models import Applicant
        from qaward.applications.enums import ApplicationState
        from qaward.applications.models import Application
        from qaward.core.models import AuditRecord
        from qaward.notices.models import NoticeEntry, Objection
        from qaward.programs.models import CalendarOverride, Edition

        from .builders.reference import EDITION_TITLE, OFFICE_USERNAME

        edition = Edition.objects.get(title=EDITION_TITLE)
        applications = Application.objects.filter(edition=edition)
        return cls(
            edition_id=edition.pk,
            office_user_id=User.objects.get(username=OFFICE_USERNAME).pk,
            recommended_ids=list(applications.filter(state=ApplicationState.RECOMMENDED)
                                 .order_by("pk").values_list("pk", flat=True)),
            counts={
                "organizations": Organization.objects.count(),
                "applicants": Applicant.objects.count(),
                "applications": applications.count(),
                "audit_records": AuditRecord.objects.count(),
                "calendar_overrides": CalendarOverride.objects.count(),
                "notice_entries": NoticeEntry.objects.count(),
                "objections": Objection.objects.count(),
            },
        )


def generate(size: Size = Size(), log: Callable[[str], object] = print) -> World:
    """Build the world in the configured (scratch) database and describe it."""
    from django.db import transaction

    from .builders import activity, applicants, applications, reference

    rng = random.Random(size.seed)
    started = time.perf_counter()

    def step(label: str) -> None:
        log(f"  {time.perf_counter() - started:7.1f}s  {label}")

    with transaction.atomic():
        ref = reference.build_reference()
        step("reference data, staff, editions")
        organizations = applicants.build_organizations(rng, ref, size.organizations)
        step(f"{len(organizations)} applicant organisations with accounts and profiles")
        individuals_count = min(round(size.applications * size.individual_share), size.applications - 1)
        individuals = applicants.build_individuals(rng, organizations, max(individuals_count, 0))
        applicants.build_records(rng, organizations + individuals, ref.office)
        step(f"{len(individuals)} individual applicants; honours, accidents, violations")
        chosen = individuals + rng.sample(organizations, k=min(size.applications - len(individuals),
                                                              len(organizations)))
        rng.shuffle(chosen)
        users = {a.pk: a.created_by for a in chosen}
        made = applications.build_applications(rng, ref, chosen, users)
        applications.build_history(rng, ref, organizations)
        step(f"{len(made)} applications with attachments, publicity, events, opinions, talents")
        activity.build_messages(ref, made, users)
        actors = [ref.office, ref.leadership, *list(users.values())[:200]]
        activity.build_audit_trail(rng, size.audit_records, actors, made)
        step(f"{size.audit_records} audit records on the SM3 chain")
    activity.build_calendar(ref)
    activity.build_notice(rng, ref)
    step("calendar overrides, acceptance notice and objections (real services)")
    return World.discover()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="default: a new temporary SQLite file")
    parser.add_argument("--organizations", type=int, default=Size.organizations)
    parser.add_argument("--applications", type=int, default=Size.applications)
    parser.add_argument("--audit-records", type=int, default=Size.audit_records)
    args = parser.parse_args(argv)
    from .environment import analyze, scratch_database

    size = Size(args.organizations, args.applications, args.audit_records)
    with scratch_database(args.database_url, keep=True) as url:
        world = generate(size)
        analyze()
    print(f"world kept in {url}: {world.counts}")


if __name__ == "__main__":
    main()
