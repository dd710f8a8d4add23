from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.accounts.models import Division

from .enums import AwardLevel, NoticeScope, Track
from .evidence import MAX_BYTES, MAX_FILES
from .objections import MAX_CONTENT_CHARS, Identity
from .services import EntryData

ANONYMOUS, REAL_NAME = "anonymous", "real_name"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ObjectionForm(forms.Form):
    """The public's objection form: no login, real name encouraged, anonymous accepted (第二十八条)."""

    entry = forms.TypedChoiceField(label=_("对哪一项提出异议"), coerce=int)
    content = forms.CharField(
        label=_("异议的事实和理由"), max_length=MAX_CONTENT_CHARS,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": _("请写明具体事实、发生时间、地点及相关证据线索。")}),
    )
    evidence = MultipleFileField(
        label=_("证明材料（可选）"), required=False,
        widget=MultipleFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
        help_text=_("PDF、JPG 或 PNG，最多 %(files)s 个，每个不超过 %(mb)s MB。")
        % {"files": MAX_FILES, "mb": MAX_BYTES // (1024 * 1024)},
    )
    identity_mode = forms.ChoiceField(
        label=_("提出方式"), widget=forms.RadioSelect, initial=REAL_NAME,
        choices=[(REAL_NAME, _("实名（提倡）")), (ANONYMOUS, _("匿名"))],
    )
    name = forms.CharField(label=_("姓名"), max_length=60, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)
    id_number = forms.CharField(label=_("身份证号码（可选）"), max_length=18, required=False)
    unit = forms.CharField(label=_("工作单位（可选）"), max_length=120, required=False)
    truthful = forms.BooleanField(label=_("本人承诺所反映情况真实，如有捏造、诬告，愿承担相应责任。"))

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = [("", _("请选择"))] + [
            (e.pk, f"{e.position}. {e.name}" + (f"（{e.unit}）" if e.unit else "")) for e in entries
        ]

    @property
    def anonymous(self) -> bool:
        return self.cleaned_data.get("identity_mode") == ANONYMOUS

    def identity(self) -> Identity | None:
        if self.anonymous:
            return None
        data = self.cleaned_data
        return Identity(data.get("name", ""), data.get("phone", ""), data.get("id_number", ""), data.get("unit", ""))


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"), max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "ABCD-2345-EFGH", "autocomplete": "off",
                                      "autocapitalize": "characters", "spellcheck": "false"}),
    )


LEVEL_WORDS = {"质量奖": AwardLevel.AWARD, "奖": AwardLevel.AWARD, "提名奖": AwardLevel.NOMINATION,
               "质量奖提名奖": AwardLevel.NOMINATION, "提名": AwardLevel.NOMINATION}
TRACK_WORDS = {"组织": Track.ORGANIZATION, "单位": Track.ORGANIZATION, "个人": Track.INDIVIDUAL}


def parse_lines(text: str) -> list[EntryData]:
    """名称｜类别｜奖项｜所在单位｜地区/行业 per line; only the name is required."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
        parts += [""] * (5 - len(parts))
        name, track, level, unit, region = parts[:5]
        if track and track not in TRACK_WORDS:
            raise forms.ValidationError(_("第%(n)s行：类别应为“组织”或“个人”。"), params={"n": number})
        if level and level not in LEVEL_WORDS:
            raise forms.ValidationError(_("第%(n)s行：奖项应为“质量奖”或“提名奖”。"), params={"n": number})
        rows.append(EntryData(name=name, track=TRACK_WORDS.get(track, Track.ORGANIZATION),
                              level=LEVEL_WORDS.get(level, ""), unit=unit, region=region))
    return rows


def _source_label(row: EntryData) -> str:
    details = [str(Track(row.track).label)]
    if row.level:
        details.append(str(AwardLevel(row.level).label))
    details += [part for part in (row.unit, row.region) if part]
    return f"{row.name}（{' · '.join(details)}）"


class PublishForm(forms.Form):
    title = forms.CharField(label=_("公示标题"), max_length=160)
    document_number = forms.CharField(label=_("文号"), max_length=60, required=False,
                                      help_text=_("例如：运质奖办〔2026〕3号"))
    scope = forms.ChoiceField(label=_("公示范围"), choices=NoticeScope.choices)
    division = forms.ModelChoiceField(label=_("地区"), queryset=Division.objects.all(), required=False,
                                      empty_label=_("（按地区公示时选择）"))
    industry = forms.CharField(label=_("行业、领域"), max_length=60, required=False)
    start = forms.DateField(label=_("公示开始日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    workdays = forms.IntegerField(label=_("公示期（工作日）"), min_value=1, max_value=60)
    body = forms.CharField(label=_("正文（名单前的说明）"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    contact = forms.CharField(label=_("异议受理方式"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("受理异议的单位、电话、地址或邮箱，随公示一并公开。"))
    selected = forms.TypedMultipleChoiceField(label=_("从名单来源选择"), coerce=int, required=False,
                                              widget=forms.CheckboxSelectMultiple)
    extra_lines = forms.CharField(
        label=_("补充条目"), required=False, widget=forms.Textarea(attrs={"rows": 4, "class": "font-monospace"}),
        help_text=_("每行一条：名称｜类别（组织/个人）｜奖项（质量奖/提名奖）｜所在单位｜地区或行业。"),
    )
    reason = forms.CharField(label=_("备注（记入审计日志）"), required=False, max_length=500)

    def __init__(self, *args, source=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.source = list(source)
        self.fields["selected"].choices = [(i, _source_label(row)) for i, row in enumerate(self.source)]

    def clean_start(self):
        start = self.cleaned_data["start"]
        if start < timezone.localdate():
            raise forms.ValidationError(_("公示开始日期不能早于今天。"))
        return start

    def clean_extra_lines(self):
        return parse_lines(self.cleaned_data.get("extra_lines", ""))

    def entries(self) -> list[EntryData]:
        chosen = [self.source[i] for i in self.cleaned_data.get("selected", []) if 0 <= i < len(self.source)]
        return chosen + self.cleaned_data.get("extra_lines", [])



class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("撤回理由"), widget=forms.Textarea(attrs={"rows": 3}))


class FindingsForm(forms.Form):
    findings = forms.CharField(label=_("调查核实情况"), widget=forms.Textarea(attrs={"rows": 6}),
                               help_text=_("写明核实的途径、查明的事实和依据；领导小组据此作出处理决定。"))


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("处理决定"), widget=forms.RadioSelect,
                                choices=[("upheld", _("异议成立：将该条目从名单中移除")),
                                         ("dismissed", _("异议不成立：保留该条目"))])
    reason = forms.CharField(label=_("决定理由（内部）"), widget=forms.Textarea(attrs={"rows": 4}))
    public_reply = forms.CharField(
        label=_("公开答复"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("异议人凭查询码可见；异议成立时同时作为名单的移除说明公开。请勿写入异议人信息。"),
    )

    @property
    def upheld(self) -> bool:
        return self.cleaned_data.get("outcome") == "upheld"
