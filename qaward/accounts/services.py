"""Accounts of department staff, opened and kept by the office (领导小组办公室).

Applicants register themselves (qaward.applicants); everyone else — county and city departments,
the groups, the third party and the experts — gets an account from the office here. Each function
checks that the actor holds the office role and that the role fits the organisation, changes the
rows and writes the audit record, in one transaction.

Passwords are never chosen by the office: creating an account or resetting its password returns a
random one-time password that the office passes on once; the audit record notes the reset, never
the password.
"""

from __future__ import annotations

import secrets

from axes.utils import reset as axes_reset
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction

from qaward.core import audit
from qaward.core.errors import DomainError, NotPermitted
from qaward.core.masking import mask_phone
from qaward.core.models import AuditRecord

from .enums import DepartmentType, OrganizationKind, Role
from .models import Organization, RoleGrant, User
from .rules import is_office

# Which department types a staff role may be held in (DESIGN.md §2). The expert role is missing on
# purpose: experts come from any organisation. The applicant role is missing too: applicants
# register themselves and the office never grants it.
ROLE_DEPARTMENT_TYPES: dict[str, frozenset[str]] = {
    Role.COUNTY_MSA: frozenset({DepartmentType.COUNTY_MSA}),
    Role.COUNTY_GOVERNMENT: frozenset({DepartmentType.COUNTY_GOVERNMENT, DepartmentType.DEV_ZONE_COMMITTEE}),
    Role.INDUSTRY_AUTHORITY: frozenset({DepartmentType.INDUSTRY_AUTHORITY}),
    Role.CONSULTED_DEPT: frozenset({DepartmentType.CONSULTED}),
    Role.HR_BUREAU: frozenset({DepartmentType.HR_BUREAU}),
    Role.CITY_GOVERNMENT: frozenset({DepartmentType.CITY_GOVERNMENT}),
    Role.LEADERSHIP: frozenset({DepartmentType.LEADERSHIP_GROUP}),
    Role.SUPERVISION: frozenset({DepartmentType.SUPERVISION_GROUP}),
    Role.OFFICE: frozenset({DepartmentType.OFFICE}),
    Role.THIRD_PARTY: frozenset({DepartmentType.THIRD_PARTY}),
}
GRANTABLE_ROLES = (*ROLE_DEPARTMENT_TYPES, Role.EXPERT)

# No 0/O, 1/l/I: the office reads the password out or writes it down.
_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_GROUPS, _GROUP_LENGTH = 3, 4
PHONE_DIGITS = frozenset("0123456789-")


def _refuse(detail: str, code: str, status: int = 422) -> DomainError:
    return DomainError(detail, code=code, status=status)


def _require_office(actor) -> None:
    if not is_office(actor):
        raise NotPermitted("只有领导小组办公室可以开设和管理部门工作人员账号。")


def _require_manageable(user: User, actor, doing: str, own: str) -> None:
    """System administrators are kept in the configuration admin; nobody acts on their own account here."""
    if user.is_superuser or user.is_staff:
        raise NotPermitted(f"「{user.get_username()}」是系统管理员账号，不能在此{doing}，请在配置管理后台维护。")
    if user.pk == actor.pk:
        raise _refuse(own, "own_account")


def check_role_fits(role: str, organization: Organization) -> None:
    """Refuse a role the organisation cannot hold; see ROLE_DEPARTMENT_TYPES."""
    if role not in GRANTABLE_ROLES:
        if role == Role.APPLICANT:
            raise _refuse("申报者账号由组织或个人在系统中自助注册，领导小组办公室不开设申报者账号。",
                          "role_not_grantable")
        raise _refuse(f"未知的角色「{role}」。", "unknown_role")
    label = Role(role).label
    if not organization.is_active:
        raise _refuse(f"「{organization.name}」已停用，不能再授予角色。", "organization_inactive")
    if role == Role.EXPERT:
        return
    if organization.kind != OrganizationKind.DEPARTMENT:
        raise _refuse(
            f"「{organization.name}」不是政府部门或机构（{organization.get_kind_display()}），"
            f"不能授予「{label}」角色；其人员只能作为评审专家。", "role_department_mismatch",
        )
    allowed = ROLE_DEPARTMENT_TYPES[role]
    if organization.department_type not in allowed:
        actual = organization.get_department_type_display() or "未设置部门类型"
        expected = "、".join(str(DepartmentType(t).label) for t in sorted(allowed))
        raise _refuse(
            f"「{label}」角色只能授予{expected}的工作人员，「{organization.name}」是{actual}。",
            "role_department_mismatch",
        )


def generate_password() -> str:
    """12 random characters in three groups, with at least one letter and one digit."""
    while True:
        groups = ["".join(secrets.choice(_ALPHABET) for _ in range(_GROUP_LENGTH)) for _ in range(_GROUPS)]
        password = "-".join(groups)
        if any(c.isdigit() for c in password) and any(c.isalpha() for c in password):
            return password


def _clean_account(username: str, display_name: str, phone: str, email: str) -> tuple[str, str, str, str]:
    username, display_name = (username or "").strip(), (display_name or "").strip()
    phone, email = (phone or "").strip().replace(" ", ""), (email or "").strip()
    if not username:
        raise _refuse("请填写登录用户名。", "username_required")
    if User.objects.filter(username__iexact=username).exists():
        raise _refuse(f"用户名「{username}」已被使用，请换一个。", "username_taken", 409)
    if not display_name:
        raise _refuse("请填写工作人员姓名。", "display_name_required")
    if phone and (not set(phone) <= PHONE_DIGITS or sum(c.isdigit() for c in phone) < 7):
        raise _refuse("联系电话只能包含数字和连字符，例如 13912345678 或 0359-2345678。", "invalid_phone")
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise _refuse(f"电子邮箱「{email}」格式不正确。", "invalid_email") from error
    return username, display_name, phone, email


def _grant_summary(grant: RoleGrant) -> dict:
    return {"role": grant.role, "organization": grant.organization_id, "organization_name": grant.organization.name}


@transaction.atomic
def create_department_user(actor, username: str, display_name: str, phone: str, email: str,
                           organization: Organization, roles) -> tuple[User, str]:
    """A new account holding ``roles`` in ``organization``; returns it with its one-time password."""
    _require_office(actor)
    roles = list(dict.fromkeys(roles or []))
    if not roles:
        raise _refuse("请至少选择一个角色。", "roles_required")
    for role in roles:
        check_role_fits(role, organization)
    username, display_name, phone, email = _clean_account(username, display_name, phone, email)
    password = generate_password()
    user = User(username=username, display_name=display_name, phone=phone, email=email)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # a concurrent request took the name between the check and the save
        raise _refuse(f"用户名「{username}」已被使用，请换一个。", "username_taken", 409) from error
    grants = [RoleGrant.objects.create(user=user, role=role, organization=organization) for role in roles]
    audit.record("account.create", actor=actor, obj=user, after={
        "username": username, "display_name": display_name, "phone": mask_phone(phone), "email": email,
        "grants": [_grant_summary(g) for g in grants],
    })
    return user, password


@transaction.atomic
def grant_role(actor, user: User, role: str, organization: Organization) -> RoleGrant:
    """Give the user the role in the organisation; a revoked grant of the same pair is reinstated."""
    _require_office(actor)
    check_role_fits(role, organization)
    grant = RoleGrant.objects.select_for_update().filter(user=user, role=role, organization=organization).first()
    if grant is not None and grant.is_active:
        raise _refuse(f"「{user}」已在「{organization.name}」担任「{Role(role).label}」。", "already_granted", 409)
    if grant is None:
        grant = RoleGrant.objects.create(user=user, role=role, organization=organization)
    else:
        grant.is_active = True
        grant.save(update_fields=["is_active"])
    audit.record("account.grant_role", actor=actor, obj=user, after=_grant_summary(grant))
    return grant


@transaction.atomic
def revoke_role(actor, grant: RoleGrant, reason: str = "") -> RoleGrant:
    _require_office(actor)
    if not grant.is_active:
        raise _refuse("该角色授权已撤销。", "already_revoked", 409)
    if grant.user_id == actor.pk and grant.role == Role.OFFICE:
        raise _refuse("不能撤销自己的领导小组办公室角色，请由办公室其他工作人员办理。", "own_office_role")
    grant.is_active = False
    grant.save(update_fields=["is_active"])
    audit.record("account.revoke_role", actor=actor, obj=grant.user, reason=reason.strip(),
                 before=_grant_summary(grant))
    return grant


@transaction.atomic
def deactivate_user(actor, user: User, reason: str = "") -> User:
    """The account can no longer sign in nor use its API tokens; its grants and history stay."""
    _require_office(actor)
    _require_manageable(user, actor, "停用", "不能停用自己的账号。")
    if not user.is_active:
        raise _refuse(f"「{user}」的账号已停用。", "already_inactive", 409)
    user.is_active = False
    user.save(update_fields=["is_active"])
    audit.record("account.deactivate", actor=actor, obj=user, reason=reason.strip(),
                 before={"is_active": True}, after={"is_active": False})
    return user


@transaction.atomic
def reactivate_user(actor, user: User, reason: str = "") -> User:
    _require_office(actor)
    _require_manageable(user, actor, "启用", "不能启用自己的账号。")
    if user.is_active:
        raise _refuse(f"「{user}」的账号正在使用中。", "already_active", 409)
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit.record("account.reactivate", actor=actor, obj=user, reason=reason.strip(),
                 before={"is_active": False}, after={"is_active": True})
    return user


@transaction.atomic
def reset_password(actor, user: User, reason: str = "") -> str:
    """Set a new random password and return it, to be shown to the office once and never stored.

    The old password stops working at once, and so do the user's open sessions (Django ties a
    session to the password hash). A lockout after failed attempts is lifted as well.
    """
    _require_office(actor)
    _require_manageable(user, actor, "重置密码", "不能重置自己的密码，请在「修改密码」中修改。")
    password = generate_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    axes_reset(username=user.get_username())
    audit.record("account.reset_password", actor=actor, obj=user, reason=reason.strip(),
                 kind=AuditRecord.Kind.AUTH)
    return password
