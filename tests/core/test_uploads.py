"""Upload types judged by content: each app passes the set of types it accepts."""

import io
import zipfile

import pytest

from qaward.core import uploads

PDF = b"%PDF-1.4\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16


def office_zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "expected"), [
    (PDF, "pdf"), (PNG, "png"), (JPEG, "jpg"),
    (office_zip("[Content_Types].xml", "word/document.xml"), "docx"),
    (office_zip("[Content_Types].xml", "xl/workbook.xml"), "xlsx"),
    (uploads.OLE_MAGIC + "WordDocument".encode("utf-16-le"), "doc"),
    (b"plain text named report.pdf", None),
    (office_zip("readme.txt"), None),
])
def test_sniff_knows_the_type_by_content(data, expected):
    assert uploads.sniff(data) == expected


def test_sniff_refuses_a_type_outside_the_allowed_set():
    evidence = {uploads.PDF, uploads.PNG, uploads.JPEG}

    assert uploads.sniff(PNG, evidence) == "png"
    assert uploads.sniff(office_zip("[Content_Types].xml", "word/document.xml"), evidence) is None


def test_content_types_and_extensions_map_both_ways():
    assert uploads.CONTENT_TYPES[uploads.JPEG] == "image/jpeg"
    assert uploads.TYPES_BY_CONTENT_TYPE["image/jpeg"] == "jpg"
