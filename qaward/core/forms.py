from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from .models import AuditRecord


def object_type_label(object_type: str) -> str:
    """「申报」 rather than 「applications.application」, for types whose model still exists."""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


class AuditFilterForm(forms.Form):
    object_type = forms.ChoiceField(label=_("对象类型"), required=False)
    actor = forms.CharField(label=_("操作人"), required=False, max_length=150)
    kind = forms.ChoiceField(label=_("类别"), required=False,
                             choices=[("", _("全部类别")), *AuditRecord.Kind.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = (AuditRecord.objects.exclude(object_type="").order_by("object_type")
                 .values_list("object_type", flat=True).distinct())
        self.fields["object_type"].choices = [("", _("全部对象类型")),
                                              *((t, f"{object_type_label(t)}（{t}）") for t in types)]
        for field in self.fields.values():
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs["class"] = css

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["object_type"]:
            queryset = queryset.filter(object_type=data["object_type"])
        if data["actor"]:
            queryset = queryset.filter(actor_label__icontains=data["actor"].strip())
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        return queryset

    def applied(self) -> dict:
        return {k: v for k, v in (self.cleaned_data if self.is_valid() else {}).items() if v}
