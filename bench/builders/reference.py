"""What the migrations put in the database (program, rubrics, divisions, departments), the staff
accounts that work on it, and the editions: two historical ones and the current one in formal review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from qaward.accounts.enums import DepartmentType, Role
from qaward.accounts.models import Division, Organization, RoleGrant, User
from qaward.programs.models import Edition, EditionApproval, EditionStage, Program, RubricItem

PROGRAM_CODE = "yuncheng-mayor-quality-award"
EDITION_TITLE = "第三届运城市市长质量奖（基准测试）"
OFFICE_USERNAME = "bench_office1"
LEADERSHIP_USERNAME = "bench_leadership1"
CALL_PUBLISHED_ON = dt.date(2026, 3, 2)
APPLICATION_DEADLINE = dt.date(2026, 9, 30)
HISTORY = ((1, 2016, dt.date(2017, 4, 26)), (2, 2021, dt.date(2022, 4, 28)))


@dataclass
class Reference:
    program: Program
    divisions: list[Division]
    county_msa: dict[int, Organization]  # division id → its market supervision department
    county_government: dict[int, Organization]  # division id → its government (or the dev-zone committee)
    industry_authorities: list[Organization]
    consulted: list[Organization]
    office: User
    leadership: User
    edition: Edition
    history: list[Edition]
    org_sections: list[str] = field(default_factory=list)  # rubric category codes of the self-assessment
    individual_sections: list[str] = field(default_factory=list)  # rubric item codes

    def authority_for(self, industry_code: str) -> Organization:
        """The municipal industry authority in charge of the section, 工信局 when none is."""
        for org in self.industry_authorities:
            if industry_code[:1] in org.industry_codes.split(","):
                return org
        return self.industry_authorities[0]


def _staff(departments: list[tuple[str, str, str, Organization]]) -> dict[str, User]:
    """(username, display name, role, organisation) → users with their grants; staff never log in here."""
    unusable = make_password(None)
    users = User.objects.bulk_create([
        User(username=username, display_name=name, email=f"{username}@bench.yuncheng.example", password=unusable)
        for username, name, _, _ in departments
    ])
    RoleGrant.objects.bulk_create([
        RoleGrant(user=user, role=role, organization=org)
        for user, (_, _, role, org) in zip(users, departments, strict=True)
    ])
    return {user.username: user for user in users}


def build_reference() -> Reference:
    program = Program.objects.select_related("organization_rubric", "individual_rubric").get(code=PROGRAM_CODE)
    divisions = list(Division.objects.order_by("order"))
    departments = list(Organization.objects.exclude(department_type=""))

    def one(department_type):
        return next(o for o in departments if o.department_type == department_type)

    msa = {o.division_id: o for o in departments if o.department_type == DepartmentType.COUNTY_MSA}
    government = {o.division_id: o for o in departments
                  if o.department_type in (DepartmentType.COUNTY_GOVERNMENT, DepartmentType.DEV_ZONE_COMMITTEE)}
    authorities = sorted((o for o in departments if o.department_type == DepartmentType.INDUSTRY_AUTHORITY),
                         key=lambda o: o.pk)
    staff = [
        (OFFICE_USERNAME, "办公室一", Role.OFFICE, one(DepartmentType.OFFICE)),
        ("bench_office2", "办公室二", Role.OFFICE, one(DepartmentType.OFFICE)),
        ("bench_supervision1", "监督组一", Role.SUPERVISION, one(DepartmentType.SUPERVISION_GROUP)),
        (LEADERSHIP_USERNAME, "领导小组一", Role.LEADERSHIP, one(DepartmentType.LEADERSHIP_GROUP)),
    ]
    for division in divisions:
        staff.append((f"bench_msa_{division.code}", f"{division.name}审核员", Role.COUNTY_MSA, msa[division.pk]))
        staff.append((f"bench_gov_{division.code}", f"{division.name}推荐人", Role.COUNTY_GOVERNMENT,
                      government[division.pk]))
    staff += [(f"bench_industry_{o.pk}", f"{o.short_name}审核员", Role.INDUSTRY_AUTHORITY, o) for o in authorities]
    users = _staff(staff)

    history = Edition.objects.bulk_create([
        Edition(program=program, number=number, year=year, title=f"第{'一二'[number - 1]}届运城市市长质量奖（基准测试）",
                stage=EditionStage.DECIDED, is_historical=True, decided_on=decided,
                decision_document=f"基准〔{decided.year}〕{number}号")
        for number, year, decided in HISTORY
    ])
    edition = Edition.objects.create(
        program=program, number=3, year=2026, title=EDITION_TITLE, stage=EditionStage.FORMAL_REVIEW,
        plan="评选方案（基准测试）", criteria="依据GB/T 19580-2004评价。",
        organization_rubric=program.organization_rubric, individual_rubric=program.individual_rubric,
        call_title="关于开展第三届运城市市长质量奖评选工作的通知", call_text="各县（市、区）人民政府……",
        call_published_on=CALL_PUBLISHED_ON, application_deadline=APPLICATION_DEADLINE,
    )
    EditionApproval.objects.bulk_create([
        EditionApproval(edition=edition, kind=EditionApproval.Kind.CITY, authority="中共运城市委、运城市人民政府",
                        document_number="基准〔2026〕11号", approved_on=dt.date(2026, 1, 20)),
        EditionApproval(edition=edition, kind=EditionApproval.Kind.PROVINCE, authority="中共山西省委、山西省人民政府",
                        document_number="基准〔2026〕21号", approved_on=dt.date(2026, 2, 16)),
    ])
    org_rubric, person_rubric = program.organization_rubric, program.individual_rubric
    return Reference(
        program=program, divisions=divisions, county_msa=msa, county_government=government,
        industry_authorities=authorities,
        consulted=[o for o in departments if o.department_type == DepartmentType.CONSULTED],
        office=users[OFFICE_USERNAME], leadership=users[LEADERSHIP_USERNAME], edition=edition, history=history,
        org_sections=list(org_rubric.categories.order_by("order").values_list("code", flat=True)),
        individual_sections=list(RubricItem.objects.filter(category__rubric=person_rubric)
                                 .order_by("category__order", "order").values_list("code", flat=True)),
    )
