"""The admin site's titles and sign-in, the audit trail shown read-only, and TOTP devices without secrets.

The trail is append-only: nobody, superusers included, may add, change or delete a record here,
since any edit would break the SM3 chain (verify with `manage.py verify_audit`). The chain head is
internal bookkeeping and not shown at all.

The admin has no login form of its own: its login URL sends the visitor to the site's login page,
so the same failed-attempt lockout (django-axes), audit records and two-factor step apply.
"""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

# Imported first so that its registration exists to be replaced below, whatever the app order.
from django_otp.plugins.otp_totp import admin as _otp_totp_admin  # noqa: F401
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .admin_mixins import AuditedAdminMixin, ReadOnlyAdminMixin, RefusalsAsMessagesMixin
from .models import AuditRecord

admin.site.site_header = _("运城市市长质量奖评选管理系统 · 配置管理")
admin.site.site_title = _("质量奖配置管理")
admin.site.index_title = _("系统配置")


def login_via_site(request, extra_context=None):
    """The admin's login URL: on to the site's login page, and back to the admin page afterwards."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = ""
    next_url = next_url or reverse("admin:index")
    if request.user.is_authenticated:
        # Signed in without admin rights: sending them to the login page again would loop back here.
        if not admin.site.has_permission(request):
            raise PermissionDenied
        return redirect(next_url)
    return redirect_to_login(next_url, reverse("accounts:login"))


admin.site.login = login_via_site


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["sequence", "recorded_at", "kind", "actor_label", "action", "object_type", "object_label"]
    list_display_links = ["sequence", "action"]
    list_filter = ["kind"]
    search_fields = ["action", "actor_label", "object_label", "object_id"]
    date_hierarchy = "recorded_at"
    fields = [
        "sequence", "recorded_at", "kind", "actor", "actor_label", "action", "object_type", "object_id",
        "object_label", "reason", "before", "after", "algorithm", "previous_digest", "digest",
    ]
    list_select_related = ["actor"]
    show_full_result_count = False  # the trail grows without bound; counting it twice per page is waste


# django-otp's own admin shows each device's secret key and its QR code: whoever reads it could
# generate the user's codes. Here a device is listed by owner and state only; deleting one (a user
# who lost the phone) is the only change, and it is audited.
admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(RefusalsAsMessagesMixin, AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__display_name", "name"]
    list_select_related = ["user"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def _audit_action(self, obj, verb: str) -> str:
        return f"admin.totp_device.{verb}"

    def _snapshot(self, obj) -> dict:
        return {"user": obj.user_id, "name": obj.name, "confirmed": obj.confirmed}

    def _record_deletion(self, request, obj) -> None:
        audit.record(self._audit_action(obj, "delete"), actor=request.user, obj=obj.user,
                     before=self._snapshot(obj), kind=AuditRecord.Kind.AUTH)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
