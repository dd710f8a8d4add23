"""Applicants and their profiles shown read-only; honours, accidents and violations kept by an administrator.

An applicant's declared facts change only through services.update_profile, which freezes them while
an application is under review (第十六条), so the admin shows them for reference. Personal data stays
minimal here (PIPL): contact phones are masked, and an individual's ID number never reaches a form,
a list or a search — only its masked form is shown; the office reads the full number on its own
page, each reading audited. ``fields`` is an explicit list on every page, so a field added to a model
later stays hidden until someone decides.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from qaward.core.admin_mixins import AuditedModelAdmin, ReadOnlyAdminMixin
from qaward.core.masking import mask_phone

from .models import AccidentRecord, Applicant, Honour, OrganizationProfile, PersonProfile, ViolationRecord


@admin.register(Applicant)
class ApplicantAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "organization", "industry_code", "contact_name", "contact_phone_masked",
                    "created_at"]
    list_filter = ["kind", "organization__division"]
    # Not the phone: the list shows it masked, and a search would reveal it.
    search_fields = ["name", "organization__name"]
    list_select_related = ["organization"]
    date_hierarchy = "created_at"
    fields = ["kind", "name", "organization", "user", "industry_code", "contact_name", "contact_phone_masked",
              "address", "created_at", "created_by"]

    @admin.display(description=_("联系电话"))
    def contact_phone_masked(self, obj):
        return mask_phone(obj.contact_phone)


@admin.register(OrganizationProfile)
class OrganizationProfileAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["applicant", "credit_code", "legal_representative", "established_on", "employees"]
    search_fields = ["applicant__name", "credit_code"]
    list_select_related = ["applicant"]
    fields = ["applicant", "credit_code", "legal_representative", "established_on", "employees", "figures_year",
              "revenue", "revenue_rank", "profit_tax", "profit_tax_rank", "asset_contribution_rate",
              "asset_contribution_rank", "social_contribution"]


@admin.register(PersonProfile)
class PersonProfileAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["applicant", "id_number_masked", "position", "quality_work_since", "conduct_declared"]
    search_fields = ["applicant__name"]
    list_select_related = ["applicant"]
    fields = ["applicant", "id_number_masked", "position", "quality_work_since", "conduct_declared",
              "conduct_declared_at"]
    exclude = ["id_number"]

    @admin.display(description=_("身份证号"))
    def id_number_masked(self, obj):
        return obj.masked_id_number


class ConductRecordAdmin(AuditedModelAdmin):
    """The administrator who enters a record is its recorder, as when the office enters one on its page."""

    autocomplete_fields = ["applicant"]
    readonly_fields = ["recorded_by", "recorded_at"]
    list_select_related = ["applicant"]
    search_fields = ["applicant__name"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Honour)
class HonourAdmin(ConductRecordAdmin):
    list_display = ["applicant", "year", "level", "title", "conferred_by"]
    list_filter = ["level"]
    search_fields = ["applicant__name", "title"]
    fields = ["applicant", "level", "title", "conferred_by", "year", "recorded_by", "recorded_at"]


@admin.register(AccidentRecord)
class AccidentRecordAdmin(ConductRecordAdmin):
    list_display = ["applicant", "occurred_on", "kind", "is_major"]
    list_filter = ["kind", "is_major"]
    date_hierarchy = "occurred_on"
    fields = ["applicant", "occurred_on", "kind", "is_major", "description", "recorded_by", "recorded_at"]


@admin.register(ViolationRecord)
class ViolationRecordAdmin(ConductRecordAdmin):
    list_display = ["applicant", "occurred_on", "kind", "authority"]
    list_filter = ["kind"]
    date_hierarchy = "occurred_on"
    fields = ["applicant", "occurred_on", "kind", "authority", "description", "recorded_by", "recorded_at"]
