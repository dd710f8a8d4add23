"""What every app's Django admin shares, so that the admin is no back door around the domain.

The admin edits configuration the services do not cover (quotas, rule documents, organisations);
an edit there must leave the same trace a service would (an audit record), and a refusal by a
domain check must undo the whole request and reach the user as a message, not as a 500.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import models, transaction
from django.http import HttpResponseRedirect

from . import audit
from .web import domain_errors

REDACTED = "（不记录）"


def _plain(value):
    """A form value as the audit record stores it: related objects by primary key."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (models.QuerySet, list, tuple, set)):
        return [_plain(item) for item in value]
    return value


class RefusalsAsMessagesMixin:
    """A DomainError raised by a save or delete rolls the request back and shows as an error message.

    The redirect re-opens the same page by GET, so nothing of the refused POST survives.
    """

    def _refusing(self, request, view, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        with domain_errors(request) as outcome, transaction.atomic():
            response = view(request, *args, **kwargs)
        if outcome.failed:
            return HttpResponseRedirect(request.get_full_path())
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._refusing(request, super().changeform_view, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        return self._refusing(request, super().delete_view, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        # Bulk actions (delete selected) and list_editable saves come through here.
        return self._refusing(request, super().changelist_view, extra_context)


class AuditedAdminMixin:
    """Each add, change and delete made in the admin, inlines included, is appended to the audit chain."""

    #: Fields whose values stay out of the record (personal data, secrets); only the fact of a change is kept.
    audit_redacted_fields: tuple[str, ...] = ("password",)

    def _audit_action(self, obj, verb: str) -> str:
        return f"admin.{obj._meta.label_lower}.{verb}"

    def _form_changes(self, form, change: bool) -> tuple[dict, dict]:
        model = form._meta.model
        names = form.changed_data if change else list(form.cleaned_data)
        field_names = {f.name for f in model._meta.get_fields()} - {model._meta.pk.name}
        before, after = {}, {}
        for name in names:
            if name not in field_names:
                continue
            redacted = name in self.audit_redacted_fields
            if change:
                before[name] = REDACTED if redacted else _plain(form.initial.get(name))
            after[name] = REDACTED if redacted else _plain(form.cleaned_data.get(name))
        return before, after

    def _snapshot(self, obj) -> dict:
        return {
            field.name: REDACTED if field.name in self.audit_redacted_fields else _plain(getattr(obj, field.attname))
            for field in obj._meta.concrete_fields if not field.primary_key
        }

    def _record_form(self, request, form, obj, change: bool) -> None:
        before, after = self._form_changes(form, change)
        if change and not after:
            return  # saved without any change
        audit.record(self._audit_action(obj, "change" if change else "add"), actor=request.user, obj=obj,
                     before=before, after=after)

    def _record_deletion(self, request, obj) -> None:
        audit.record(self._audit_action(obj, "delete"), actor=request.user, obj=obj, before=self._snapshot(obj))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._record_form(request, form, obj, change)

    def delete_model(self, request, obj):
        with transaction.atomic():
            self._record_deletion(request, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self._record_deletion(request, obj)
            super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        deleted = [f for f in formset.deleted_forms if f.instance.pk is not None]
        for deleted_form in deleted:
            self._record_deletion(request, deleted_form.instance)
        saved = [(f, f.instance.pk is not None) for f in formset.forms
                 if f.has_changed() and f not in deleted]
        super().save_formset(request, form, formset, change)
        for inline_form, existed in saved:
            self._record_form(request, inline_form, inline_form.instance, existed)


class ReadOnlyAdminMixin:
    """Shown for reference only: the rows change through their services, never in the admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedModelAdmin(RefusalsAsMessagesMixin, AuditedAdminMixin, admin.ModelAdmin):
    """The default base of an editable configuration model's admin."""
