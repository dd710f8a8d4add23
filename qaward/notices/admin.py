"""Notices, their entries and objections, shown read-only for reference.

Notices are published, withdrawn and their entries removed only through services.py, and objections
handled only through objections.py, so that each step is checked and audited. The objector's identity
never appears here: 第二十八条 keeps it for the supervision group alone, which reads it on its own page
(every reading audited), so the identity fields are left out of every admin form and list.
"""

from django.contrib import admin

from qaward.core.admin_mixins import ReadOnlyAdminMixin

from .models import NoticeEntry, Objection, PublicNotice

OBJECTOR_IDENTITY_FIELDS = ("objector_name", "objector_phone", "objector_id_number", "objector_unit")


class NoticeEntryInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = NoticeEntry
    fields = ["position", "name", "unit", "region", "track", "level", "note", "removed_at"]
    show_change_link = True


@admin.register(PublicNotice)
class PublicNoticeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "edition", "kind", "scope", "start", "end", "workdays", "withdrawn_at"]
    list_filter = ["kind", "scope", "edition"]
    search_fields = ["title", "document_number"]
    date_hierarchy = "start"
    list_select_related = ["edition"]
    inlines = [NoticeEntryInline]


@admin.register(NoticeEntry)
class NoticeEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["name", "position", "notice", "track", "level", "region", "removed_at"]
    list_filter = ["track", "level", "notice__kind"]
    search_fields = ["name", "unit"]
    list_select_related = ["notice"]
    fields = ["notice", "position", "name", "unit", "region", "track", "level", "note", "subject_type",
              "subject_id", "removed_at", "removal_reason"]


@admin.register(Objection)
class ObjectionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["tracking_code", "notice", "entry", "status", "is_anonymous", "filed_at", "decided_at"]
    list_filter = ["status", "is_anonymous"]
    search_fields = ["tracking_code"]
    list_select_related = ["notice", "entry"]
    # An explicit list, so a field added to the model later stays hidden until someone decides.
    fields = ["tracking_code", "notice", "entry", "status", "is_anonymous", "content", "filed_at", "findings",
              "investigated_by", "investigated_at", "decision_reason", "public_reply", "decided_by",
              "decided_at"]
    exclude = OBJECTOR_IDENTITY_FIELDS
