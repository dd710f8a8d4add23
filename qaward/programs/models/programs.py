import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year + years, day=28)


class RuleDocument(models.Model):
    """The normative document a program runs under, with its validity (第三十四、三十五条)."""

    title = models.CharField(_("文件名称"), max_length=120)
    document_number = models.CharField(_("文号"), max_length=60)
    issuer = models.CharField(_("发文机关"), max_length=60)
    effective_from = models.DateField(_("施行日期"))
    valid_years = models.PositiveSmallIntegerField(_("有效期（年）"))
    full_text = models.TextField(_("全文"), blank=True)

    class Meta:
        verbose_name = _("规范性文件")
        verbose_name_plural = _("规范性文件")

    def __str__(self):
        return f"《{self.title}》（{self.document_number}）"

    @property
    def valid_until(self) -> datetime.date:
        """Last day in force: five years from 2023-06-09 ends on 2028-06-08."""
        return add_years(self.effective_from, self.valid_years) - datetime.timedelta(days=1)

    def in_force_on(self, day: datetime.date) -> bool:
        return self.effective_from <= day <= self.valid_until


class ProgramLevel(models.TextChoices):
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")


class Program(models.Model):
    """An award and its rules as data (第九条: counties may run one of the same shape)."""

    code = models.SlugField(_("代码"), unique=True)
    name = models.CharField(_("奖项名称"), max_length=60)
    level = models.CharField(_("层级"), max_length=8, choices=ProgramLevel.choices, default=ProgramLevel.CITY)
    issuing_authority = models.CharField(_("设立机关"), max_length=60)
    rule_document = models.ForeignKey(RuleDocument, on_delete=models.PROTECT, verbose_name=_("管理办法"))
    cycle_years = models.PositiveSmallIntegerField(_("评选周期（年）"), default=5)
    quota_award_organizations = models.PositiveSmallIntegerField(_("质量奖组织名额上限"), default=4)
    quota_award_individuals = models.PositiveSmallIntegerField(_("质量奖个人名额上限"), default=4)
    quota_nomination_organizations = models.PositiveSmallIntegerField(_("提名奖组织名额上限"), default=4)
    quota_nomination_individuals = models.PositiveSmallIntegerField(_("提名奖个人名额上限"), default=4)
    notice_min_workdays = models.PositiveSmallIntegerField(_("公示最短工作日"), default=5)
    acceptance_notice_workdays = models.PositiveSmallIntegerField(_("受理名单公示工作日"), default=5)
    internal_publicity_min_workdays = models.PositiveSmallIntegerField(_("内部公示最短工作日"), default=5)
    bonus_general_talent = models.PositiveSmallIntegerField(_("一般人才加分"), default=5)
    bonus_senior_talent = models.PositiveSmallIntegerField(_("高端人才加分"), default=20)
    profile_max_chars = models.PositiveIntegerField(_("组织概述字数上限"), default=3000)
    self_assessment_max_chars = models.PositiveIntegerField(_("自我评价报告字数上限"), default=30000)
    organization_min_years = models.PositiveSmallIntegerField(_("组织设立最短年限"), default=3)
    accident_lookback_years = models.PositiveSmallIntegerField(_("事故回溯年限"), default=3)
    person_min_quality_years = models.PositiveSmallIntegerField(_("个人质量工作最短年限"), default=10)
    winner_cooldown_editions = models.PositiveSmallIntegerField(_("获奖后不得申报的届数"), default=2)
    revocation_ban_editions = models.PositiveSmallIntegerField(_("撤销后不得申报的届数"), default=3)
    organization_rubric = models.ForeignKey(
        "programs.Rubric", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("组织评分标准（默认）"),
    )
    individual_rubric = models.ForeignKey(
        "programs.Rubric", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("个人评分标准（默认）"),
    )

    class Meta:
        verbose_name = _("奖项")
        verbose_name_plural = _("奖项")

    def __str__(self):
        return self.name
