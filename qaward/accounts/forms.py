from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


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
