from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .programs import Program


class EditionStage(models.TextChoices):
    """DESIGN.md §3.1, in order."""

    PREPARING = "preparing", _("筹备（制订评选方案和标准）")
    APPROVED = "approved", _("已获批准")
    OPEN = "open", _("申报中")
    FORMAL_REVIEW = "formal_review", _("形式审查")
    ACCEPTANCE_NOTICE = "acceptance_notice", _("受理名单公示")
    EVALUATION = "evaluation", _("评审")
    CANDIDATES = "candidates", _("候选名单征求意见与公示")
    DELIBERATION = "deliberation", _("领导小组审议")
    RECOMMENDATION_NOTICE = "recommendation_notice", _("获奖建议名单公示")
    REPORTED = "reported", _("已报市政府")
    DECIDED = "decided", _("已发布表彰决定")


STAGE_ORDER = [s.value for s in EditionStage]


class Edition(models.Model):
    """One edition (届) of a program: one per cycle (第四条)."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="editions", verbose_name=_("奖项"))
    number = models.PositiveSmallIntegerField(_("届次"))
    year = models.PositiveSmallIntegerField(_("评选年度"))
    title = models.CharField(_("名称"), max_length=120)
    stage = models.CharField(_("阶段"), max_length=24, choices=EditionStage.choices, default=EditionStage.PREPARING)
    is_historical = models.BooleanField(
        _("历史届次"), default=False, help_text=_("系统启用前已完成的届次，由办公室补录，用于计算不得申报期"),
    )
    plan = models.TextField(_("评选方案"), blank=True)
    criteria = models.TextField(_("评选标准说明"), blank=True)
    organization_rubric = models.ForeignKey(
        "programs.Rubric", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("组织评分标准"),
    )
    individual_rubric = models.ForeignKey(
        "programs.Rubric", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("个人评分标准"),
    )
    call_title = models.CharField(_("申报通知标题"), max_length=160, blank=True)
    call_text = models.TextField(_("申报通知正文"), blank=True)
    call_published_on = models.DateField(_("申报通知发布日期"), null=True, blank=True)
    application_deadline = models.DateField(_("申报截止日期"), null=True, blank=True)
    decided_on = models.DateField(_("表彰决定日期"), null=True, blank=True)
    decision_document = models.CharField(_("表彰决定文号"), max_length=60, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    class Meta:
        ordering = ["program", "-number"]
        verbose_name = _("届次")
        verbose_name_plural = _("届次")
        constraints = [
            models.UniqueConstraint(fields=["program", "number"], name="unique_edition_number"),
            models.UniqueConstraint(fields=["program", "year"], name="unique_edition_year"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programs:edition_detail", args=[self.pk])

    @property
    def stage_index(self) -> int:
        return STAGE_ORDER.index(self.stage)

    def has_reached(self, stage: str) -> bool:
        return self.stage_index >= STAGE_ORDER.index(stage)


class EditionApproval(models.Model):
    """第四条: 报请市委、市政府同意 … 经省委、省政府审批后开展."""

    class Kind(models.TextChoices):
        CITY = "city", _("市委、市政府同意")
        PROVINCE = "province", _("省委、省政府审批")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="approvals")
    kind = models.CharField(_("审批类型"), max_length=12, choices=Kind.choices)
    authority = models.CharField(_("批准机关"), max_length=80)
    document_number = models.CharField(_("批准文号"), max_length=60)
    approved_on = models.DateField(_("批准日期"))

    class Meta:
        verbose_name = _("届次审批")
        verbose_name_plural = _("届次审批")
        constraints = [models.UniqueConstraint(fields=["edition", "kind"], name="unique_edition_approval")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.document_number}"
