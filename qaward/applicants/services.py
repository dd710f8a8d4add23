"""Registering applicants and keeping their profiles (第十一、十二条).

Each function checks permission and the data, changes the rows and writes the audit record in one
transaction. Identity numbers are validated with python-stdnum: the unified social credit code
(GB 32100) and the resident identity card number (GB 11643).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError as NumberError

from qaward.accounts.enums import Role
from qaward.accounts.models import Division, Organization, RoleGrant, User
from qaward.applications.enums import UNDER_REVIEW
from qaward.core import audit
from qaward.core.errors import DomainError, NotPermitted

from .enums import APPLICANT_ORGANIZATION_KINDS, ApplicantKind
from .industries import DIVISIONS
from .models import AccidentRecord, Applicant, Honour, OrganizationProfile, PersonProfile, ViolationRecord


def invalid(detail: str, code: str, status: int = 422) -> DomainError:
    return DomainError(detail, code=code, status=status)


def clean_credit_code(value: str) -> str:
    try:
        return uscc.validate(value)
    except NumberError as error:
        raise invalid(f"统一社会信用代码「{value}」无效：请核对18位代码（{_number_problem(error)}）。",
                      "invalid_credit_code") from error


def clean_id_number(value: str) -> str:
    try:
        return ric.validate(value)
    except NumberError as error:
        raise invalid(f"身份证号无效：请核对18位号码（{_number_problem(error)}）。", "invalid_id_number") from error


def _number_problem(error: NumberError) -> str:
    return {
        "InvalidLength": "位数不对", "InvalidFormat": "含有不允许的字符", "InvalidChecksum": "校验位不符",
        "InvalidComponent": "出生日期或地区码无效",
    }.get(type(error).__name__, "格式不符")


def clean_industry(code: str) -> str:
    code = (code or "").strip().upper()
    if code and code not in DIVISIONS:
        raise invalid(f"行业代码「{code}」不在 GB/T 4754-2017 大类中，请从列表中选择。", "invalid_industry")
    return code


def ensure_unique(fn):
    """Turn a race on a unique constraint into the same 409 the checks above give."""
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except IntegrityError as error:
            raise invalid("该组织或账号已注册。", "already_registered", 409) from error
    return wrapper


@dataclass
class Account:
    username: str
    password: str
    email: str = ""
    phone: str = ""
    display_name: str = ""


def _create_user(account: Account) -> User:
    username = account.username.strip()
    if not username:
        raise invalid("请填写登录用户名。", "username_required")
    if User.objects.filter(username__iexact=username).exists():
        raise invalid(f"用户名「{username}」已被使用，请换一个。", "username_taken", 409)
    user = User(username=username, email=account.email.strip(), phone=account.phone.strip(),
                display_name=account.display_name.strip())
    try:
        validate_password(account.password, user)
    except ValidationError as error:
        raise invalid("密码不符合要求：" + "；".join(error.messages), "weak_password") from error
    user.set_password(account.password)
    user.save()
    return user


def _division(division) -> Division:
    if division is None:
        raise invalid("请选择所在县（市、区）或运城开发区。", "division_required")
    return division if isinstance(division, Division) else Division.objects.get(pk=division)


@ensure_unique
@transaction.atomic
def register_organization(account: Account, *, name: str, credit_code: str, kind: str, division,
                          established_on: datetime.date, industry_code: str = "", legal_representative: str = "",
                          contact_name: str = "", contact_phone: str = "", address: str = "",
                          actor=None) -> Applicant:
    """Self-registration of an organisation: its account, its Organization, the applicant role and profile."""
    name = name.strip()
    if not name:
        raise invalid("请填写组织名称。", "name_required")
    if kind not in APPLICANT_ORGANIZATION_KINDS:
        raise invalid("请选择组织类型：企业、社会组织（非营利）或机关事业单位。", "invalid_kind")
    code = clean_credit_code(credit_code)
    if OrganizationProfile.objects.filter(credit_code=code).exists():
        raise invalid(f"统一社会信用代码 {code} 已注册。如需增加账号，请联系已注册的经办人或领导小组办公室。",
                      "credit_code_taken", 409)
    if Organization.objects.filter(name=name).exists():
        raise invalid(f"「{name}」已注册。", "organization_taken", 409)
    if established_on > timezone.localdate():
        raise invalid("成立日期不能晚于今天。", "invalid_date")
    user = _create_user(account)
    organization = Organization.objects.create(name=name, kind=kind, division=_division(division))
    RoleGrant.objects.create(user=user, role=Role.APPLICANT, organization=organization)
    applicant = Applicant.objects.create(
        kind=ApplicantKind.ORGANIZATION, name=name, organization=organization, industry_code=clean_industry(industry_code),
        contact_name=contact_name or account.display_name, contact_phone=contact_phone or account.phone,
        address=address, created_by=actor or user,
    )
    OrganizationProfile.objects.create(applicant=applicant, credit_code=code, established_on=established_on,
                                       legal_representative=legal_representative)
    audit.record("applicant.register", actor=actor or user, obj=applicant,
                 after={"kind": applicant.kind, "credit_code": code, "user": user.username})
    return applicant


def _employer(name: str, kind: str, division) -> Organization:
    name = name.strip()
    if not name:
        raise invalid("请填写工作单位。", "employer_required")
    if kind not in APPLICANT_ORGANIZATION_KINDS:
        raise invalid("请选择工作单位类型：企业、社会组织（非营利）或机关事业单位。", "invalid_kind")
    # An employer already known (registered itself, or another applicant's employer) is reused, so the
    # county and the organisation type come from one place.
    employer = Organization.objects.filter(name=name).first()
    return employer or Organization.objects.create(name=name, kind=kind, division=_division(division))


@ensure_unique
@transaction.atomic
def register_individual(account: Account, *, name: str, id_number: str, employer_name: str, employer_kind: str,
                        division, position: str, quality_work_since: datetime.date, industry_code: str = "",
                        conduct_declared: bool = False, contact_phone: str = "", address: str = "",
                        actor=None) -> Applicant:
    """Self-registration of an individual (第十二条); the applicant role is held in the employer."""
    name = name.strip()
    if not name:
        raise invalid("请填写姓名。", "name_required")
    number = clean_id_number(id_number)
    if not position.strip():
        raise invalid("请填写职务或职称。", "position_required")
    if quality_work_since > timezone.localdate():
        raise invalid("从事质量工作起始日期不能晚于今天。", "invalid_date")
    employer = _employer(employer_name, employer_kind, division)
    user = _create_user(Account(account.username, account.password, account.email, account.phone,
                                account.display_name or name))
    RoleGrant.objects.create(user=user, role=Role.APPLICANT, organization=employer)
    applicant = Applicant.objects.create(
        kind=ApplicantKind.INDIVIDUAL, name=name, organization=employer, user=user,
        industry_code=clean_industry(industry_code), contact_name=name, contact_phone=contact_phone or account.phone,
        address=address, created_by=actor or user,
    )
    PersonProfile.objects.create(
        applicant=applicant, id_number=number, position=position.strip(), quality_work_since=quality_work_since,
        conduct_declared=conduct_declared, conduct_declared_at=timezone.now() if conduct_declared else None,
    )
    audit.record("applicant.register", actor=actor or user, obj=applicant,
                 after={"kind": applicant.kind, "employer": employer.name, "user": user.username})
    return applicant


def _require_representative(applicant, actor) -> None:
    if not actor.has_perm("applicants.change_applicant", applicant):
        raise NotPermitted()
    if applicant.applications.filter(state__in=UNDER_REVIEW).exists():
        raise invalid("申报材料正在审核中，不能修改申报主体信息。如需修改，请联系接收部门退回申报。",
                      "applicant_locked", 409)


APPLICANT_FIELDS = ("industry_code", "contact_name", "contact_phone", "address")
ORG_FIELDS = (
    "legal_representative", "established_on", "employees", "figures_year", "revenue", "revenue_rank",
    "profit_tax", "profit_tax_rank", "asset_contribution_rate", "asset_contribution_rank", "social_contribution",
)
PERSON_FIELDS = ("position", "quality_work_since", "conduct_declared")
REQUIRED_FIELDS = ("established_on", "position", "quality_work_since", "conduct_declared")


@transaction.atomic
def update_profile(applicant: Applicant, actor, **changes) -> Applicant:
    """Change the declared facts; the audit record keeps each old and new value."""
    _require_representative(applicant, actor)
    profile = applicant.org_profile if applicant.is_organization else applicant.person_profile
    own_fields = ORG_FIELDS if applicant.is_organization else PERSON_FIELDS
    unknown = set(changes) - set(APPLICANT_FIELDS) - set(own_fields)
    if unknown:
        raise invalid("不能修改的字段：" + "、".join(sorted(unknown)), "invalid_field")
    if any(changes.get(field) in (None, "") for field in REQUIRED_FIELDS if field in changes):
        raise invalid("成立日期、职务和从事质量工作起始日期不能为空。", "required_field")
    if "industry_code" in changes:
        changes["industry_code"] = clean_industry(changes["industry_code"])
    for rank in ("revenue_rank", "profit_tax_rank", "asset_contribution_rank"):
        if changes.get(rank) is not None and changes[rank] < 1:
            raise invalid("排名须为正整数（第1位为最前）。", "invalid_rank")
    before, after = {}, {}
    for field, value in changes.items():
        target = applicant if field in APPLICANT_FIELDS else profile
        old = getattr(target, field)
        if old != value:
            before[field], after[field] = old, value
            setattr(target, field, value)
    if "conduct_declared" in after:
        profile.conduct_declared_at = timezone.now() if after["conduct_declared"] else None
    if after:
        applicant.save()
        profile.save()
        audit.record("applicant.update", actor=actor, obj=applicant, before=before, after=after)
    return applicant


RECORD_MODELS = {"honour": Honour, "accident": AccidentRecord, "violation": ViolationRecord}


@transaction.atomic
def add_record(applicant: Applicant, actor, record_type: str, **fields):
    """An honour, an accident or a violation: declared by the applicant, or entered by the office."""
    if not (actor.has_perm("applicants.record_conduct", applicant)):
        _require_representative(applicant, actor)
    model = RECORD_MODELS[record_type]
    record = model(applicant=applicant, recorded_by=actor, **fields)
    try:
        record.full_clean(exclude=["applicant", "recorded_by"])
    except ValidationError as error:
        raise invalid("；".join(error.messages), "invalid_record") from error
    record.save()
    audit.record(f"applicant.{record_type}_add", actor=actor, obj=applicant, after={"id": record.pk, **fields})
    return record


@transaction.atomic
def remove_record(record, actor) -> None:
    applicant = record.applicant
    if not actor.has_perm("applicants.record_conduct", applicant):
        _require_representative(applicant, actor)
        if record.recorded_by_id and record.recorded_by_id != actor.pk and not isinstance(record, Honour):
            raise NotPermitted("该记录由领导小组办公室录入，申报者不能删除。")
    kind = next(k for k, m in RECORD_MODELS.items() if isinstance(record, m))
    audit.record(f"applicant.{kind}_remove", actor=actor, obj=applicant, before={"id": record.pk,
                                                                                  "text": str(record)})
    record.delete()


def reveal_id_number(applicant: Applicant, actor, reason: str) -> str:
    """The office's full view of an ID number: allowed to the office only, and always audited."""
    if applicant.is_organization:
        raise invalid("组织申报者没有身份证号。", "not_individual")
    if not actor.has_perm("applicants.read_id_number", applicant):
        raise NotPermitted("只有领导小组办公室可以查看完整身份证号。")
    if not reason.strip():
        raise invalid("请填写查看完整身份证号的事由（将记入审计日志）。", "reason_required", 400)
    audit.record_read("applicant.read_id_number", actor=actor, obj=applicant, reason=reason.strip())
    return applicant.person_profile.id_number
