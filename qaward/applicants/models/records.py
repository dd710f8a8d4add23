from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import AccidentKind, HonourLevel, ViolationKind
from .applicants import Applicant


class RecordBase(models.Model):
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("录入人"),
    )
    recorded_at = models.DateTimeField(_("录入时间"), default=timezone.now)

    class Meta:
        abstract = True


class Honour(RecordBase):
    """第十一条第（七）项: national or provincial government quality honours give priority."""

    applicant = models.ForeignKey(Applicant, on_delete=models.CASCADE, related_name="honours")
    level = models.CharField(_("级别"), max_length=12, choices=HonourLevel.choices)
    title = models.CharField(_("荣誉名称"), max_length=120)
    conferred_by = models.CharField(_("授予机关"), max_length=80)
    year = models.PositiveSmallIntegerField(_("获得年度"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("质量荣誉")
        verbose_name_plural = _("质量荣誉")

    def __str__(self):
        return f"{self.year} {self.title}"


class AccidentRecord(RecordBase):
    """第十一条第（六）项: accidents, of which a major one in the last three years blocks."""

    applicant = models.ForeignKey(Applicant, on_delete=models.CASCADE, related_name="accidents")
    occurred_on = models.DateField(_("发生日期"))
    kind = models.CharField(_("事故类别"), max_length=12, choices=AccidentKind.choices)
    is_major = models.BooleanField(_("重大事故"), default=False)
    description = models.TextField(_("情况说明"))

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("事故记录")
        verbose_name_plural = _("事故记录")

    def __str__(self):
        return f"{self.occurred_on} {self.get_kind_display()}"


class ViolationRecord(RecordBase):
    """第十一条第（一）、（五）项 and 第十二条第（一）项: illegal, irregular or disciplinary conduct."""

    applicant = models.ForeignKey(Applicant, on_delete=models.CASCADE, related_name="violations")
    occurred_on = models.DateField(_("发生日期"))
    kind = models.CharField(_("类别"), max_length=12, choices=ViolationKind.choices)
    authority = models.CharField(_("处理机关"), max_length=80, blank=True)
    description = models.TextField(_("情况说明"))

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("违法违规违纪记录")
        verbose_name_plural = _("违法违规违纪记录")

    def __str__(self):
        return f"{self.occurred_on} {self.get_kind_display()}"
