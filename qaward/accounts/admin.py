"""Admin for divisions, organisations, users and their role grants, and API tokens.

API tokens are never edited: an administrator sees which exist and may delete one, which revokes it
through the same service as the API (the key itself is not stored, only its hash, never shown).
"""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.api.services import revoke_token
from qaward.core import audit
from qaward.core.admin_mixins import AuditedAdminMixin, AuditedModelAdmin, RefusalsAsMessagesMixin
from qaward.core.errors import DomainError
from qaward.core.models import AuditRecord

from .models import ApiToken, Division, Organization, RoleGrant, User
from .services import check_role_fits


@admin.register(Division)
class DivisionAdmin(AuditedModelAdmin):
    list_display = ["code", "name", "kind", "order"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]
    ordering = ["order", "code"]


@admin.register(Organization)
class OrganizationAdmin(AuditedModelAdmin):
    list_display = ["name", "short_name", "kind", "department_type", "division", "consultation_area", "is_active"]
    list_filter = ["kind", "department_type", "division", "is_active"]
    search_fields = ["name", "short_name", "industry_codes"]
    list_select_related = ["division"]


class RoleGrantAdminForm(forms.ModelForm):
    """A new or moved grant must fit the organisation, as on the office's pages (services.check_role_fits)."""

    class Meta:
        model = RoleGrant
        fields = ["user", "role", "organization", "is_active", "granted_at"]

    def clean(self):
        cleaned = super().clean()
        role, organization = cleaned.get("role"), cleaned.get("organization")
        moved = self.instance.pk is None or {"role", "organization"} & set(self.changed_data)
        if role and organization and moved:
            try:
                check_role_fits(role, organization)
            except DomainError as error:
                raise forms.ValidationError(error.detail) from error
        return cleaned


class RoleGrantInline(admin.TabularInline):
    # Saved and audited by UserAdmin.save_formset.
    model = RoleGrant
    form = RoleGrantAdminForm
    extra = 0
    fields = ["role", "organization", "is_active", "granted_at"]
    autocomplete_fields = ["organization"]


@admin.register(User)
class UserAdmin(RefusalsAsMessagesMixin, AuditedAdminMixin, DjangoUserAdmin):
    audit_redacted_fields = ("password", "phone")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("个人信息"), {"fields": ("display_name", "phone", "email")}),
        *DjangoUserAdmin.fieldsets[2:],
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("个人信息"), {"classes": ("wide",), "fields": ("display_name", "phone", "email")}),
    )
    list_display = ["username", "display_name", "phone_masked", "email", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "role_grants__role"]
    # Phone numbers are not searchable: the list shows them masked, and a search would reveal them.
    search_fields = ["username", "display_name", "email"]
    ordering = ["username"]
    inlines = [RoleGrantInline]

    @admin.display(description=_("手机号码"))
    def phone_masked(self, obj):
        return obj.masked_phone

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            audit.record("admin.accounts.user.set_password", actor=request.user, obj=user,
                         kind=AuditRecord.Kind.AUTH)
        return response


@admin.register(RoleGrant)
class RoleGrantAdmin(AuditedModelAdmin):
    form = RoleGrantAdminForm
    list_display = ["user", "role", "organization", "is_active", "granted_at"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__username", "user__display_name", "organization__name"]
    autocomplete_fields = ["user", "organization"]
    list_select_related = ["user", "organization"]
    date_hierarchy = "granted_at"


@admin.register(ApiToken)
class ApiTokenAdmin(RefusalsAsMessagesMixin, admin.ModelAdmin):
    list_display = ["key_prefix", "owner", "issued", "expires", "last_used", "state"]
    fields = ["key_prefix", "owner", "issued", "expires", "last_used", "state"]
    readonly_fields = fields
    search_fields = ["prefix", "user__username", "user__display_name"]
    list_select_related = ["user"]
    ordering = ["-created_at"]

    @admin.display(description=_("令牌前缀"), ordering="prefix")
    def key_prefix(self, obj):
        return f"{obj.prefix}…"

    @admin.display(description=_("用户"), ordering="user__username")
    def owner(self, obj):
        return obj.user

    @admin.display(description=_("签发时间"), ordering="created_at")
    def issued(self, obj):
        return obj.created_at

    @admin.display(description=_("到期时间"), ordering="expires_at")
    def expires(self, obj):
        return obj.expires_at

    @admin.display(description=_("最近使用"), ordering="last_used_at")
    def last_used(self, obj):
        return obj.last_used_at

    @admin.display(description=_("状态"))
    def state(self, obj):
        return _("有效") if obj.expires_at > timezone.now() else _("已过期")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        revoke_token(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for token in queryset:
            revoke_token(token, actor=request.user)
