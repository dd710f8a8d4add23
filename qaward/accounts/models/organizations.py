from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import ConsultationArea, DepartmentType, DivisionKind, OrganizationKind


class Division(models.Model):
    """A county-level division of Yuncheng (GB/T 2260 code) or the development zone."""

    code = models.CharField(_("行政区划代码"), max_length=6, unique=True)
    name = models.CharField(_("名称"), max_length=40, unique=True)
    kind = models.CharField(_("类型"), max_length=16, choices=DivisionKind.choices)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("县级行政区")
        verbose_name_plural = _("县级行政区")

    def __str__(self):
        return self.name


class Organization(models.Model):
    """A department of government, or an organisation that applies or employs experts."""

    name = models.CharField(_("名称"), max_length=120, unique=True)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    kind = models.CharField(_("组织类型"), max_length=24, choices=OrganizationKind.choices)
    department_type = models.CharField(
        _("部门类型"), max_length=24, choices=DepartmentType.choices, blank=True
    )
    division = models.ForeignKey(
        Division, null=True, blank=True, on_delete=models.PROTECT, related_name="organizations",
        verbose_name=_("所在县（市、区）"),
        help_text=_("留空表示市级"),
    )
    consultation_area = models.CharField(
        _("征求意见领域"), max_length=24, choices=ConsultationArea.choices, blank=True
    )
    industry_codes = models.CharField(
        _("主管行业（GB/T 4754 门类/大类代码，逗号分隔）"), max_length=200, blank=True
    )
    is_active = models.BooleanField(_("有效"), default=True)

    class Meta:
        ordering = ["kind", "department_type", "name"]
        verbose_name = _("组织")
        verbose_name_plural = _("组织")

    def __str__(self):
        return self.name

    @property
    def is_department(self) -> bool:
        return self.kind == OrganizationKind.DEPARTMENT
