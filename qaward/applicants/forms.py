"""Registration and profile forms; each feeds one service function of services.py."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from qaward.accounts.enums import OrganizationKind
from qaward.accounts.models import Division
from qaward.core.errors import DomainError

from . import industries, services
from .enums import APPLICANT_ORGANIZATION_KINDS, AccidentKind, HonourLevel, ViolationKind

KIND_CHOICES = [(k.value, k.label) for k in OrganizationKind if k in APPLICANT_ORGANIZATION_KINDS]


# 第十二条第（一）项, declared by the person at registration and on the profile alike.
CONDUCT_DECLARATION = _("本人政治坚定、品行端正，恪守职业道德和社会规范，无违法、违规、违纪行为（第十二条第（一）项）")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def industry_field(required=False):
    return forms.ChoiceField(label=_("所属行业（GB/T 4754-2017 大类）"), required=required,
                             choices=[("", _("— 请选择 —")), *industries.choices()])


def division_field(label=None):
    return forms.ModelChoiceField(label=label or _("所在县（市、区）或运城开发区"), queryset=Division.objects.order_by("order", "code"),
                                  empty_label=_("— 请选择 —"))


class AccountForm(forms.Form):
    username = forms.CharField(label=_("登录用户名"), max_length=150,
                               help_text=_("字母、数字或 @ . + - _，登录时使用"))
    password = forms.CharField(label=_("密码"), widget=forms.PasswordInput(render_value=False),
                               help_text=_("至少8位，不能全为数字，不能与用户名相近"))
    password_again = forms.CharField(label=_("再次输入密码"), widget=forms.PasswordInput(render_value=False))
    email = forms.EmailField(label=_("电子邮箱"), required=False, help_text=_("用于接收待办提醒"))
    phone = forms.CharField(label=_("手机号码"), max_length=20, required=False)

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("两次输入的密码不一致。"))
        return data

    def account(self, display_name: str = "") -> services.Account:
        d = self.cleaned_data
        return services.Account(d["username"], d["password"], d.get("email", ""), d.get("phone", ""), display_name)


class OrganizationRegistrationForm(AccountForm):
    name = forms.CharField(label=_("组织名称（与营业执照或登记证书一致）"), max_length=120)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, min_length=18,
                                  widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    kind = forms.ChoiceField(label=_("组织类型"), choices=KIND_CHOICES)
    division = division_field()
    established_on = forms.DateField(label=_("成立日期"), widget=DateInput())
    industry_code = industry_field()
    legal_representative = forms.CharField(label=_("法定代表人/负责人"), max_length=60, required=False)
    contact_name = forms.CharField(label=_("经办人姓名"), max_length=60)
    address = forms.CharField(label=_("通讯地址"), max_length=200, required=False)

    field_order = ["name", "credit_code", "kind", "division", "established_on", "industry_code",
                   "legal_representative", "address", "contact_name", "phone", "email", "username", "password",
                   "password_again"]

    def clean_credit_code(self):
        try:
            return services.clean_credit_code(self.cleaned_data["credit_code"].strip().upper())
        except DomainError as error:
            raise forms.ValidationError(error.detail) from error


class IndividualRegistrationForm(AccountForm):
    name = forms.CharField(label=_("姓名"), max_length=60)
    id_number = forms.CharField(label=_("居民身份证号"), max_length=18, min_length=18,
                                widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
                                help_text=_("加密保存，页面上只显示部分号码"))
    employer_name = forms.CharField(label=_("工作单位"), max_length=120)
    employer_kind = forms.ChoiceField(label=_("工作单位类型"), choices=KIND_CHOICES)
    division = division_field(_("工作单位所在县（市、区）或运城开发区"))
    position = forms.CharField(label=_("职务/职称"), max_length=80)
    quality_work_since = forms.DateField(label=_("从事质量工作起始日期"), widget=DateInput(),
                                         help_text=_("第十二条第（六）项：从事或涉及质量工作10年以上"))
    industry_code = industry_field()
    conduct_declared = forms.BooleanField(label=CONDUCT_DECLARATION, required=False)

    field_order = ["name", "id_number", "employer_name", "employer_kind", "division", "position",
                   "quality_work_since", "industry_code", "conduct_declared", "phone", "email", "username",
                   "password", "password_again"]

    def clean_id_number(self):
        try:
            return services.clean_id_number(self.cleaned_data["id_number"].strip().upper())
        except DomainError as error:
            raise forms.ValidationError(error.detail) from error


class OrganizationProfileForm(forms.Form):
    industry_code = industry_field()
    contact_name = forms.CharField(label=_("联系人"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    address = forms.CharField(label=_("通讯地址"), max_length=200, required=False)
    legal_representative = forms.CharField(label=_("法定代表人/负责人"), max_length=60, required=False)
    established_on = forms.DateField(label=_("成立日期"), widget=DateInput())
    employees = forms.IntegerField(label=_("职工人数"), min_value=0, required=False)
    figures_year = forms.IntegerField(label=_("经营数据年度"), min_value=1990, max_value=2100, required=False,
                                      help_text=_("第十一条第（四）项要求上年度数据"))
    revenue = forms.DecimalField(label=_("经营收入（万元）"), max_digits=14, decimal_places=2, required=False)
    revenue_rank = forms.IntegerField(label=_("经营收入全市同行业排名"), min_value=1, required=False)
    profit_tax = forms.DecimalField(label=_("利税总额（万元）"), max_digits=14, decimal_places=2, required=False)
    profit_tax_rank = forms.IntegerField(label=_("利税总额全市同行业排名"), min_value=1, required=False)
    asset_contribution_rate = forms.DecimalField(label=_("总资产贡献率（%）"), max_digits=6, decimal_places=2,
                                                 required=False)
    asset_contribution_rank = forms.IntegerField(label=_("总资产贡献率全市同行业排名"), min_value=1, required=False)
    social_contribution = forms.CharField(
        label=_("社会贡献说明（从事非盈利性业务的组织填写）"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PersonProfileForm(forms.Form):
    industry_code = industry_field()
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    address = forms.CharField(label=_("通讯地址"), max_length=200, required=False)
    position = forms.CharField(label=_("职务/职称"), max_length=80)
    quality_work_since = forms.DateField(label=_("从事质量工作起始日期"), widget=DateInput())
    conduct_declared = forms.BooleanField(label=CONDUCT_DECLARATION, required=False)


class HonourForm(forms.Form):
    level = forms.ChoiceField(label=_("级别"), choices=HonourLevel.choices)
    title = forms.CharField(label=_("荣誉名称"), max_length=120)
    conferred_by = forms.CharField(label=_("授予机关"), max_length=80)
    year = forms.IntegerField(label=_("获得年度"), min_value=1950, max_value=2100)


class AccidentForm(forms.Form):
    occurred_on = forms.DateField(label=_("发生日期"), widget=DateInput())
    kind = forms.ChoiceField(label=_("事故类别"), choices=AccidentKind.choices)
    is_major = forms.BooleanField(label=_("重大事故"), required=False)
    description = forms.CharField(label=_("情况说明"), widget=forms.Textarea(attrs={"rows": 2}))


class ViolationForm(forms.Form):
    occurred_on = forms.DateField(label=_("发生日期"), widget=DateInput())
    kind = forms.ChoiceField(label=_("类别"), choices=ViolationKind.choices)
    authority = forms.CharField(label=_("处理机关"), max_length=80, required=False)
    description = forms.CharField(label=_("情况说明"), widget=forms.Textarea(attrs={"rows": 2}))


RECORD_FORMS = {"honour": HonourForm, "accident": AccidentForm, "violation": ViolationForm}


class RevealForm(forms.Form):
    reason = forms.CharField(label=_("查看事由（记入审计日志）"), max_length=300)
