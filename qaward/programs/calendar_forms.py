from django import forms
from django.utils.translation import gettext_lazy as _


class CalendarOverrideForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    is_workday = forms.TypedChoiceField(
        label=_("调整为"),
        choices=[("1", _("工作日（上班）")), ("0", _("休息日（放假）"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    note = forms.CharField(
        label=_("说明"), max_length=120, required=False,
        help_text=_("例如：国务院办公厅关于2027年部分节假日安排的通知，春节调休上班。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "is_workday":
                field.widget.attrs.setdefault("class", "form-control")
