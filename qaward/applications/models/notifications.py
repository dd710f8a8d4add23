from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import OutboxStatus


class Notification(models.Model):
    """An in-app message telling a user that something waits for them."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    application = models.ForeignKey(
        "applications.Application", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications",
    )
    title = models.CharField(_("标题"), max_length=160)
    body = models.TextField(_("内容"), blank=True)
    url = models.CharField(_("链接"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("站内通知")
        verbose_name_plural = _("站内通知")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.title


class OutboxEmail(models.Model):
    """An e-mail waiting to go out, kept so the office can see what was sent to whom."""

    notification = models.OneToOneField(
        Notification, null=True, blank=True, on_delete=models.SET_NULL, related_name="email",
    )
    to_address = models.EmailField(_("收件人"))
    subject = models.CharField(_("主题"), max_length=200)
    body = models.TextField(_("正文"))
    status = models.CharField(_("状态"), max_length=8, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("发送次数"), default=0)
    error = models.CharField(_("错误信息"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("待发邮件")
        verbose_name_plural = _("邮件发件箱")

    def __str__(self):
        return f"{self.to_address} {self.subject}"
