"""The admin site's titles, and the audit trail shown read-only.

The trail is append-only: nobody, superusers included, may add, change or delete a record here,
since any edit would break the SM3 chain (verify with `manage.py verify_audit`). The chain head is
internal bookkeeping and not shown at all.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_mixins import ReadOnlyAdminMixin
from .models import AuditRecord

admin.site.site_header = _("运城市市长质量奖评选管理系统 · 配置管理")
admin.site.site_title = _("质量奖配置管理")
admin.site.index_title = _("系统配置")


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
