from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.core.fields import EncryptedTextField
from qaward.core.masking import mask_id_number

from ..enums import ApplicantKind
from ..industries import industry_name


class Applicant(models.Model):
    """Who applies: an organisation (第十一条) or an individual (第十二条).

    ``organization`` is the organisation itself for an organisation applicant and the employer
    for an individual, so the county (所在地, 第十五条) and the organisation type (第十九条) are
    read from one place for both.
    """

    kind = models.CharField(_("申报类别"), max_length=16, choices=ApplicantKind.choices)
    name = models.CharField(_("名称/姓名"), max_length=120)
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="applicants",
        verbose_name=_("组织/工作单位"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="individual_applicant", verbose_name=_("个人申报者账号"),
    )
    industry_code = models.CharField(_("所属行业代码（GB/T 4754）"), max_length=4, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=60, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    address = models.CharField(_("通讯地址"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("申报者")
        verbose_name_plural = _("申报者")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"], condition=Q(kind=ApplicantKind.ORGANIZATION),
                name="one_applicant_per_organization",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_organization(self) -> bool:
        return self.kind == ApplicantKind.ORGANIZATION

    @property
    def division(self):
        return self.organization.division

    @property
    def industry_name(self) -> str:
        return industry_name(self.industry_code)


class OrganizationProfile(models.Model):
    """第十一条: what an organisation declares about itself."""

    applicant = models.OneToOneField(Applicant, on_delete=models.CASCADE, related_name="org_profile")
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    legal_representative = models.CharField(_("法定代表人/负责人"), max_length=60, blank=True)
    established_on = models.DateField(_("成立日期"))
    employees = models.PositiveIntegerField(_("职工人数"), null=True, blank=True)
    # 第十一条第（四）项: last year's figures and the declared rank of each in the city's industry.
    figures_year = models.PositiveSmallIntegerField(_("经营数据年度"), null=True, blank=True)
    revenue = models.DecimalField(_("经营收入（万元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    revenue_rank = models.PositiveSmallIntegerField(_("经营收入全市同行业排名"), null=True, blank=True)
    profit_tax = models.DecimalField(_("利税总额（万元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    profit_tax_rank = models.PositiveSmallIntegerField(_("利税总额全市同行业排名"), null=True, blank=True)
    asset_contribution_rate = models.DecimalField(
        _("总资产贡献率（%）"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    asset_contribution_rank = models.PositiveSmallIntegerField(_("总资产贡献率全市同行业排名"), null=True, blank=True)
    social_contribution = models.TextField(
        _("社会贡献说明（非盈利组织）"), blank=True,
        help_text=_("从事非盈利性业务的组织，说明其社会贡献位于行业前列的依据"),
    )

    class Meta:
        verbose_name = _("组织申报者信息")
        verbose_name_plural = _("组织申报者信息")

    def __str__(self):
        return f"{self.applicant} {self.credit_code}"

    @property
    def credit_code_division(self) -> str:
        """Digits 3–8 of the code: the registering authority's administrative division (GB/T 2260)."""
        return self.credit_code[2:8]


class PersonProfile(models.Model):
    """第十二条: what an individual declares. The ID number is SM4-encrypted and shown masked."""

    applicant = models.OneToOneField(Applicant, on_delete=models.CASCADE, related_name="person_profile")
    id_number = EncryptedTextField(_("身份证号"))
    position = models.CharField(_("职务/职称"), max_length=80)
    quality_work_since = models.DateField(_("从事质量工作起始日期"))
    conduct_declared = models.BooleanField(
        _("品行声明"), default=False,
        help_text=_("本人政治坚定、品行端正，恪守职业道德和社会规范，无违法、违规、违纪行为"),
    )
    conduct_declared_at = models.DateTimeField(_("声明时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("个人申报者信息")
        verbose_name_plural = _("个人申报者信息")

    def __str__(self):
        return f"{self.applicant} {self.masked_id_number}"

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)
