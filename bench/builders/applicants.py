"""Applicant organisations with their accounts and profiles, individual applicants, and their records
(honours, accidents, violations) in the proportions a real city would show."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from qaward.accounts.enums import DivisionKind, OrganizationKind, Role
from qaward.accounts.models import Organization, RoleGrant, User
from qaward.applicants.enums import AccidentKind, ApplicantKind, HonourLevel, ViolationKind
from qaward.applicants.models import (
    AccidentRecord,
    Applicant,
    Honour,
    OrganizationProfile,
    PersonProfile,
    ViolationRecord,
)

from .. import names
from .reference import Reference

BATCH = 2000
KINDS = [OrganizationKind.ENTERPRISE] * 80 + [OrganizationKind.NON_PROFIT] * 8 + [
    OrganizationKind.PUBLIC_INSTITUTION] * 12


def _division_weight(division) -> float:
    # The city district and the development zone hold more firms than the rural counties.
    if division.kind == DivisionKind.DISTRICT:
        return 3.0
    if division.kind in (DivisionKind.DEV_ZONE, DivisionKind.COUNTY_CITY):
        return 1.8
    return 1.0


def _place(division) -> str:
    return "运城" if division.kind == DivisionKind.DEV_ZONE else division.name[:-1] or division.name


def _accounts(prefix: str, labels: list[str], role: str, orgs: list[Organization]) -> list[User]:
    unusable = make_password(None)
    users = User.objects.bulk_create([
        User(username=f"{prefix}{n:05d}", display_name=label, email=f"{prefix}{n:05d}@bench.yuncheng.example",
             password=unusable)
        for n, label in enumerate(labels, start=1)
    ], batch_size=BATCH)
    RoleGrant.objects.bulk_create([RoleGrant(user=u, role=role, organization=o) for u, o in zip(users, orgs, strict=True)],
                                  batch_size=BATCH)
    return users


def build_organizations(rng: random.Random, ref: Reference, count: int) -> list[Applicant]:
    """``count`` applicant organisations, each with its account, applicant record and profile."""
    weights = [_division_weight(d) for d in ref.divisions]
    divisions = rng.choices(ref.divisions, weights=weights, k=count)
    kinds = [rng.choice(KINDS) for _ in range(count)]
    industries = [rng.choice(names.INDUSTRIES) for _ in range(count)]
    seen: set[str] = set(Organization.objects.values_list("name", flat=True))
    orgs = Organization.objects.bulk_create([
        Organization(name=names.organization_name(rng, _place(d), kind, industry, seen), kind=kind, division=d)
        for d, kind, industry in zip(divisions, kinds, industries, strict=True)
    ], batch_size=BATCH)
    users = _accounts("bench_org", [f"{o.name[:8]}质量部" for o in orgs], Role.APPLICANT, orgs)
    applicants = Applicant.objects.bulk_create([
        Applicant(kind=ApplicantKind.ORGANIZATION, name=o.name, organization=o, industry_code=industry,
                  contact_name=names.person_name(rng), contact_phone=f"0359-{rng.randint(2000000, 8999999)}",
                  address=f"{o.division.name}{rng.choice(names.BRANDS)}路{rng.randint(1, 999)}号", created_by=u)
        for o, u, industry in zip(orgs, users, industries, strict=True)
    ], batch_size=BATCH)
    OrganizationProfile.objects.bulk_create([_org_profile(rng, a, n) for n, a in enumerate(applicants, start=1)],
                                            batch_size=BATCH)
    return applicants


def _org_profile(rng: random.Random, applicant: Applicant, number: int) -> OrganizationProfile:
    org = applicant.organization
    enterprise = org.kind == OrganizationKind.ENTERPRISE
    # A few are younger than three years (第十一条) or declare an older year's figures.
    established = dt.date(rng.randint(1985, 2025), rng.randint(1, 12), rng.randint(1, 28))
    revenue = Decimal(rng.randint(500, 900_000)) / 10
    return OrganizationProfile(
        applicant=applicant, credit_code=names.credit_code(org.division.code, number),
        legal_representative=names.person_name(rng), established_on=established,
        employees=rng.randint(20, 5000), figures_year=2025 if rng.random() < 0.95 else 2024,
        revenue=revenue if enterprise else None, revenue_rank=rng.randint(1, 12) if enterprise else None,
        profit_tax=(revenue * Decimal("0.08")).quantize(Decimal("0.01")) if enterprise else None,
        profit_tax_rank=rng.randint(1, 12) if enterprise else None,
        asset_contribution_rate=Decimal(rng.randint(300, 2500)) / 100 if enterprise else None,
        asset_contribution_rank=rng.randint(1, 12) if enterprise else None,
        social_contribution="" if enterprise else names.text(rng, 80),
    )


def build_individuals(rng: random.Random, employers: list[Applicant], count: int) -> list[Applicant]:
    """``count`` individual applicants (第十二条), each employed by one of the organisations."""
    chosen = [rng.choice(employers) for _ in range(count)]
    people = [names.person_name(rng) for _ in range(count)]
    users = _accounts("bench_person", people, Role.APPLICANT, [e.organization for e in chosen])
    applicants = Applicant.objects.bulk_create([
        Applicant(kind=ApplicantKind.INDIVIDUAL, name=name, organization=e.organization, user=u,
                  industry_code=e.industry_code, contact_name=name, contact_phone=f"139{rng.randint(10000000, 99999999)}",
                  created_by=u)
        for name, e, u in zip(people, chosen, users, strict=True)
    ], batch_size=BATCH)
    now = timezone.now()
    PersonProfile.objects.bulk_create([
        PersonProfile(applicant=a, id_number=names.id_number(rng, n), position=rng.choice(names.POSITIONS),
                      quality_work_since=dt.date(rng.randint(1990, 2019), rng.randint(1, 12), 1),
                      conduct_declared=rng.random() < 0.95, conduct_declared_at=now)
        for n, a in enumerate(applicants, start=1)
    ], batch_size=BATCH)
    return applicants


def build_records(rng: random.Random, applicants: list[Applicant], office: User) -> None:
    """Honours for one applicant in twenty, accidents for one in thirty, violations for one in fifty."""
    honours, accidents, violations = [], [], []
    for a in applicants:
        if rng.random() < 0.05:
            honours.append(Honour(applicant=a, level=rng.choice(HonourLevel.values), title="质量奖提名奖",
                                  conferred_by="山西省人民政府", year=rng.randint(2015, 2025), recorded_by=office))
        if rng.random() < 0.033:
            accidents.append(AccidentRecord(
                applicant=a, occurred_on=dt.date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28)),
                kind=rng.choice(AccidentKind.values), is_major=rng.random() < 0.4,
                description="（基准测试）事故情况说明，已整改完毕。", recorded_by=office))
        if rng.random() < 0.02:
            violations.append(ViolationRecord(
                applicant=a, occurred_on=dt.date(rng.randint(2019, 2026), rng.randint(1, 12), rng.randint(1, 28)),
                kind=rng.choice(ViolationKind.values), authority="运城市市场监督管理局",
                description="（基准测试）行政处罚决定书所载违法事实。", recorded_by=office))
    Honour.objects.bulk_create(honours, batch_size=BATCH)
    AccidentRecord.objects.bulk_create(accidents, batch_size=BATCH)
    ViolationRecord.objects.bulk_create(violations, batch_size=BATCH)
