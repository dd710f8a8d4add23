"""What an uploaded file really is, judged by its content (magic bytes), never by the name the
uploader gave. A .docx or .xlsx is a zip archive with the entries of its format; a .doc or .xls an
OLE compound file naming its streams. Each app passes the set of types it accepts, and keeps its
own size limits and messages.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection

PDF, PNG, JPEG, DOCX, XLSX, DOC, XLS = "pdf", "png", "jpg", "docx", "xlsx", "doc", "xls"
ALL_TYPES = frozenset({PDF, PNG, JPEG, DOCX, XLSX, DOC, XLS})
TYPE_LABELS = {
    PDF: "PDF", PNG: "PNG 图片", JPEG: "JPEG 图片", DOCX: "Word 文档", XLSX: "Excel 表格",
    DOC: "Word 97-2003 文档", XLS: "Excel 97-2003 表格",
}
CONTENT_TYPES = {
    PDF: "application/pdf", PNG: "image/png", JPEG: "image/jpeg",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    DOC: "application/msword", XLS: "application/vnd.ms-excel",
}
# A type is also its file extension.
TYPES_BY_CONTENT_TYPE = {content_type: kind for kind, content_type in CONTENT_TYPES.items()}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURES = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))


def sniff(data: bytes, allowed: Collection[str] = ALL_TYPES) -> str | None:
    """The file's type from its content, or None when it is not one of ``allowed``."""
    kind = next((kind for magic, kind in SIGNATURES if data.startswith(magic)), None)
    if kind is None and data.startswith(b"PK\x03\x04") and {DOCX, XLSX} & set(allowed):
        kind = _office_zip(data)
    if kind is None and data.startswith(OLE_MAGIC) and {DOC, XLS} & set(allowed):
        kind = _ole(data)
    return kind if kind in allowed else None


def _office_zip(data: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def _ole(data: bytes) -> str | None:
    # The compound file's directory names its streams in UTF-16: WordDocument, or Workbook/Book.
    if "WordDocument".encode("utf-16-le") in data:
        return DOC
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return XLS
    return None
