"""Vocabulary every app of an edition shares: the two awards of 第四条 and the two tracks."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models.rubrics import RubricTrack as Track


class AwardLevel(models.TextChoices):
    """第四条: 质量奖 and 质量奖提名奖, each with its own quotas."""

    AWARD = "award", _("质量奖")
    NOMINATION = "nomination", _("质量奖提名奖")


__all__ = ["AwardLevel", "Track"]
