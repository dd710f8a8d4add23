"""Admin for programs, rule documents, editions, rubrics, scoring bands and calendar overrides.

What the workflow owns stays out of reach here: an edition's stage moves only by its transitions
(workflow.py), its plan, call and rubrics only in the stages their services allow, and a rubric is
locked once an edition scoring with it has begun evaluation (rubrics.ensure_editable).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from qaward.core.admin_mixins import AuditedModelAdmin, RefusalsAsMessagesMixin

from . import calendar_overrides
from .models import (
    CalendarOverride,
    Edition,
    EditionApproval,
    EditionStage,
    Program,
    Rubric,
    RubricCategory,
    RubricItem,
    RubricTrack,
    RuleDocument,
    ScoringBand,
)
from .rubrics import ensure_editable, locking_edition

RUBRIC_FIELDS = {"organization_rubric": RubricTrack.ORGANIZATION, "individual_rubric": RubricTrack.INDIVIDUAL}


class RubricChoiceMixin:
    """An organisation rubric field offers organisation rubrics only, and likewise for individuals."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in RUBRIC_FIELDS:
            kwargs["queryset"] = Rubric.objects.filter(track=RUBRIC_FIELDS[db_field.name])
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(RuleDocument)
class RuleDocumentAdmin(AuditedModelAdmin):
    list_display = ["title", "document_number", "issuer", "effective_from", "valid_years", "valid_until"]
    search_fields = ["title", "document_number"]

    @admin.display(description=_("有效期至"))
    def valid_until(self, obj):
        return obj.valid_until


@admin.register(Program)
class ProgramAdmin(RubricChoiceMixin, AuditedModelAdmin):
    list_display = ["name", "code", "level", "issuing_authority", "rule_document", "cycle_years"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    fieldsets = [
        (None, {"fields": ["code", "name", "level", "issuing_authority", "rule_document", "cycle_years"]}),
        (_("名额（第四条）"), {"fields": [
            "quota_award_organizations", "quota_award_individuals",
            "quota_nomination_organizations", "quota_nomination_individuals",
        ]}),
        (_("公示期"), {"fields": [
            "notice_min_workdays", "acceptance_notice_workdays", "internal_publicity_min_workdays",
        ]}),
        (_("人才加分"), {"fields": ["bonus_general_talent", "bonus_senior_talent"]}),
        (_("申报材料字数上限"), {"fields": ["profile_max_chars", "self_assessment_max_chars"]}),
        (_("申报条件年限"), {"fields": [
            "organization_min_years", "accident_lookback_years", "person_min_quality_years",
            "winner_cooldown_editions", "revocation_ban_editions",
        ]}),
        (_("默认评分标准"), {"fields": ["organization_rubric", "individual_rubric"]}),
    ]


# --- editions -------------------------------------------------------------------------------------

# The stages in which each group of fields may still change, as the services allow (services.py).
EDITABLE_IN = {
    "plan": {EditionStage.PREPARING},
    "criteria": {EditionStage.PREPARING},
    "organization_rubric": {EditionStage.PREPARING, EditionStage.APPROVED},
    "individual_rubric": {EditionStage.PREPARING, EditionStage.APPROVED},
}
# Set by create_edition, publish_call and the stage transitions; never edited by hand.
ALWAYS_READ_ONLY = [
    "program", "number", "year", "stage", "is_historical", "call_title", "call_text", "call_published_on",
    "application_deadline", "decided_on", "decision_document", "created_at",
]


class EditionApprovalInline(admin.TabularInline):
    # Saved and audited by EditionAdmin.save_formset; 第四条 approvals are recorded while preparing.
    model = EditionApproval
    extra = 0
    fields = ["kind", "authority", "document_number", "approved_on"]

    def _preparing(self, obj) -> bool:
        return obj is not None and obj.stage == EditionStage.PREPARING

    def has_add_permission(self, request, obj=None):
        return self._preparing(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._preparing(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._preparing(obj) and super().has_delete_permission(request, obj)


@admin.register(Edition)
class EditionAdmin(RubricChoiceMixin, AuditedModelAdmin):
    list_display = ["title", "program", "number", "year", "stage", "is_historical"]
    list_display_links = ["title"]
    list_filter = ["program", "stage", "is_historical"]
    search_fields = ["title"]
    list_select_related = ["program"]
    fieldsets = [
        (None, {"fields": ["program", "number", "year", "title", "stage", "is_historical", "created_at"]}),
        (_("评选方案与标准"), {"fields": ["plan", "criteria", "organization_rubric", "individual_rubric"]}),
        (_("申报通知"), {"fields": ["call_title", "call_text", "call_published_on", "application_deadline"]}),
        (_("表彰决定"), {"fields": ["decided_on", "decision_document"]}),
    ]
    inlines = [EditionApprovalInline]

    def get_readonly_fields(self, request, obj=None):
        locked = [name for name, stages in EDITABLE_IN.items() if obj is None or obj.stage not in stages]
        return [*ALWAYS_READ_ONLY, *locked]

    # Editions are created on the office's edition page (create_edition checks the cycle, 第四条) and are
    # never deleted: applications, notices and the audit trail refer to them.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- rubrics --------------------------------------------------------------------------------------

def _lock_and_check(*rubrics: Rubric) -> None:
    """Raise unless every rubric is still editable; the row lock keeps an edit and a stage change apart."""
    for rubric in {r.pk: r for r in rubrics if r is not None and r.pk is not None}.values():
        ensure_editable(Rubric.objects.select_for_update().get(pk=rubric.pk))


def _unverify(rubric: Rubric) -> None:
    # A changed split is no longer the one the office confirmed (as rubrics.update_item_points does).
    Rubric.objects.filter(pk=rubric.pk, verified=True).update(verified=False)


class LockStatusMixin:
    @admin.display(description=_("锁定状态"))
    def lock_status(self, obj):
        rubric = obj if isinstance(obj, Rubric) else obj.category.rubric
        edition = locking_edition(rubric) if rubric.pk else None
        return _("可修改") if edition is None else _("已锁定：%(edition)s 已进入评审") % {"edition": edition}


class RubricCategoryInline(admin.TabularInline):
    # Saved and audited by RubricAdmin.save_formset, after its lock check.
    model = RubricCategory
    extra = 0
    fields = ["order", "code", "name", "points", "is_results", "items_total"]
    readonly_fields = ["items_total"]
    show_change_link = True

    @admin.display(description=_("条目合计"))
    def items_total(self, obj):
        return sum(item.points for item in obj.items.all()) if obj.pk else "—"


@admin.register(Rubric)
class RubricAdmin(LockStatusMixin, AuditedModelAdmin):
    list_display = ["name", "code", "track", "standard", "total_points", "verified", "lock_status"]
    list_filter = ["track", "verified"]
    search_fields = ["name", "code"]
    # `verified` is set only by rubrics.mark_verified, which first checks that the points add up.
    readonly_fields = ["verified", "lock_status"]
    fields = ["code", "name", "standard", "track", "total_points", "verified", "lock_status"]
    inlines = [RubricCategoryInline]

    def save_model(self, request, obj, form, change):
        if change and form.has_changed():
            _lock_and_check(obj)
        super().save_model(request, obj, form, change)
        if change and "total_points" in form.changed_data:
            _unverify(obj)

    def save_formset(self, request, form, formset, change):
        if change and formset.has_changed():
            _lock_and_check(form.instance)
        super().save_formset(request, form, formset, change)
        if change and formset.has_changed():
            _unverify(form.instance)

    def delete_model(self, request, obj):
        _lock_and_check(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        _lock_and_check(*queryset)
        super().delete_queryset(request, queryset)


@admin.register(RubricItem)
class RubricItemAdmin(LockStatusMixin, AuditedModelAdmin):
    list_display = ["code", "name", "points", "kind", "category", "rubric", "lock_status"]
    list_filter = ["category__rubric", "kind"]
    search_fields = ["code", "name", "category__name"]
    list_select_related = ["category__rubric"]
    readonly_fields = ["lock_status"]
    ordering = ["category__rubric", "category__order", "order"]

    @admin.display(description=_("评分标准"), ordering="category__rubric")
    def rubric(self, obj):
        return obj.category.rubric

    def get_readonly_fields(self, request, obj=None):
        # The lock status of an item not yet saved depends on the category still to be chosen.
        return self.readonly_fields if obj is not None else []

    def _affected_rubrics(self, obj, form, change) -> list[Rubric]:
        rubrics = [obj.category.rubric]
        if change and "category" in form.changed_data:
            rubrics.append(RubricItem.objects.select_related("category__rubric").get(pk=obj.pk).category.rubric)
        return rubrics

    def save_model(self, request, obj, form, change):
        if not form.has_changed():
            return super().save_model(request, obj, form, change)
        rubrics = self._affected_rubrics(obj, form, change)
        _lock_and_check(*rubrics)
        super().save_model(request, obj, form, change)
        for rubric in rubrics:
            _unverify(rubric)

    def delete_model(self, request, obj):
        _lock_and_check(obj.category.rubric)
        super().delete_model(request, obj)
        _unverify(obj.category.rubric)

    def delete_queryset(self, request, queryset):
        rubrics = [item.category.rubric for item in queryset.select_related("category__rubric")]
        _lock_and_check(*rubrics)
        super().delete_queryset(request, queryset)
        for rubric in rubrics:
            _unverify(rubric)


@admin.register(ScoringBand)
class ScoringBandAdmin(AuditedModelAdmin):
    list_display = ["order", "min_percent", "max_percent"]
    ordering = ["order"]


# --- calendar -------------------------------------------------------------------------------------

@admin.register(CalendarOverride)
class CalendarOverrideAdmin(RefusalsAsMessagesMixin, admin.ModelAdmin):
    """Saves and deletes go through calendar_overrides, which checks the office role and audits."""

    list_display = ["date", "is_workday", "note", "created_by", "created_at"]
    list_filter = ["is_workday"]
    search_fields = ["note"]
    date_hierarchy = "date"
    fields = ["date", "is_workday", "note", "created_by", "created_at"]

    def get_readonly_fields(self, request, obj=None):
        # Moving an override to another date is a deletion plus a new override, not an edit.
        return ["created_by", "created_at"] if obj is None else ["date", "created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        saved = calendar_overrides.set_override(request.user, obj.date, is_workday=obj.is_workday,
                                                note=obj.note)
        obj.pk = saved.pk
        obj.refresh_from_db()

    def delete_model(self, request, obj):
        calendar_overrides.delete_override(request.user, obj)

    def delete_queryset(self, request, queryset):
        for override in queryset:
            calendar_overrides.delete_override(request.user, override)
