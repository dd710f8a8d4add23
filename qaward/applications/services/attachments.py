"""Uploading, removing and opening files (第十七条: no state secret; trade secrets marked and guarded).

A file is judged by its bytes before anything is stored: a refused upload leaves neither a file
in storage nor a row. Files go through Django's storage API, so an S3-compatible store can
replace the disk without touching this code.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum

from qaward.core import audit
from qaward.core.errors import NotPermitted, RuleViolation
from qaward.core.rulebook import TRADE_SECRET_MARKED

from .. import eligibility, files
from ..enums import AttachmentKind
from ..models import Attachment
from .common import invalid, require_editable

MB = 1024 * 1024


def max_file_bytes() -> int:
    return getattr(settings, "APPLICATION_MAX_FILE_BYTES", 20 * MB)


def max_total_bytes() -> int:
    return getattr(settings, "APPLICATION_MAX_TOTAL_BYTES", 200 * MB)


def allowed_types_text() -> str:
    return "PDF、PNG/JPEG 图片、Word（doc/docx）、Excel（xls/xlsx）"


def add_attachment(application, actor, upload, *, kind: str, trade_secret: bool = False,
                   description: str = "") -> Attachment:
    """Check the upload by content and store it; ``upload`` is any file object with name and size."""
    require_editable(application, actor)
    if kind not in AttachmentKind.values:
        raise invalid("请选择材料类别。", "invalid_kind")
    limit = max_file_bytes()
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise invalid(f"文件超过 {limit // MB} MB，请压缩或拆分后上传。", "file_too_large", 413)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise invalid(f"文件超过 {limit // MB} MB，请压缩或拆分后上传。", "file_too_large", 413)
    if not data:
        raise invalid("文件为空，请重新选择。", "file_empty")
    file_type = files.sniff(data)
    if file_type is None:
        raise invalid(f"不支持的文件类型（按文件内容识别）。请上传 {allowed_types_text()}。", "file_type_not_allowed", 415)
    name = files.sanitize_filename(getattr(upload, "name", ""), file_type)
    marks = files.classification_marks(files.extract_text(file_type, data))
    if marks:
        raise RuleViolation([eligibility.state_secret(application, file_name=name, marks=marks)])
    used = application.attachments.aggregate(total=Sum("size"))["total"] or 0
    if used + len(data) > max_total_bytes():
        raise invalid(f"本申报附件总量不能超过 {max_total_bytes() // MB} MB。", "attachments_too_large", 413)
    digest = hashlib.sha256(data).hexdigest()
    duplicate = application.attachments.filter(sha256=digest).first()
    if duplicate is not None:
        raise invalid(f"相同内容的文件已上传过（「{duplicate.original_name}」）。", "duplicate_file", 409)
    attachment = Attachment(
        application=application, kind=kind, original_name=name, file_type=file_type, size=len(data),
        sha256=digest, trade_secret=bool(trade_secret), description=description.strip()[:200], uploaded_by=actor,
    )
    attachment.file.save(f"{uuid.uuid4().hex}.{file_type}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            attachment.save()
            audit.record("application.attachment_add", actor=actor, obj=application, after={
                "attachment": attachment.pk, "name": name, "kind": kind, "sha256": digest,
                "trade_secret": attachment.trade_secret,
            })
    except BaseException:
        attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment, actor) -> None:
    application = attachment.application
    require_editable(application, actor)
    storage, name = attachment.file.storage, attachment.file.name
    audit.record("application.attachment_remove", actor=actor, obj=application, before={
        "attachment": attachment.pk, "name": attachment.original_name, "sha256": attachment.sha256,
    })
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


def open_attachment(attachment: Attachment, actor):
    """The file for reading. A trade-secret file only for those who need it, each opening audited."""
    application = attachment.application
    if not actor.has_perm("applications.view_application", application):
        raise NotPermitted("您无权查看该申报的材料。")
    if attachment.trade_secret:
        if not actor.has_perm("applications.open_trade_secret", application):
            raise NotPermitted("该文件已标注涉及商业秘密，仅评审专家、领导小组办公室和监督组可以查看。",
                               code=TRADE_SECRET_MARKED.code, article=TRADE_SECRET_MARKED.article)
        audit.record_read("application.open_trade_secret", actor=actor, obj=application,
                          after={"attachment": attachment.pk, "name": attachment.original_name})
    return attachment.file.open("rb")
