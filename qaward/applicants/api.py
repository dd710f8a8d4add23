"""Applicants over the API (DESIGN.md §9): self-registration and the profile, ID numbers masked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from qaward.accounts.models import Division
from qaward.core.masking import contact_for

from . import services
from .enums import APPLICANT_ORGANIZATION_KINDS
from .models import Applicant

router = Router(tags=["applicants"])

KINDS = "、".join(APPLICANT_ORGANIZATION_KINDS)


class AccountIn(Schema):
    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=4096)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=20)
    display_name: str = Field("", max_length=60, description="经办人姓名")


class OrganizationIn(Schema):
    account: AccountIn
    name: str = Field(min_length=1, max_length=120)
    credit_code: str = Field(min_length=18, max_length=18, description="统一社会信用代码（18位）")
    kind: str = Field(description=f"组织类型：{KINDS}")
    division: str = Field(description="所在县（市、区）或运城开发区的行政区划代码，如 140802")
    established_on: dt.date
    industry_code: str = Field("", max_length=4, description="GB/T 4754-2017 大类，如 C36")
    legal_representative: str = Field("", max_length=60)
    contact_name: str = Field("", max_length=60)
    contact_phone: str = Field("", max_length=30)
    address: str = Field("", max_length=200)


class IndividualIn(Schema):
    account: AccountIn
    name: str = Field(min_length=1, max_length=60)
    id_number: str = Field(min_length=18, max_length=18, description="居民身份证号（18位）")
    employer_name: str = Field(min_length=1, max_length=120)
    employer_kind: str = Field(description=f"工作单位类型：{KINDS}")
    division: str = Field(description="工作单位所在县（市、区）的行政区划代码")
    position: str = Field(min_length=1, max_length=80)
    quality_work_since: dt.date = Field(description="从事质量工作起始日期（第十二条第（六）项）")
    industry_code: str = Field("", max_length=4)
    conduct_declared: bool = Field(False, description="品行声明（第十二条第（一）项）")
    contact_phone: str = Field("", max_length=30)
    address: str = Field("", max_length=200)


class HonourOut(Schema):
    level: str
    title: str
    conferred_by: str
    year: int


class AccidentOut(Schema):
    occurred_on: dt.date
    kind: str
    is_major: bool
    description: str


class ViolationOut(Schema):
    occurred_on: dt.date
    kind: str
    authority: str
    description: str


class OrganizationProfileOut(Schema):
    credit_code: str
    organization_kind: str
    legal_representative: str
    established_on: dt.date
    employees: int | None
    figures_year: int | None
    revenue: Decimal | None
    revenue_rank: int | None
    profit_tax: Decimal | None
    profit_tax_rank: int | None
    asset_contribution_rate: Decimal | None
    asset_contribution_rank: int | None
    social_contribution: str


class PersonProfileOut(Schema):
    id_number: str = Field(description="脱敏显示；完整号码仅领导小组办公室经审计可查")
    employer: str
    position: str
    quality_work_since: dt.date
    conduct_declared: bool


class ApplicantOut(Schema):
    id: int
    kind: str
    name: str
    division: str | None
    division_code: str | None
    industry_code: str
    industry_name: str
    contact_name: str
    contact_phone: str
    organization: OrganizationProfileOut | None
    person: PersonProfileOut | None
    honours: list[HonourOut]
    accidents: list[AccidentOut]
    violations: list[ViolationOut]


class ProfileIn(Schema):
    industry_code: str | None = Field(None, max_length=4)
    contact_name: str | None = Field(None, max_length=60)
    contact_phone: str | None = Field(None, max_length=30)
    address: str | None = Field(None, max_length=200)
    legal_representative: str | None = Field(None, max_length=60)
    established_on: dt.date | None = None
    employees: int | None = Field(None, ge=0)
    figures_year: int | None = Field(None, ge=1990, le=2100)
    revenue: Decimal | None = None
    revenue_rank: int | None = Field(None, ge=1)
    profit_tax: Decimal | None = None
    profit_tax_rank: int | None = Field(None, ge=1)
    asset_contribution_rate: Decimal | None = None
    asset_contribution_rank: int | None = Field(None, ge=1)
    social_contribution: str | None = None
    position: str | None = Field(None, max_length=80)
    quality_work_since: dt.date | None = None
    conduct_declared: bool | None = None


class RevealIn(Schema):
    reason: str = Field(min_length=1, max_length=300, description="查看事由，记入审计日志")


class RevealOut(Schema):
    id_number: str


def applicant_out(applicant: Applicant, reader=None) -> dict:
    """The applicant as ``reader`` may see it; without a reader (the registrant's own answer), in full."""
    division = applicant.division
    phone = applicant.contact_phone if reader is None else contact_for(reader, applicant.contact_phone)[0]
    out = {
        "id": applicant.pk, "kind": applicant.kind, "name": applicant.name,
        "division": division.name if division else None, "division_code": division.code if division else None,
        "industry_code": applicant.industry_code, "industry_name": applicant.industry_name,
        "contact_name": applicant.contact_name, "contact_phone": phone,
        "organization": None, "person": None,
        "honours": list(applicant.honours.values("level", "title", "conferred_by", "year")),
        "accidents": list(applicant.accidents.values("occurred_on", "kind", "is_major", "description")),
        "violations": list(applicant.violations.values("occurred_on", "kind", "authority", "description")),
    }
    if applicant.is_organization:
        p = applicant.org_profile
        out["organization"] = {
            "credit_code": p.credit_code, "organization_kind": applicant.organization.kind,
            **{f: getattr(p, f) for f in services.ORG_FIELDS},
        }
    else:
        p = applicant.person_profile
        out["person"] = {"id_number": p.masked_id_number, "employer": applicant.organization.name,
                         "position": p.position, "quality_work_since": p.quality_work_since,
                         "conduct_declared": p.conduct_declared}
    return out


def _division(code: str) -> Division:
    return get_object_or_404(Division, code=code)


def _visible(request, applicant_id: int) -> Applicant:
    applicant = get_object_or_404(Applicant.objects.select_related("organization__division"), pk=applicant_id)
    if not request.user.has_perm("applicants.view_applicant", applicant):
        raise Http404
    return applicant


def _account(payload: AccountIn) -> services.Account:
    return services.Account(payload.username, payload.password, payload.email, payload.phone, payload.display_name)


@router.post("/applicants/organizations", response={201: ApplicantOut}, auth=None,
             summary="组织申报者注册（创建账号，第十一条）")
def register_organization(request, payload: OrganizationIn):
    applicant = services.register_organization(
        _account(payload.account), name=payload.name, credit_code=payload.credit_code, kind=payload.kind,
        division=_division(payload.division), established_on=payload.established_on,
        industry_code=payload.industry_code, legal_representative=payload.legal_representative,
        contact_name=payload.contact_name, contact_phone=payload.contact_phone, address=payload.address,
    )
    return Status(201, applicant_out(applicant))


@router.post("/applicants/individuals", response={201: ApplicantOut}, auth=None,
             summary="个人申报者注册（创建账号，第十二条）")
def register_individual(request, payload: IndividualIn):
    applicant = services.register_individual(
        _account(payload.account), name=payload.name, id_number=payload.id_number,
        employer_name=payload.employer_name, employer_kind=payload.employer_kind,
        division=_division(payload.division), position=payload.position,
        quality_work_since=payload.quality_work_since, industry_code=payload.industry_code,
        conduct_declared=payload.conduct_declared, contact_phone=payload.contact_phone, address=payload.address,
    )
    return Status(201, applicant_out(applicant))


@router.get("/applicants/{applicant_id}", response=ApplicantOut, summary="申报者信息（身份证号脱敏）")
def get_applicant(request, applicant_id: int):
    return applicant_out(_visible(request, applicant_id), request.user)


@router.patch("/applicants/{applicant_id}", response=ApplicantOut, summary="修改申报者信息")
def update_applicant(request, applicant_id: int, payload: ProfileIn):
    applicant = _visible(request, applicant_id)
    services.update_profile(applicant, request.user, **payload.dict(exclude_unset=True))
    return applicant_out(applicant, request.user)


@router.post("/applicants/{applicant_id}/id-number", response=RevealOut,
             summary="查看完整身份证号（仅领导小组办公室，记入审计日志）")
def reveal_id_number(request, applicant_id: int, payload: RevealIn):
    applicant = _visible(request, applicant_id)
    return {"id_number": services.reveal_id_number(applicant, request.user, payload.reason)}
