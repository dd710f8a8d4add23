"""Evidence files of an objection: PDF or images only, judged by their content, never their name."""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError

from qaward.core import uploads
from qaward.core.crypto import sm3_hex
from qaward.core.errors import DomainError

MAX_FILES = 5
MAX_BYTES = 10 * 1024 * 1024

ALLOWED_TYPES = frozenset({uploads.PDF, uploads.PNG, uploads.JPEG})


@dataclass(frozen=True)
class CheckedFile:
    content: ContentFile  # named with a random name: an uploaded name may reveal the objector
    content_type: str
    size: int
    digest: str


def _refuse(detail: str) -> DomainError:
    return DomainError(detail, code="evidence_invalid", status=422)


def _verify_image(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def check_file(upload, number: int = 1) -> CheckedFile:
    size = upload.size
    if size > MAX_BYTES:
        raise _refuse(f"第{number}个文件超过{MAX_BYTES // (1024 * 1024)}MB。")
    if size == 0:
        raise _refuse(f"第{number}个文件是空文件。")
    data = upload.read()
    extension = uploads.sniff(data, ALLOWED_TYPES)
    if extension is None:
        raise _refuse(f"第{number}个文件不是PDF或图片（JPG、PNG）。")
    content_type = uploads.CONTENT_TYPES[extension]
    if extension == uploads.PDF:
        if b"%%EOF" not in data[-2048:]:
            raise _refuse(f"第{number}个文件不是完整的PDF文件。")
    elif not _verify_image(data):
        raise _refuse(f"第{number}个文件不是有效的图片。")
    name = f"{secrets.token_hex(8)}.{extension}"
    return CheckedFile(ContentFile(data, name=name), content_type, len(data), sm3_hex(data))


def check_files(uploads) -> list[CheckedFile]:
    uploads = [u for u in uploads or [] if u]
    if len(uploads) > MAX_FILES:
        raise _refuse(f"证明材料最多{MAX_FILES}个文件。")
    return [check_file(upload, number) for number, upload in enumerate(uploads, start=1)]
