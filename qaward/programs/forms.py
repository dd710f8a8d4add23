"""Office forms for editions and rubrics; each feeds one service function."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EditionApproval, Program, Rubric, RubricTrack


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class EditionCreateForm(forms.Form):
    program = forms.ModelChoiceField(label=_("奖项"), queryset=Program.objects.order_by("pk"), empty_label=None)
    number = forms.IntegerField(label=_("届次"), min_value=1, max_value=999)
    year = forms.IntegerField(label=_("评选年度"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("名称"), max_length=120)
    is_historical = forms.BooleanField(
        label=_("历史届次（系统启用前已完成，仅用于计算评选周期和不得申报期）"), required=False,
    )
    decision_document = forms.CharField(label=_("表彰决定文号（历史届次）"), max_length=60, required=False)
    decided_on = forms.DateField(label=_("表彰决定日期（历史届次）"), required=False, widget=DateInput())
    reason = forms.CharField(label=_("说明"), required=False, max_length=500)


class PlanForm(forms.Form):
    plan = forms.CharField(label=_("评选方案"), widget=forms.Textarea(attrs={"rows": 6}))
    criteria = forms.CharField(label=_("评选标准说明"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class RubricChoiceForm(forms.Form):
    organization_rubric = forms.ModelChoiceField(
        label=_("组织评分标准"), queryset=Rubric.objects.filter(track=RubricTrack.ORGANIZATION).order_by("code"),
    )
    individual_rubric = forms.ModelChoiceField(
        label=_("个人评分标准"), queryset=Rubric.objects.filter(track=RubricTrack.INDIVIDUAL).order_by("code"),
    )


class ApprovalForm(forms.Form):
    kind = forms.ChoiceField(label=_("审批类型"), choices=EditionApproval.Kind.choices)
    authority = forms.CharField(label=_("批准机关"), max_length=80)
    document_number = forms.CharField(label=_("批准文号"), max_length=60)
    approved_on = forms.DateField(label=_("批准日期"), widget=DateInput())


class CallForm(forms.Form):
    title = forms.CharField(label=_("申报通知标题"), max_length=160)
    text = forms.CharField(label=_("申报通知正文"), widget=forms.Textarea(attrs={"rows": 8}))
    published_on = forms.DateField(label=_("发布日期"), widget=DateInput())
    deadline = forms.DateField(label=_("申报截止日期"), widget=DateInput())


class ActionForm(forms.Form):
    """A stage transition: a reason, plus the decision's number and date for ``decide``."""

    reason = forms.CharField(label=_("说明"), required=False, max_length=500)
    decision_document = forms.CharField(label=_("表彰决定文号"), max_length=60, required=False)
    decided_on = forms.DateField(label=_("表彰决定日期"), required=False, widget=DateInput())

    def payload(self, fields: tuple[str, ...]) -> dict:
        payload = {}
        for name in fields:
            value = self.cleaned_data.get(name)
            payload[name] = value.isoformat() if hasattr(value, "isoformat") else (value or "")
        return payload


class ItemPointsForm(forms.Form):
    points = forms.IntegerField(label=_("分值"), min_value=0, max_value=1000)
    reason = forms.CharField(label=_("修改理由"), required=False, max_length=500)
