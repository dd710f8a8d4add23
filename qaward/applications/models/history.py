from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import AwardLevel


class AwardRecord(models.Model):
    """Who won what in which edition, and any revocation: the source of 第十三条 and 第三十条.

    The office enters past editions (Edition.is_historical) so history before the system counts;
    the decision of a later edition records its winners here too.
    """

    edition = models.ForeignKey("programs.Edition", on_delete=models.PROTECT, related_name="award_records",
                                verbose_name=_("届次"))
    applicant = models.ForeignKey("applicants.Applicant", on_delete=models.PROTECT, related_name="award_records",
                                  verbose_name=_("获奖者"))
    level = models.CharField(_("奖项"), max_length=12, choices=AwardLevel.choices)
    application = models.OneToOneField(
        "applications.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="award_record",
    )
    revoked_on = models.DateField(_("撤销日期"), null=True, blank=True)
    revocation_note = models.CharField(_("撤销依据"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["edition", "level", "id"]
        verbose_name = _("获奖记录")
        verbose_name_plural = _("获奖记录")
        constraints = [models.UniqueConstraint(fields=["edition", "applicant"], name="one_award_per_edition")]

    def __str__(self):
        return f"{self.edition} {self.applicant} {self.get_level_display()}"
