"""The office's pages for department staff accounts (issue #3: departments' users are created by the office).

Every change goes through services.py. A one-time password is rendered into the response that
created it and nowhere else — not into a message, the session or the audit trail — and that
response is never cached.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from qaward.core import audit
from qaward.core.exports import xlsx_response
from qaward.core.models import AuditRecord
from qaward.core.web import domain_errors

from . import services
from .forms import DepartmentUserForm, GrantForm, ReasonForm, UserFilterForm
from .models import RoleGrant, User
from .rules import is_office

PER_PAGE = 50
HISTORY_LENGTH = 20


def _require_office(request) -> None:
    if not is_office(request.user):
        raise PermissionDenied


def _users():
    active = RoleGrant.objects.filter(is_active=True).select_related("organization__division").order_by("role")
    return User.objects.prefetch_related(Prefetch("role_grants", queryset=active, to_attr="active_grants")) \
        .order_by("username")


def _grants_text(user: User) -> str:
    return "；".join(f"{g.get_role_display()}（{g.organization.name}）" for g in user.active_grants)


@login_required
def user_list(request):
    _require_office(request)
    form = UserFilterForm(request.GET or None)
    page = Paginator(form.filter(_users()), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "accounts/user_list.html", {
        "form": form, "page": page, "query": query.urlencode(), "filtered": bool(form.applied()),
    })


@login_required
def user_export(request):
    _require_office(request)
    form = UserFilterForm(request.GET or None)
    users = list(form.filter(_users()))
    headers = [_("用户名"), _("姓名"), _("手机号码"), _("电子邮箱"), _("角色与所在组织"), _("状态"), _("开设时间"),
               _("最近登录")]
    rows = [[u.username, u.display_name, u.masked_phone, u.email, _grants_text(u),
             _("使用中") if u.is_active else _("已停用"), _local(u.date_joined), _local(u.last_login)]
            for u in users]
    # A list of names and e-mail addresses leaving the system is personal data (PIPL): note who took it.
    audit.record_read("account.export_users", actor=request.user,
                      after={"filters": form.applied(), "rows": len(rows)})
    return xlsx_response(f"账号列表{timezone.localdate():%Y%m%d}.xlsx", _("账号"), headers, rows)


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


@never_cache
@login_required
def user_create(request):
    _require_office(request)
    form = DepartmentUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            user, password = services.create_department_user(
                request.user, data["username"], data["display_name"], data["phone"], data["email"],
                data["organization"], data["roles"],
            )
        if outcome.ok:
            return _password_page(request, user, password, created=True)
        return render(request, "accounts/user_form.html", {"form": form}, status=outcome.status)
    return render(request, "accounts/user_form.html", {"form": form}, status=422 if form.is_bound else 200)


def _password_page(request, user: User, password: str, *, created: bool):
    return render(request, "accounts/password_issued.html", {"account": user, "password": password,
                                                             "created": created})


def _account(pk: int) -> User:
    return get_object_or_404(User, pk=pk)


def _detail(request, account: User, *, status: int = 200, grant_form: GrantForm | None = None):
    grants = account.role_grants.select_related("organization__division").order_by("-is_active", "role")
    history = AuditRecord.objects.filter(object_type=User._meta.label_lower, object_id=str(account.pk)) \
        .order_by("-sequence")[:HISTORY_LENGTH]
    return render(request, "accounts/user_detail.html", {
        "account": account, "grants": grants, "history": history,
        "grant_form": grant_form or GrantForm(), "reason_form": ReasonForm(),
        "manageable": not (account.is_superuser or account.is_staff) and account.pk != request.user.pk,
    }, status=status)


@login_required
def user_detail(request, pk: int):
    _require_office(request)
    return _detail(request, _account(pk))


@login_required
@require_POST
def grant_add(request, pk: int):
    _require_office(request)
    account = _account(pk)
    form = GrantForm(request.POST)
    if not form.is_valid():
        return _detail(request, account, status=422, grant_form=form)
    with domain_errors(request, form=form) as outcome:
        grant = services.grant_role(request.user, account, form.cleaned_data["role"],
                                    form.cleaned_data["organization"])
    if outcome.failed:
        return _detail(request, account, status=outcome.status, grant_form=form)
    messages.success(request, _("已授予「%(grant)s」。") % {"grant": f"{grant.get_role_display()} · {grant.organization}"})
    return redirect("accounts:user_detail", pk=account.pk)


@login_required
@require_POST
def grant_revoke(request, pk: int, grant_pk: int):
    _require_office(request)
    grant = get_object_or_404(RoleGrant.objects.select_related("user", "organization"), pk=grant_pk, user_id=pk)
    with domain_errors(request) as outcome:
        services.revoke_role(request.user, grant, _reason(request))
    if outcome.ok:
        messages.success(request, _("已撤销「%(grant)s」。") % {
            "grant": f"{grant.get_role_display()} · {grant.organization}"})
    return redirect("accounts:user_detail", pk=pk)


def _reason(request) -> str:
    form = ReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


@login_required
@require_POST
def user_deactivate(request, pk: int):
    _require_office(request)
    account = _account(pk)
    with domain_errors(request) as outcome:
        services.deactivate_user(request.user, account, _reason(request))
    if outcome.ok:
        messages.success(request, _("「%(user)s」的账号已停用，不能再登录。") % {"user": account})
    return redirect("accounts:user_detail", pk=pk)


@login_required
@require_POST
def user_reactivate(request, pk: int):
    _require_office(request)
    account = _account(pk)
    with domain_errors(request) as outcome:
        services.reactivate_user(request.user, account, _reason(request))
    if outcome.ok:
        messages.success(request, _("「%(user)s」的账号已恢复使用。") % {"user": account})
    return redirect("accounts:user_detail", pk=pk)


@never_cache
@login_required
@require_POST
def user_reset_password(request, pk: int):
    _require_office(request)
    account = _account(pk)
    with domain_errors(request) as outcome:
        password = services.reset_password(request.user, account, _reason(request))
    if outcome.failed:
        return redirect("accounts:user_detail", pk=pk)
    return _password_page(request, account, password, created=False)
