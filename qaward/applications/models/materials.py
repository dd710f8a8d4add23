import os

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import AttachmentKind, PublicityResult, TalentLevel, VerificationStatus
from .applications import Application


def attachment_path(instance, filename):
    # The stored name never contains the uploader's file name: only the application and a random key.
    return f"applications/{instance.application_id}/{filename}"


class Attachment(models.Model):
    """An uploaded file, checked by content, with its SHA-256 and the trade-secret mark (第十七条)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("材料类别"), max_length=12, choices=AttachmentKind.choices)
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("文件名"), max_length=160)
    file_type = models.CharField(_("文件类型"), max_length=8)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    trade_secret = models.BooleanField(
        _("涉及商业秘密"), default=False, help_text=_("仅评审专家、领导小组办公室和监督组可查看，每次查看均记录"),
    )
    description = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)

    class Meta:
        ordering = ["kind", "uploaded_at", "id"]
        verbose_name = _("申报附件")
        verbose_name_plural = _("申报附件")

    def __str__(self):
        return self.original_name

    @property
    def extension(self) -> str:
        return os.path.splitext(self.file.name)[1]


class TalentRecord(models.Model):
    """第三条: an introduced person adds 5 (一般) or 20 (高端, 正高级) points once the office verifies it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="talents")
    name = models.CharField(_("姓名"), max_length=60)
    level = models.CharField(_("人才类别"), max_length=12, choices=TalentLevel.choices)
    title = models.CharField(_("职称/资格"), max_length=80, blank=True)
    field = models.CharField(_("引进领域"), max_length=80, blank=True, help_text=_("如质量管理、产品研发"))
    introduced_on = models.DateField(_("引进日期"))
    evidence = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("证明材料"),
    )
    status = models.CharField(
        _("核实状态"), max_length=12, choices=VerificationStatus.choices, default=VerificationStatus.PENDING,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    verified_at = models.DateTimeField(_("核实时间"), null=True, blank=True)
    verification_note = models.CharField(_("核实意见"), max_length=200, blank=True)

    class Meta:
        ordering = ["introduced_on", "id"]
        verbose_name = _("人才引进记录")
        verbose_name_plural = _("人才引进记录")

    def __str__(self):
        return f"{self.name}（{self.get_level_display()}）"

    @property
    def points(self) -> int:
        program = self.application.edition.program
        return program.bonus_senior_talent if self.level == TalentLevel.SENIOR else program.bonus_general_talent


class PublicityRecord(models.Model):
    """第十五条: the internal publicity (本组织或单位内部公示) before submission."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="publicity")
    start_on = models.DateField(_("公示开始日期"))
    end_on = models.DateField(_("公示结束日期"))
    scope = models.CharField(_("公示范围与方式"), max_length=200, blank=True)
    result = models.CharField(_("公示结果"), max_length=16, choices=PublicityResult.choices)
    result_note = models.TextField(_("结果说明"), blank=True)
    evidence = models.ForeignKey(
        Attachment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("公示证明"),
    )
    recorded_at = models.DateTimeField(_("登记时间"), default=timezone.now)

    class Meta:
        verbose_name = _("内部公示记录")
        verbose_name_plural = _("内部公示记录")

    def __str__(self):
        return f"{self.start_on}～{self.end_on}"
