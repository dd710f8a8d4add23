from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import AwardLevel, NoticeKind, NoticeScope, Track

DEFAULT_ISSUER = "运城市标准化和质量强市领导小组办公室"


class NoticeStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("即将公示")
    RUNNING = "running", _("公示中")
    ENDED = "ended", _("公示期满")
    WITHDRAWN = "withdrawn", _("已撤回")


class NoticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(withdrawn_at__isnull=True)

    def running_on(self, day: dt.date):
        return self.published().filter(start__lte=day, end__gte=day)

    def not_ended_on(self, day: dt.date):
        return self.published().filter(end__gte=day)

    def ended_before(self, day: dt.date):
        return self.published().filter(end__lt=day)


class PublicNotice(models.Model):
    """A list made public for a period of working days (第十七、十九、二十条), open to objections.

    The entries are a snapshot: what was published stays as published, whatever happens to the
    applications afterwards; removals after an upheld objection are marked, never deleted.
    """

    edition = models.ForeignKey("programs.Edition", on_delete=models.PROTECT, related_name="notices",
                                verbose_name=_("届次"))
    kind = models.CharField(_("公示类型"), max_length=16, choices=NoticeKind.choices)
    scope = models.CharField(_("公示范围"), max_length=12, choices=NoticeScope.choices, default=NoticeScope.CITY)
    division = models.ForeignKey("accounts.Division", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("地区"))
    industry = models.CharField(_("行业、领域"), max_length=60, blank=True)
    document_number = models.CharField(_("文号"), max_length=60, blank=True)
    title = models.CharField(_("标题"), max_length=160)
    body = models.TextField(_("正文"), blank=True, help_text=_("名单前的说明文字"))
    contact = models.TextField(_("异议受理方式"), blank=True,
                               help_text=_("受理异议的单位、电话、地址或邮箱，随公示一并公开"))
    issuer = models.CharField(_("发布单位"), max_length=80, default=DEFAULT_ISSUER)
    start = models.DateField(_("公示开始日期"))
    workdays = models.PositiveSmallIntegerField(_("公示期（工作日）"))
    end = models.DateField(_("公示截止日期"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("发布人"))
    published_at = models.DateTimeField(_("发布时间"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("撤回人"))
    withdrawal_reason = models.TextField(_("撤回理由"), blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-pk"]
        verbose_name = _("公示")
        verbose_name_plural = _("公示")
        indexes = [models.Index(fields=["start", "end"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("notices:detail", args=[self.pk])

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def status_on(self, day: dt.date | None = None) -> str:
        day = day or timezone.localdate()
        if self.is_withdrawn:
            return NoticeStatus.WITHDRAWN
        if day < self.start:
            return NoticeStatus.SCHEDULED
        return NoticeStatus.RUNNING if day <= self.end else NoticeStatus.ENDED

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def status_label(self) -> str:
        return NoticeStatus(self.status).label

    def accepts_objections_on(self, day: dt.date | None = None) -> bool:
        return self.status_on(day) == NoticeStatus.RUNNING

    @property
    def scope_label(self) -> str:
        if self.scope == NoticeScope.REGION and self.division_id:
            return str(self.division)
        if self.scope == NoticeScope.INDUSTRY and self.industry:
            return self.industry
        return self.get_scope_display()

    def active_entries(self):
        return self.entries.filter(removed_at__isnull=True)


class NoticeEntry(models.Model):
    """One line of a published list, kept as it was displayed."""

    notice = models.ForeignKey(PublicNotice, on_delete=models.CASCADE, related_name="entries")
    position = models.PositiveSmallIntegerField(_("序号"))
    name = models.CharField(_("名称/姓名"), max_length=120)
    unit = models.CharField(_("所在单位"), max_length=120, blank=True)
    region = models.CharField(_("所在地区/行业"), max_length=60, blank=True)
    track = models.CharField(_("类别"), max_length=16, choices=Track.choices)
    level = models.CharField(_("奖项"), max_length=12, choices=AwardLevel.choices, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)
    # The application (or any other subject) the line stands for, when the system holds it.
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    removed_at = models.DateTimeField(_("移除时间"), null=True, blank=True)
    removal_reason = models.TextField(_("移除理由"), blank=True)

    class Meta:
        ordering = ["notice", "position"]
        verbose_name = _("公示名单条目")
        verbose_name_plural = _("公示名单条目")
        constraints = [models.UniqueConstraint(fields=["notice", "position"], name="unique_entry_position")]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]

    def __str__(self):
        return f"{self.position}. {self.name}"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None
