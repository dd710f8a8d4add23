"""TOTP two-factor login for staff (django-otp): enrolment, verification and the login gate."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import quote, urlencode

import segno
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from qaward.core import audit
from qaward.core.models import AuditRecord

from .enums import STAFF_ROLES

ISSUER = "运城市市长质量奖"
DEVICE_NAME = "authenticator"


def may_enrol(user) -> bool:
    return user.is_authenticated and bool(user.role_codes() & STAFF_ROLES)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled; kept across page loads so the QR code stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def needs_second_step(user) -> bool:
    """Signed in with a password, holds a confirmed device, has not yet given a code this session."""
    if not user.is_authenticated or user.is_verified():
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def secret_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(device: TOTPDevice) -> str:
    """otpauth:// URI (Key Uri Format) that authenticator apps read from the QR code."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    label = quote(f"{ISSUER}:{device.user.get_username()}", safe="")
    params = urlencode({"secret": secret, "issuer": ISSUER, "algorithm": "SHA1", "digits": device.digits,
                        "period": device.step}, quote_via=quote)
    return f"otpauth://totp/{label}?{params}"


def qr_svg(device: TOTPDevice) -> str:
    """Inline SVG of the provisioning URI: no image service, no external request."""
    svg = segno.make(provisioning_uri(device), error="m").svg_inline(
        scale=5, border=2, dark="#10263f", title=_("两步验证绑定二维码"), svgclass="totp-qr", omitsize=True,
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def verify(request, device: TOTPDevice, token: str) -> bool:
    """Check a code for the signed-in user; on success mark the session verified."""
    token = (token or "").strip().replace(" ", "")
    if device.verify_token(token):
        otp_login(request, device)
        return True
    audit.record("totp_failed", actor=request.user, obj=request.user, kind=AuditRecord.Kind.AUTH)
    return False


def throttled(device: TOTPDevice) -> bool:
    allowed, _details = device.verify_is_allowed()
    return not allowed


class TwoFactorRequiredMiddleware:
    """An enrolled user who has not passed the second step can only reach the code page.

    This also covers password-only logins that bypass our login view (the admin's), and other
    sessions of a user who enrols later. Bearer-token API calls carry no session user and pass.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        # Read by the page shell, which shows such a user no menus: every page but this one is closed.
        request.needs_second_step = user is not None and needs_second_step(user)
        if request.needs_second_step and not self._exempt(request.path_info):
            if request.path_info.startswith("/api/"):
                return JsonResponse(
                    {"type": "urn:qaward:problem:otp_required", "title": "需要完成两步验证",
                     "status": 401, "detail": "请先在网页上输入动态验证码完成登录。", "code": "otp_required"},
                    status=401, content_type="application/problem+json",
                )
            return redirect_to_login(request.get_full_path(), reverse("accounts:verify"))
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = (reverse("accounts:verify"), reverse("accounts:logout"), reverse("set_language"),
                   settings.STATIC_URL)
        return path.startswith(allowed)
