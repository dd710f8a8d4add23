from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .enums import OrganizationKind, Role
from .models import Division, Organization
from .services import GRANTABLE_ROLES


class LoginForm(AuthenticationForm):
    """Django's form, which already passes ``request`` to authenticate() — axes needs it to throttle."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("用户名或密码不正确。连续输错 5 次，账号将被锁定 30 分钟。"),
        "inactive": _("该账号已停用，请联系领导小组办公室。"),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("用户名")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})
        self.fields["password"].label = _("密码")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("动态验证码"),
        max_length=8,
        validators=[RegexValidator(r"^\s*\d{3}\s?\d{3}\s*$", _("请输入 6 位数字验证码。"))],
        help_text=_("打开身份验证器应用，输入当前显示的 6 位数字。"),
        widget=forms.TextInput(attrs={
            "inputmode": "numeric", "autocomplete": "one-time-code", "pattern": r"\s*\d{3}\s?\d{3}\s*",
            "class": "form-control-lg otp-input", "autofocus": True,
        }),
    )


class StyledPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("当前密码")
        self.fields["new_password1"].label = _("新密码")
        self.fields["new_password2"].label = _("确认新密码")


# --- the office's account pages -------------------------------------------------------------------

def _staff_organizations():
    """Departments and experts' home organisations: the organisations the office opens accounts in."""
    return (Organization.objects.filter(is_active=True,
                                        kind__in=[OrganizationKind.DEPARTMENT, OrganizationKind.EXPERT_HOME])
            .select_related("division").order_by("kind", "department_type", "division__order", "name"))


class OrganizationChoiceField(forms.ModelChoiceField):
    """Each organisation with its department type, since the role to grant must fit that type."""

    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.get_department_type_display() or obj.get_kind_display()}）"


def _grantable_role_choices():
    return [(role, Role(role).label) for role in GRANTABLE_ROLES]


class UserFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索"), required=False, max_length=60,
                        widget=forms.TextInput(attrs={"placeholder": _("用户名、姓名或电子邮箱"), "type": "search"}))
    organization = forms.ModelChoiceField(label=_("所在组织"), required=False, queryset=None,
                                          empty_label=_("全部组织"))
    role = forms.ChoiceField(label=_("角色"), required=False)
    division = forms.ModelChoiceField(label=_("县级行政区"), required=False, queryset=None,
                                      empty_label=_("全部（含市级）"))
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[
        ("", _("全部状态")), ("active", _("使用中")), ("inactive", _("已停用"))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _staff_organizations()
        self.fields["division"].queryset = Division.objects.all()
        self.fields["role"].choices = [("", _("全部角色")), *Role.choices]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["q"]:
            term = data["q"].strip()
            queryset = queryset.filter(Q(username__icontains=term) | Q(display_name__icontains=term)
                                       | Q(email__icontains=term))
        grants = {"role_grants__is_active": True}
        if data["organization"]:
            grants["role_grants__organization"] = data["organization"]
        if data["role"]:
            grants["role_grants__role"] = data["role"]
        if data["division"]:
            grants["role_grants__organization__division"] = data["division"]
        if len(grants) > 1:
            # One filter() call: organisation, role and division must hold for the same grant.
            queryset = queryset.filter(**grants).distinct()
        if data["status"]:
            queryset = queryset.filter(is_active=data["status"] == "active")
        return queryset

    def applied(self) -> dict:
        return {k: str(v) for k, v in (self.cleaned_data if self.is_valid() else {}).items() if v}


class DepartmentUserForm(forms.Form):
    username = forms.CharField(label=_("登录用户名"), max_length=150,
                               help_text=_("建议使用单位简称拼音加姓名拼音，例如 yhqsj-zhangsan。"),
                               widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    display_name = forms.CharField(label=_("姓名"), max_length=60)
    phone = forms.CharField(label=_("手机号码"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}))
    email = forms.EmailField(label=_("电子邮箱"), required=False,
                             help_text=_("待办事项的邮件提醒发送到此邮箱。"))
    organization = OrganizationChoiceField(label=_("所在组织"), queryset=None)
    roles = forms.MultipleChoiceField(label=_("角色"), widget=forms.CheckboxSelectMultiple(
                                          attrs={"class": "form-check-input"}),
                                      help_text=_("角色须与组织的部门类型相符；评审专家可属于任何组织。"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _staff_organizations()
        self.fields["roles"].choices = _grantable_role_choices()


class GrantForm(forms.Form):
    role = forms.ChoiceField(label=_("角色"))
    organization = OrganizationChoiceField(label=_("所在组织"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _staff_organizations()
        self.fields["role"].choices = _grantable_role_choices()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), max_length=200, required=False)
