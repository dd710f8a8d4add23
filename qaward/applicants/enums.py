from django.db import models
from django.utils.translation import gettext_lazy as _

from qaward.accounts.enums import OrganizationKind


class ApplicantKind(models.TextChoices):
    ORGANIZATION = "organization", _("组织")
    INDIVIDUAL = "individual", _("个人")


# The organisation types an applicant may register as (第十一条第（四）项 treats for-profit and
# non-profit organisations differently; 第十九条 consults by public institution vs enterprise).
APPLICANT_ORGANIZATION_KINDS = (
    OrganizationKind.ENTERPRISE,
    OrganizationKind.NON_PROFIT,
    OrganizationKind.PUBLIC_INSTITUTION,
)


class HonourLevel(models.TextChoices):
    NATIONAL = "national", _("国家级")
    PROVINCIAL = "provincial", _("省级")


class AccidentKind(models.TextChoices):
    QUALITY = "quality", _("质量事故")
    SAFETY = "safety", _("安全事故")
    ENVIRONMENT = "environment", _("环保事故")


class ViolationKind(models.TextChoices):
    ILLEGAL = "illegal", _("违法")
    IRREGULAR = "irregular", _("违规")
    DISCIPLINARY = "disciplinary", _("违纪")
