"""Token login, logout and the caller's own identity."""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django_otp import devices_for_user, match_token
from ninja import Router, Status

from qaward.core.errors import DomainError

from . import services
from .errors import problem, problem_response
from .schemas import MeOut, Problem, TokenIn, TokenOut

router = Router(tags=["认证"])


def _locked_out(request: HttpRequest) -> HttpResponse | None:
    """Answer a client that django-axes has locked out, in problem+json.

    Axes flags the request and its middleware would replace our answer with the HTML lockout
    page; clearing the flag keeps the API's error format while the lockout itself still holds.
    """
    if not getattr(request, "axes_locked_out", False):
        return None
    request.axes_locked_out = False
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    detail = "登录失败次数过多，已暂时禁止登录" + (f"，请{minutes}分钟后再试。" if minutes else "，请联系管理员。")
    headers = {"Retry-After": str(int(cool_off.total_seconds()))} if cool_off else None
    return problem_response(problem(429, detail, code="locked_out"), headers=headers)


def _refuse(detail: str, code: str) -> DomainError:
    return DomainError(detail, code=code, title="认证失败", status=401)


@router.post("/auth/token", auth=None, response={200: TokenOut, 401: Problem, 422: Problem, 429: Problem},
             summary="用用户名和密码换取接口令牌")
def issue_token(request: HttpRequest, payload: TokenIn, response: HttpResponse):
    """启用了双因素认证的账户须同时提交 `otp`。连续失败会被暂时锁定（返回 429）。"""
    # Through django.contrib.auth so django-axes counts failures and refuses locked-out clients.
    user = authenticate(request=request, username=payload.username, password=payload.password)
    if (locked := _locked_out(request)) is not None:
        return locked
    if user is None:
        raise _refuse("用户名或密码不正确。", "invalid_credentials")
    if any(True for _ in devices_for_user(user, confirmed=True)):
        if not payload.otp:
            raise _refuse("该账户已启用双因素认证，请同时提交动态口令（otp）。", "otp_required")
        if match_token(user, payload.otp) is None:
            # A wrong one-time password is a failed login too, so axes throttles guessing.
            user_login_failed.send(sender=__name__, credentials={"username": payload.username},
                                   request=request)
            if (locked := _locked_out(request)) is not None:
                return locked
            raise _refuse("动态口令不正确或已过期。", "otp_invalid")
    if settings.AXES_ENABLED:
        # What a session login gets from the user_logged_in signal: the access log and the reset
        # of the failure count (the signal itself would also touch the session, which we lack).
        AxesProxyHandler.user_logged_in(sender=__name__, request=request, user=user)
    token, key = services.issue_token(user)
    # RFC 6749 §5.1: a response carrying a credential must not be cached.
    response["Cache-Control"] = "no-store"
    return Status(200, TokenOut(token=key, expires_at=token.expires_at, token_type="Bearer"))


@router.delete("/auth/token", response={204: None, 400: Problem, 401: Problem}, summary="撤销当前接口令牌")
def revoke_token(request: HttpRequest):
    token = getattr(request, "api_token", None)
    if token is None:
        raise DomainError("当前请求未使用接口令牌，没有可撤销的令牌。", code="no_token", status=400)
    services.revoke_token(token, actor=request.auth)
    return Status(204, None)


@router.get("/me", response={200: MeOut, 401: Problem}, summary="当前用户及其角色")
def me(request: HttpRequest):
    user = request.auth
    grants = user.role_grants.filter(is_active=True).select_related("organization").order_by("role", "pk")
    return {
        "id": user.pk,
        "username": user.get_username(),
        "display_name": user.display_name or user.get_username(),
        "roles": [
            {"role": g.role, "role_label": str(g.get_role_display()),
             "organization": {"id": g.organization_id, "name": g.organization.name}}
            for g in grants
        ],
    }
