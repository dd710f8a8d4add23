from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .applications import Application


class OpinionRequest(models.Model):
    """第十七条: the office asks competent departments for written opinions during formal review."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="opinion_requests")
    department = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+", verbose_name=_("征求意见部门"),
    )
    request_text = models.TextField(_("征求意见事项"))
    requested_on = models.DateField(_("发函日期"))
    answered_on = models.DateField(_("复函日期"), null=True, blank=True)
    answer_text = models.TextField(_("书面意见"), blank=True)
    has_objection = models.BooleanField(_("有不同意见"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["requested_on", "id"]
        verbose_name = _("书面征求意见")
        verbose_name_plural = _("书面征求意见")

    def __str__(self):
        return f"{self.department} {self.requested_on}"

    @property
    def is_answered(self) -> bool:
        return self.answered_on is not None
