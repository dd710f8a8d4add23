from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import ApplicationState, AwardLevel, ReviewStage


class Application(models.Model):
    """One applicant's application (申报) in one edition, and the materials of §3.2."""

    edition = models.ForeignKey(
        "programs.Edition", on_delete=models.PROTECT, related_name="applications", verbose_name=_("届次"),
    )
    applicant = models.ForeignKey(
        "applicants.Applicant", on_delete=models.PROTECT, related_name="applications", verbose_name=_("申报者"),
    )
    state = models.CharField(
        _("状态"), max_length=16, choices=ApplicationState.choices, default=ApplicationState.DRAFT,
    )
    receiver = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="received_applications",
        verbose_name=_("接收部门"),
        help_text=_("所在地的县级市场监管部门（含运城开发区），或市级行业主管部门（第十五条）"),
    )
    recommender = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.PROTECT,
        related_name="recommended_applications", verbose_name=_("推荐单位"),
    )
    # 申报表
    contact_name = models.CharField(_("联系人"), max_length=60, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    contact_email = models.EmailField(_("电子邮箱"), blank=True)
    profile = models.TextField(_("组织概述"), blank=True, help_text=_("按 GB/Z 19579 组织概述的要求撰写"))
    quality_mode_summary = models.TextField(_("质量管理模式总结"), blank=True)
    # Self-assessment by rubric category (organisations) or item (individuals), keyed by the code.
    self_assessment = models.JSONField(_("自我评价"), default=dict, blank=True)
    commitment_signed_by = models.CharField(_("承诺人"), max_length=60, blank=True)
    commitment_signed_at = models.DateTimeField(_("承诺时间"), null=True, blank=True)
    no_state_secret_declared = models.BooleanField(_("不涉及国家秘密声明"), default=False)
    proposed_level = models.CharField(_("拟推荐奖项"), max_length=12, choices=AwardLevel.choices, blank=True)
    round = models.PositiveSmallIntegerField(_("提交轮次"), default=0)
    submitted_at = models.DateTimeField(_("最近提交时间"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["edition", "id"]
        verbose_name = _("申报")
        verbose_name_plural = _("申报")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "applicant"], condition=~Q(state=ApplicationState.WITHDRAWN),
                name="one_live_application_per_edition",
            ),
        ]
        indexes = [models.Index(fields=["edition", "state"])]

    def __str__(self):
        return f"{self.reference} {self.applicant}"

    @property
    def reference(self) -> str:
        """申报编号, e.g. 2026-Z-0007 (Z 组织, G 个人)."""
        track = "Z" if self.applicant.is_organization else "G"
        return f"{self.edition.year}-{track}-{self.pk or 0:04d}"

    @property
    def is_organization(self) -> bool:
        return self.applicant.is_organization

    @property
    def program(self):
        return self.edition.program

    @property
    def rubric(self):
        """The rubric the self-assessment follows: the edition's, or the program's default."""
        if self.is_organization:
            return self.edition.organization_rubric or self.program.organization_rubric
        return self.edition.individual_rubric or self.program.individual_rubric

    @property
    def state_label(self) -> str:
        return str(ApplicationState(self.state).label)


class ApplicationEvent(models.Model):
    """Each action on an application with its round, so every return-and-resubmit round stays visible."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    stage = models.CharField(_("环节"), max_length=16, choices=ReviewStage.choices)
    action = models.CharField(_("操作"), max_length=24)
    from_state = models.CharField(_("原状态"), max_length=16, choices=ApplicationState.choices)
    to_state = models.CharField(_("新状态"), max_length=16, choices=ApplicationState.choices)
    round = models.PositiveSmallIntegerField(_("轮次"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("操作人"),
    )
    organization = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("操作单位"),
    )
    reason = models.TextField(_("意见/理由"), blank=True)
    # 第十六条: the receiver audits completeness, authenticity, accuracy and legality.
    checks = models.JSONField(_("审核要点"), default=dict, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("申报办理记录")
        verbose_name_plural = _("申报办理记录")

    def __str__(self):
        return f"{self.application_id} {self.action} #{self.round}"
