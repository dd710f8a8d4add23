"""Builders of the demo world, one per area, run in the order of BUILDERS.

A builder takes the DemoWorld, creates its rows (through the domain services where an operation
has one, so the demo also exercises the rules and the audit trail) and may leave objects in
world.objects for later builders. To extend the demo (applications, notices …) write a builder in
your own module and append it to BUILDERS, after the ones it depends on.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from qaward.accounts.enums import DepartmentType, OrganizationKind, Role
from qaward.accounts.models import Division, Organization
from qaward.applications.demo import build_applications
from qaward.notices.demo import build_notices
from qaward.programs import services as edition_services
from qaward.programs.models import Program

from . import data, texts
from .world import DemoWorld


def build_county_staff(world: DemoWorld) -> None:
    """One account per county market supervision department and per county government (第十五、十六条)."""
    departments = Organization.objects.filter(
        department_type__in=[DepartmentType.COUNTY_MSA, DepartmentType.COUNTY_GOVERNMENT,
                             DepartmentType.DEV_ZONE_COMMITTEE],
    ).select_related("division")
    by_division = {(org.division.code, org.department_type): org for org in departments}
    index = 0
    for division in Division.objects.all():
        slug = data.DIVISION_SLUGS[division.code]
        msa = by_division[(division.code, DepartmentType.COUNTY_MSA)]
        government = by_division.get((division.code, DepartmentType.COUNTY_GOVERNMENT)) or by_division[
            (division.code, DepartmentType.DEV_ZONE_COMMITTEE)]
        world.add_user(f"msa_{slug}", data.person_name(index), [(Role.COUNTY_MSA, msa)])
        world.add_user(f"gov_{slug}", data.person_name(index + 1), [(Role.COUNTY_GOVERNMENT, government)])
        index += 2
    world.log(f"县级部门账号：{index} 个")


def build_city_staff(world: DemoWorld) -> None:
    """Industry authorities, the office, supervision and leadership groups, HR bureau, city government."""
    names = iter(range(100, 200))

    def add(username, role, org_name):
        world.add_user(username, data.person_name(next(names)), [(role, world.organization(org_name))])

    for org_name, slug in data.INDUSTRY_SLUGS.items():
        add(f"industry_{slug}", Role.INDUSTRY_AUTHORITY, org_name)
    for n in (1, 2):
        add(f"office{n}", Role.OFFICE, "运城市标准化和质量强市领导小组办公室")
        add(f"supervision{n}", Role.SUPERVISION, "运城市标准化和质量强市领导小组监督组")
        add(f"leadership{n}", Role.LEADERSHIP, "运城市标准化和质量强市领导小组")
    add("hr1", Role.HR_BUREAU, "运城市人力资源和社会保障局")
    add("citygov1", Role.CITY_GOVERNMENT, "运城市人民政府")
    for org in Organization.objects.filter(kind=OrganizationKind.DEPARTMENT).exclude(consultation_area=""):
        world.add_user(f"consult_{data.CONSULTED_SLUGS[org.consultation_area]}", data.person_name(next(names)),
                       [(Role.CONSULTED_DEPT, org)])

    agency = Organization.objects.create(
        name=data.THIRD_PARTY_NAME, short_name="某某认证咨询", kind=OrganizationKind.DEPARTMENT,
        department_type=DepartmentType.THIRD_PARTY, division=world.division("140802"),
    )
    world.add_user("thirdparty1", data.person_name(next(names)), [(Role.THIRD_PARTY, agency)])
    world.log("市级部门账号已建立")


def build_experts(world: DemoWorld) -> None:
    """The expert pool (第十八条): fictitious people in fictitious institutions."""
    homes = Organization.objects.bulk_create(
        Organization(name=h.name, short_name=h.short_name, kind=OrganizationKind.EXPERT_HOME,
                     industry_codes=h.industry_codes, division=world.division("140802"))
        for h in data.EXPERT_HOMES
    )
    for number, expert in enumerate(data.EXPERTS, start=1):
        world.add_user(f"expert{number:02d}", data.person_name(200 + number), [(Role.EXPERT, homes[expert.home])])
    world.objects["experts"] = data.EXPERTS
    world.log(f"评审专家：{len(data.EXPERTS)} 位")


def build_applicants(world: DemoWorld) -> None:
    """Applicant organisations across every division and industry, and a few applicant individuals."""
    divisions = {d.code: d for d in Division.objects.all()}
    organizations = Organization.objects.bulk_create(
        Organization(name=a.name, short_name=a.short_name, kind=a.kind, division=divisions[a.division],
                     industry_codes=a.industry_codes)
        for a in data.APPLICANTS
    )
    for number, organization in enumerate(organizations, start=1):
        world.add_user(f"org{number:02d}", data.person_name(300 + number), [(Role.APPLICANT, organization)])
    for number, (employer, _position) in enumerate(data.INDIVIDUALS, start=1):
        world.add_user(f"person{number:02d}", data.person_name(400 + number),
                       [(Role.APPLICANT, organizations[employer])])
    world.objects["applicant_organizations"] = organizations
    world.log(f"申报组织：{len(organizations)} 家；申报个人：{len(data.INDIVIDUALS)} 位")


def build_editions(world: DemoWorld) -> None:
    """A past edition (so the cycle rule of 第四条 has history) and the current one, open for applications.

    The current edition goes through the same services as the office's pages: approvals (第四条),
    the call (第十四条) and the `open` transition, each audited with office1 as the actor.
    """
    program = Program.objects.get(code=texts.PROGRAM_CODE)
    office = world.user("office1")
    world.objects["historical_edition"] = edition_services.create_edition(
        program, 1, 2021, "第一届运城市市长质量奖", office, is_historical=True,
        decision_document=texts.HISTORICAL_DECISION_DOCUMENT, decided_on=datetime.date(2021, 12, 28),
        reason="补录系统启用前已完成的届次",
    )
    edition = edition_services.create_edition(
        program, 2, 2026, "第二届运城市市长质量奖", office, plan=texts.PLAN, criteria=texts.CRITERIA,
    )
    for kind, authority, document_number, approved_on in texts.APPROVALS:
        edition_services.record_approval(edition, kind, authority, document_number, approved_on, office)
    edition = edition_services.advance(edition, "record_approvals", office)
    edition = edition_services.publish_call(
        edition, texts.CALL_TITLE, texts.CALL_TEXT, texts.CALL_PUBLISHED_ON, texts.APPLICATION_DEADLINE, office,
    )
    # The edition opened on the day the call was published, whatever day the demo is loaded.
    edition = edition_services.advance(edition, "open", office, today=texts.CALL_PUBLISHED_ON)
    world.objects["edition"] = edition
    world.log(f"届次：{edition.title}（{edition.get_stage_display()}，申报截止 {edition.application_deadline}）")


BUILDERS: list[Callable[[DemoWorld], None]] = [
    build_county_staff,
    build_city_staff,
    build_experts,
    build_applicants,
    build_editions,
    build_applications,
    build_notices,
]


def build_all(world: DemoWorld) -> DemoWorld:
    for builder in BUILDERS:
        builder(world)
    return world
