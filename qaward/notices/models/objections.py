from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qaward.core.fields import EncryptedTextField
from qaward.core.uploads import TYPES_BY_CONTENT_TYPE

from ..enums import OPEN_OBJECTION_STATUSES, ObjectionStatus
from .notices import NoticeEntry, PublicNotice


class ObjectionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_OBJECTION_STATUSES)


class Objection(models.Model):
    """An objection (异议) to one entry of a running notice (第七、二十七、二十八条).

    The objector's identity is SM4-encrypted and shown to the supervision group alone (第二十八条
    为举报人保密); str() and every audit record name the objection by its tracking code only.
    """

    notice = models.ForeignKey(PublicNotice, on_delete=models.PROTECT, related_name="objections",
                               verbose_name=_("公示"))
    entry = models.ForeignKey(NoticeEntry, on_delete=models.PROTECT, related_name="objections",
                              verbose_name=_("异议对象"))
    tracking_code = models.CharField(_("查询码"), max_length=16, unique=True)
    status = models.CharField(_("状态"), max_length=20, choices=ObjectionStatus.choices,
                              default=ObjectionStatus.FILED)
    content = models.TextField(_("异议内容（事实与理由）"))
    is_anonymous = models.BooleanField(_("匿名"), default=True)
    objector_name = EncryptedTextField(_("姓名"), blank=True)
    objector_phone = EncryptedTextField(_("联系电话"), blank=True)
    objector_id_number = EncryptedTextField(_("身份证件号码"), blank=True)
    objector_unit = EncryptedTextField(_("工作单位"), blank=True)
    filed_at = models.DateTimeField(_("提出时间"), default=timezone.now)
    findings = models.TextField(_("调查核实情况"), blank=True)
    investigated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+",
                                        verbose_name=_("调查人"))
    investigated_at = models.DateTimeField(_("调查记录时间"), null=True, blank=True)
    decision_reason = models.TextField(_("处理决定理由"), blank=True)
    public_reply = models.TextField(_("公开答复"), blank=True,
                                    help_text=_("异议人凭查询码可见的处理结果"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("决定人"))
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)

    objects = ObjectionQuerySet.as_manager()

    class Meta:
        ordering = ["-filed_at", "-pk"]
        verbose_name = _("异议")
        verbose_name_plural = _("异议")

    def __str__(self):
        return f"异议 {self.tracking_code}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_OBJECTION_STATUSES

    @property
    def is_decided(self) -> bool:
        return not self.is_open

    @property
    def has_identity(self) -> bool:
        return not self.is_anonymous


def evidence_path(instance: ObjectionEvidence, filename: str) -> str:
    # The stored name is random: an uploaded file name may carry the objector's name.
    return f"objections/{instance.objection.tracking_code}/{filename}"


class ObjectionEvidence(models.Model):
    """A file supporting an objection (第二十八条 提供必要的证明材料), PDF or image only."""

    objection = models.ForeignKey(Objection, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("文件"), upload_to=evidence_path, max_length=200)
    content_type = models.CharField(_("文件类型"), max_length=40)
    size = models.PositiveIntegerField(_("大小（字节）"))
    digest = models.CharField(_("SM3 摘要"), max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["objection", "pk"]
        verbose_name = _("异议证明材料")
        verbose_name_plural = _("异议证明材料")

    def __str__(self):
        return f"{self.objection.tracking_code} #{self.pk}"

    @property
    def label(self) -> str:
        return f"证明材料{self.pk}.{self.extension}"

    @property
    def extension(self) -> str:
        return TYPES_BY_CONTENT_TYPE.get(self.content_type, "bin")
