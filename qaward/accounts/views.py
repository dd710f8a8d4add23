"""Sign-in, sign-out, password change and two-factor enrolment.

Audit (kind "auth"): login, logout, totp_verified, totp_failed, totp_enrolled, totp_removed,
password_changed. Failed password attempts are counted by django-axes, not written to the chain,
so guessing at the login form cannot flood the audit trail.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qaward.core import audit
from qaward.core.models import AuditRecord

from . import twofactor
from .forms import LoginForm, StyledPasswordChangeForm, TokenForm

AUTH = AuditRecord.Kind.AUTH


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        auth_login(self.request, user)
        audit.record("login", actor=user, obj=user, kind=AUTH)
        if twofactor.confirmed_device(user) is not None:
            query = urlencode({"next": self.get_success_url()})
            return redirect(f"{reverse('accounts:verify')}?{query}")
        return redirect(self.get_success_url())


class LogoutView(auth_views.LogoutView):
    """POST only (Django's default): a link or an image tag cannot sign anyone out."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit.record("logout", actor=request.user, obj=request.user, kind=AUTH)
        return super().post(request, *args, **kwargs)


def _next_url(request, default: str = "portal:todo") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, require_https=request.is_secure()):
        return candidate
    return reverse(default)


@login_required
def verify(request):
    """Second step of the login: the code from the user's authenticator app."""
    next_url = _next_url(request)
    device = twofactor.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(next_url)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.throttled(device):
            form.add_error("token", _("尝试过于频繁，请稍候片刻再输入。"))
        elif twofactor.verify(request, device, form.cleaned_data["token"]):
            audit.record("totp_verified", actor=request.user, obj=request.user, kind=AUTH)
            return redirect(next_url)
        else:
            form.add_error("token", _("验证码不正确或已过期，请重新输入。"))
    return render(request, "accounts/verify.html", {"form": form, "next": next_url})


@login_required
def two_factor(request):
    """Status page; enrolment for staff without a device; removal for those with one."""
    device = twofactor.confirmed_device(request.user)
    context = {"device": device, "may_enrol": twofactor.may_enrol(request.user)}
    if device is None and context["may_enrol"]:
        pending = twofactor.pending_device(request.user)
        form = TokenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if twofactor.verify(request, pending, form.cleaned_data["token"]):
                pending.confirmed = True
                pending.save(update_fields=["confirmed"])
                audit.record("totp_enrolled", actor=request.user, obj=request.user, kind=AUTH,
                             after={"device": pending.persistent_id})
                messages.success(request, _("两步验证已启用。今后登录时，除密码外还需输入动态验证码。"))
                return redirect("accounts:two_factor")
            form.add_error("token", _("验证码不正确，请确认手机时间准确后重新输入。"))
        context.update(form=form, qr_svg=twofactor.qr_svg(pending), secret=twofactor.secret_text(pending))
    elif device is not None:
        context["remove_form"] = TokenForm()
    return render(request, "accounts/two_factor.html", context)


@login_required
@require_POST
def two_factor_remove(request):
    device = twofactor.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:two_factor")
    form = TokenForm(request.POST)
    if form.is_valid() and not twofactor.throttled(device) and twofactor.verify(
            request, device, form.cleaned_data["token"]):
        device.delete()
        audit.record("totp_removed", actor=request.user, obj=request.user, kind=AUTH)
        messages.success(request, _("两步验证已关闭。"))
        return redirect("accounts:two_factor")
    if form.is_valid():
        form.add_error("token", _("验证码不正确或已过期，两步验证未关闭。"))
    context = {"device": device, "may_enrol": twofactor.may_enrol(request.user), "remove_form": form}
    return render(request, "accounts/two_factor.html", context, status=422)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = StyledPasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record("password_changed", actor=self.request.user, obj=self.request.user, kind=AUTH)
        return response


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
