"""Forms of the application pages; each feeds one service function."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from qaward.accounts.enums import DepartmentType, OrganizationKind
from qaward.accounts.models import Organization
from qaward.applicants.forms import DateInput
from qaward.applicants.models import Applicant
from qaward.programs.models import Edition, EditionStage

from .content import required_sections
from .enums import AttachmentKind, AwardLevel, PublicityResult, TalentLevel, VerificationStatus
from .services.transitions import AUDIT_POINTS

UPLOAD_ACCEPT = ".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx"


def receivers_for(application):
    """第十五条: the county market supervision department of the applicant's county, or an industry authority."""
    division = application.applicant.organization.division_id
    return Organization.objects.filter(
        Q(department_type=DepartmentType.COUNTY_MSA, division_id=division)
        | Q(department_type=DepartmentType.INDUSTRY_AUTHORITY), is_active=True,
    ).order_by("-department_type", "name")


class BasicForm(forms.Form):
    contact_name = forms.CharField(label=_("联系人"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    contact_email = forms.EmailField(label=_("电子邮箱"), required=False)
    receiver = forms.ModelChoiceField(
        label=_("接收部门（第十五条）"), queryset=Organization.objects.none(), required=False,
        empty_label=_("— 请选择 —"),
        help_text=_("所在地的县级市场监管部门（含运城开发区），或市级行业主管部门。县级市场监管部门审核后报县（市、区）政府推荐；市级行业主管部门审核后直接推荐。"),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiver"].queryset = receivers_for(application)


class ProfileForm(forms.Form):
    profile = forms.CharField(label=_("组织概述"), required=False, widget=forms.Textarea(attrs={"rows": 10}))


class ModeForm(forms.Form):
    quality_mode_summary = forms.CharField(label=_("质量管理模式总结"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 8}))


class SelfAssessmentForm(forms.Form):
    """One text per rubric category (organisation) or item (individual), named by its code."""

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        answers = application.self_assessment or {}
        rows = 8 if application.is_organization else 5
        for code, name in required_sections(application):
            self.fields[f"s_{code}"] = forms.CharField(
                label=f"{code} {name}", required=False, initial=answers.get(code, ""),
                widget=forms.Textarea(attrs={"rows": rows}),
            )

    def sections(self) -> dict[str, str]:
        return {name[2:]: value for name, value in self.cleaned_data.items() if name.startswith("s_")}


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("文件"), widget=forms.ClearableFileInput(attrs={"accept": UPLOAD_ACCEPT}),
                           help_text=_("支持 PDF、PNG/JPEG 图片、Word（doc/docx）、Excel（xls/xlsx），按文件内容识别；"
                                       "单个文件不超过20 MB。含密级标志的文件不得上传（第十七条）。"))
    kind = forms.ChoiceField(label=_("材料类别"), choices=AttachmentKind.choices, initial=AttachmentKind.EVIDENCE)
    description = forms.CharField(label=_("说明"), max_length=200, required=False)
    trade_secret = forms.BooleanField(
        label=_("涉及商业秘密（仅评审专家、领导小组办公室和监督组可查看，第十七条）"), required=False,
    )


class TalentForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=60)
    level = forms.ChoiceField(label=_("人才类别"), choices=TalentLevel.choices)
    title = forms.CharField(label=_("职称/资格"), max_length=80, required=False)
    field = forms.CharField(label=_("引进领域"), max_length=80, required=False, help_text=_("如质量管理、产品研发"))
    introduced_on = forms.DateField(label=_("引进日期"), widget=DateInput())
    evidence = forms.FileField(label=_("证明材料"), widget=forms.ClearableFileInput(attrs={"accept": UPLOAD_ACCEPT}),
                               help_text=_("劳动合同、职称证书等，供领导小组办公室核实"))


class PublicityForm(forms.Form):
    start_on = forms.DateField(label=_("公示开始日期"), widget=DateInput())
    end_on = forms.DateField(label=_("公示结束日期"), widget=DateInput())
    scope = forms.CharField(label=_("公示范围与方式"), max_length=200, required=False,
                            help_text=_("如：在本单位公告栏和内部网站公示"))
    result = forms.ChoiceField(label=_("公示结果"), choices=PublicityResult.choices)
    result_note = forms.CharField(label=_("结果说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(label=_("公示证明（可选）"), required=False,
                               widget=forms.ClearableFileInput(attrs={"accept": UPLOAD_ACCEPT}))


class CommitmentForm(forms.Form):
    signer = forms.CharField(label=_("承诺人（法定代表人/本人）姓名"), max_length=60)
    confirm = forms.BooleanField(
        label=_("本单位（本人）对申报材料的完整性、真实性、准确性负责，如有虚假，愿承担相应责任（第十五条、第三十条）。"),
    )
    no_state_secret = forms.BooleanField(
        label=_("申报材料不涉及国家安全、国家秘密；涉及商业秘密的已逐一注明（第十七条）。"),
    )


class ActionForm(forms.Form):
    reason = forms.CharField(label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, action: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if action == "nominate":
            self.fields["level"] = forms.ChoiceField(label=_("拟推荐奖项"), choices=AwardLevel.choices)
        if action == "dept_approve":
            for key, label in AUDIT_POINTS.items():
                self.fields[key] = forms.BooleanField(label=_("已审核%(point)s") % {"point": label}, required=False)

    def checks(self) -> dict[str, bool]:
        return {key: self.cleaned_data.get(key, False) for key in AUDIT_POINTS if key in self.fields}


class OpinionRequestForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("征求意见部门"), empty_label=_("— 请选择 —"),
        queryset=Organization.objects.filter(kind=OrganizationKind.DEPARTMENT, is_active=True).exclude(
            department_type__in=[DepartmentType.OFFICE, DepartmentType.LEADERSHIP_GROUP,
                                 DepartmentType.SUPERVISION_GROUP]).order_by("department_type", "name"),
    )
    request_text = forms.CharField(label=_("征求意见事项"), widget=forms.Textarea(attrs={"rows": 2}),
                                   initial=_("请对该申报者是否存在违法、违规、违纪行为及重大质量、安全、环保事故等情况提出书面意见。"))
    requested_on = forms.DateField(label=_("发函日期"), widget=DateInput())


class OpinionAnswerForm(forms.Form):
    answered_on = forms.DateField(label=_("复函日期"), widget=DateInput())
    answer_text = forms.CharField(label=_("书面意见"), widget=forms.Textarea(attrs={"rows": 2}))
    has_objection = forms.BooleanField(label=_("有不同意见"), required=False)


class VerifyTalentForm(forms.Form):
    status = forms.ChoiceField(label=_("核实结果"), choices=[
        (VerificationStatus.VERIFIED, VerificationStatus.VERIFIED.label),
        (VerificationStatus.REJECTED, VerificationStatus.REJECTED.label),
    ])
    note = forms.CharField(label=_("核实意见"), max_length=200, required=False)


class AwardRecordForm(forms.Form):
    edition = forms.ModelChoiceField(
        label=_("届次"), empty_label=_("— 请选择 —"),
        queryset=Edition.objects.filter(Q(is_historical=True) | Q(stage=EditionStage.DECIDED)).order_by("-year"),
    )
    applicant = forms.ModelChoiceField(label=_("获奖者"), queryset=Applicant.objects.order_by("kind", "name"),
                                       empty_label=_("— 请选择 —"))
    level = forms.ChoiceField(label=_("奖项"), choices=AwardLevel.choices)


class RevocationForm(forms.Form):
    revoked_on = forms.DateField(label=_("撤销日期"), widget=DateInput())
    note = forms.CharField(label=_("撤销依据"), max_length=200)
