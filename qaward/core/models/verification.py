import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A check still queued or running after this long was lost with its worker: it no longer holds back
# a new one, and its page stops waiting for it.
ABANDONED_AFTER = datetime.timedelta(hours=1)


class AuditVerificationQuerySet(models.QuerySet):
    def under_way(self):
        return self.filter(status__in=AuditVerification.UNDER_WAY,
                           started_at__gt=timezone.now() - ABANDONED_AFTER)


class AuditVerification(models.Model):
    """One check of the whole audit chain, started from the supervision page and walked by the
    background worker (django-tasks), which writes its progress here for the page to show."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队等待")
        RUNNING = "running", _("校验中")
        FINISHED = "finished", _("已完成")
        FAILED = "failed", _("未能完成")

    UNDER_WAY = (Status.QUEUED, Status.RUNNING)

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("发起人"),
    )
    started_at = models.DateTimeField(_("发起时间"), default=timezone.now)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveBigIntegerField(_("链长"), default=0, help_text=_("发起时链头记录的条数，用于显示进度"))
    progress = models.PositiveBigIntegerField(_("已走过的记录"), default=0)
    checked = models.PositiveBigIntegerField(_("已校验记录数"), default=0)
    broken_at = models.PositiveBigIntegerField(_("断裂处序号"), null=True, blank=True)
    reason = models.TextField(_("断裂原因"), blank=True)
    task_id = models.CharField(_("后台任务编号"), max_length=64, blank=True)

    objects = AuditVerificationQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("审计链校验")
        verbose_name_plural = _("审计链校验")

    def __str__(self):
        return f"#{self.pk} {self.get_status_display()}"

    @property
    def under_way(self) -> bool:
        return self.status in self.UNDER_WAY and not self.abandoned

    @property
    def abandoned(self) -> bool:
        return self.status in self.UNDER_WAY and self.started_at <= timezone.now() - ABANDONED_AFTER

    @property
    def finished(self) -> bool:
        return self.status == self.Status.FINISHED

    @property
    def intact(self) -> bool:
        return self.finished and self.broken_at is None

    @property
    def percent(self) -> int:
        if not self.total:
            return 0
        return min(100, self.progress * 100 // self.total)
