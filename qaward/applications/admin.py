"""Applications and everything that hangs off them, shown read-only for reference.

An application's state moves only through its transitions (workflow.py), and its materials are what
the receiving department audited (第十六条): editing either here would leave the record and the audit
trail telling different stories, so nothing in this app is added, changed or deleted in the admin.
Files are not linked: attachments marked as trade secrets (第十七条) are opened only on the
application's pages, where each opening is audited. Contact phones are shown masked.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from qaward.core.admin_mixins import ReadOnlyAdminMixin
from qaward.core.masking import mask_phone

from .models import (
    Application,
    ApplicationEvent,
    Attachment,
    AwardRecord,
    Notification,
    OpinionRequest,
    OutboxEmail,
    PublicityRecord,
    TalentRecord,
)

# The file itself is left out of every attachment page and inline.
ATTACHMENT_FIELDS = ["application", "kind", "original_name", "file_type", "size", "sha256", "trade_secret",
                     "description", "uploaded_by", "uploaded_at"]


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass


class ApplicationEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ApplicationEvent
    fields = ["created_at", "round", "stage", "action", "from_state", "to_state", "actor", "organization", "reason"]
    extra = 0


class AttachmentInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Attachment
    fields = ["kind", "original_name", "file_type", "size", "trade_secret", "uploaded_at"]
    extra = 0
    show_change_link = True


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ["reference_label", "applicant", "edition", "state", "receiver", "recommender", "round",
                    "submitted_at"]
    list_filter = ["state", "edition", "applicant__kind"]
    search_fields = ["applicant__name", "contact_name"]
    list_select_related = ["applicant", "edition", "receiver", "recommender"]
    date_hierarchy = "created_at"
    fieldsets = [
        (None, {"fields": ["reference_label", "edition", "applicant", "state", "round", "receiver", "recommender",
                           "proposed_level"]}),
        (_("联系人"), {"fields": ["contact_name", "contact_phone_masked", "contact_email"]}),
        (_("申报材料"), {"fields": ["profile", "quality_mode_summary", "self_assessment"]}),
        (_("承诺与声明"), {"fields": ["commitment_signed_by", "commitment_signed_at", "no_state_secret_declared"]}),
        (_("时间"), {"fields": ["created_at", "created_by", "submitted_at", "accepted_at", "updated_at"]}),
    ]
    inlines = [ApplicationEventInline, AttachmentInline]

    @admin.display(description=_("申报编号"), ordering="pk")
    def reference_label(self, obj):
        return obj.reference

    @admin.display(description=_("联系电话"))
    def contact_phone_masked(self, obj):
        return mask_phone(obj.contact_phone)


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(ReadOnlyAdmin):
    list_display = ["application", "created_at", "round", "stage", "action", "from_state", "to_state", "actor"]
    list_filter = ["stage", "to_state"]
    search_fields = ["application__applicant__name", "action"]
    list_select_related = ["application__applicant", "application__edition", "actor"]
    date_hierarchy = "created_at"
    fields = ["application", "created_at", "round", "stage", "action", "from_state", "to_state", "actor",
              "organization", "reason", "checks"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "application", "kind", "file_type", "size", "trade_secret", "uploaded_at"]
    list_filter = ["kind", "trade_secret"]
    search_fields = ["original_name", "application__applicant__name", "sha256"]
    list_select_related = ["application__applicant", "application__edition"]
    fields = ATTACHMENT_FIELDS


@admin.register(TalentRecord)
class TalentRecordAdmin(ReadOnlyAdmin):
    list_display = ["name", "application", "level", "introduced_on", "status", "verified_at"]
    list_filter = ["level", "status"]
    search_fields = ["name", "application__applicant__name"]
    list_select_related = ["application__applicant", "application__edition"]
    fields = ["application", "name", "level", "title", "field", "introduced_on", "evidence", "status",
              "verified_by", "verified_at", "verification_note"]


@admin.register(PublicityRecord)
class PublicityRecordAdmin(ReadOnlyAdmin):
    list_display = ["application", "start_on", "end_on", "result", "recorded_at"]
    list_filter = ["result"]
    list_select_related = ["application__applicant", "application__edition"]
    fields = ["application", "start_on", "end_on", "scope", "result", "result_note", "evidence", "recorded_at"]


@admin.register(OpinionRequest)
class OpinionRequestAdmin(ReadOnlyAdmin):
    list_display = ["application", "department", "requested_on", "answered_on", "has_objection"]
    list_filter = ["has_objection", "department"]
    search_fields = ["application__applicant__name", "department__name"]
    list_select_related = ["application__applicant", "application__edition", "department"]
    fields = ["application", "department", "request_text", "requested_on", "answered_on", "answer_text",
              "has_objection", "recorded_by", "created_at"]


@admin.register(AwardRecord)
class AwardRecordAdmin(ReadOnlyAdmin):
    list_display = ["applicant", "edition", "level", "revoked_on", "recorded_at"]
    list_filter = ["level", "edition"]
    search_fields = ["applicant__name"]
    list_select_related = ["applicant", "edition"]
    fields = ["edition", "applicant", "level", "application", "revoked_on", "revocation_note", "recorded_by",
              "recorded_at"]


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ["title", "recipient", "created_at", "read_at"]
    search_fields = ["title", "recipient__username"]
    list_select_related = ["recipient"]
    date_hierarchy = "created_at"
    fields = ["recipient", "application", "title", "body", "url", "created_at", "read_at"]


@admin.register(OutboxEmail)
class OutboxEmailAdmin(ReadOnlyAdmin):
    list_display = ["subject", "to_address", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "to_address"]
    date_hierarchy = "created_at"
    fields = ["to_address", "subject", "body", "status", "attempts", "error", "notification", "created_at",
              "sent_at"]
