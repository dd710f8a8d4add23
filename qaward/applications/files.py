"""What an uploaded file really is, judged by its bytes, and whether it carries a classification mark.

Types are recognised by content (qaward.core.uploads), never by the name the uploader gave.
Text is extracted naively — PDF strings and (Flate) streams including ToUnicode maps, Word and
Excel XML, legacy Office UTF-16 text — only to find the marks of 第十七条 (绝密, 机密, 秘密★);
images carry no text we read.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
import zlib

from qaward.core import uploads
from qaward.core.uploads import ALL_TYPES, DOC, DOCX, PDF, XLS, XLSX

# Extraction reads at most this much decompressed text, so a zip or Flate bomb cannot exhaust memory.
MAX_EXTRACTED = 64 * 1024 * 1024
# Applications take every type the office reads (第十七条 materials are documents, sheets and scans).
ALLOWED_TYPES = ALL_TYPES


def sniff(data: bytes) -> str | None:
    """The file's type from its content, or None when it is not one of the allowed types."""
    return uploads.sniff(data, ALLOWED_TYPES)


# --- text ------------------------------------------------------------------------------------------

def extract_text(file_type: str, data: bytes) -> str:
    if file_type == PDF:
        return _pdf_text(data)
    if file_type in (DOCX, XLSX):
        return _zip_xml_text(data, file_type)
    if file_type in (DOC, XLS):
        return data.decode("utf-16-le", "ignore") + "\n" + data.decode("gb18030", "ignore")
    return ""


_XML_TAG = re.compile(r"<[^>]+>")


def _zip_xml_text(data: bytes, file_type: str) -> str:
    prefix = "word/" if file_type == DOCX else "xl/"
    parts, budget = [], MAX_EXTRACTED
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name = info.filename
            wanted = (name.startswith(prefix) and name.endswith(".xml")
                      and ("sharedStrings" in name or "worksheets/" in name if file_type == XLSX else True))
            if not wanted:
                continue
            with archive.open(info) as member:
                chunk = member.read(budget)
            budget -= len(chunk)
            parts.append(_XML_TAG.sub("", chunk.decode("utf-8", "ignore")))
            if budget <= 0:
                break
    return "\n".join(parts)


_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]+)>")
_LITERAL = re.compile(rb"\(((?:\\.|[^\\)])*)\)", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX_TOKEN = re.compile(rb"<([0-9A-Fa-f]+)>")


def _pdf_chunks(data: bytes) -> list[bytes]:
    chunks, budget = [data], MAX_EXTRACTED
    for match in _STREAM.finditer(data):
        raw = match.group(1)
        try:
            inflated = zlib.decompressobj().decompress(raw, budget)
        except zlib.error:
            continue
        if inflated:
            chunks.append(inflated)
            budget -= len(inflated)
            if budget <= 0:
                break
    return chunks


def _utf16(hex_digits: bytes) -> int:
    return int(hex_digits, 16)


def _cmap(chunk: bytes) -> dict[bytes, str]:
    """A ToUnicode CMap: glyph code (raw bytes) → text."""
    mapping: dict[bytes, str] = {}

    def text(hex_digits: bytes) -> str:
        return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", "ignore")

    for block in _BFCHAR.findall(chunk):
        tokens = _HEX_TOKEN.findall(block)
        for src, dst in zip(tokens[::2], tokens[1::2], strict=False):
            mapping[bytes.fromhex(src.decode())] = text(dst)
    for block in _BFRANGE.findall(chunk):
        for line in block.splitlines():
            tokens = _HEX_TOKEN.findall(line)
            if len(tokens) < 3:
                continue
            low, high, width = _utf16(tokens[0]), _utf16(tokens[1]), len(tokens[0]) // 2
            if high - low > 0xFFFF:
                continue
            if b"[" in line:  # an array of destinations, one per code
                for offset, dst in enumerate(tokens[2:]):
                    mapping[(low + offset).to_bytes(width, "big")] = text(dst)
            else:
                start = _utf16(tokens[2])
                for offset in range(high - low + 1):
                    mapping[(low + offset).to_bytes(width, "big")] = chr(start + offset) if start + offset < 0x110000 else ""
    return mapping


def _decode_with(mapping: dict[bytes, str], raw: bytes) -> str:
    width = len(next(iter(mapping)))
    return "".join(mapping.get(raw[i:i + width], "") for i in range(0, len(raw) - width + 1, width))


def _unescape_literal(raw: bytes) -> bytes:
    return re.sub(rb"\\([nrtbf()\\])", lambda m: {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b",
                                                    b"f": b"\f"}.get(m.group(1), m.group(1)), raw)


def _pdf_text(data: bytes) -> str:
    chunks = _pdf_chunks(data)
    cmaps = [m for m in (_cmap(c) for c in chunks if b"beginbf" in c) if m]
    texts = []
    for chunk in chunks:
        texts.append(chunk.decode("utf-8", "ignore"))
        hex_strings = [bytes.fromhex(re.sub(rb"\s", b"", h).decode()) for h in _HEX_STRING.findall(chunk)
                       if len(re.sub(rb"\s", b"", h)) % 2 == 0]
        literals = [_unescape_literal(lit) for lit in _LITERAL.findall(chunk)]
        for raw in hex_strings + literals:
            if raw.startswith(b"\xfe\xff"):
                texts.append(raw[2:].decode("utf-16-be", "ignore"))
        # Text shown with an embedded font is glyph codes: read each string through the ToUnicode map
        # that covers all its codes, the strings of one stream joined so that a mark split by kerning
        # or set in two fonts (秘密 in a CJK font, ★ in another) is still found.
        if cmaps:
            texts.append(_decode_strings(hex_strings, cmaps))
    return "\n".join(texts)


def _covers(mapping: dict[bytes, str], raw: bytes) -> bool:
    width = len(next(iter(mapping)))
    return len(raw) % width == 0 and all(raw[i:i + width] in mapping for i in range(0, len(raw), width))


def _decode_strings(strings: list[bytes], cmaps: list[dict[bytes, str]]) -> str:
    """Which font a string is set in is not parsed; the map that covers every code of the string is
    taken, the previous string's map first when several do."""
    out, current = [], None
    for raw in strings:
        candidates = [m for m in cmaps if raw and _covers(m, raw)]
        if not candidates:
            continue
        current = current if any(current is m for m in candidates) else candidates[0]
        out.append(_decode_with(current, raw))
    return "".join(out)


# --- marks -----------------------------------------------------------------------------------------

# A mark is 绝密/机密/秘密 followed by ★ (GB/T 9704), or a bare 绝密/机密 that is not part of a common
# phrase about confidentiality (机密性, 商业机密, 不涉及国家机密 …) which a quality report may well contain.
_MARK = re.compile(
    r"(绝密|机密|秘密)\s*★"
    r"|(?<!商业)(?<!技术)(?<!不涉及)(?<!不含)(?<!无)绝密(?!性)"
    r"|(?<!商业)(?<!技术)(?<!国家)(?<!不涉及)(?<!不含)(?<!无)机密(?!性)"
)


def classification_marks(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    return sorted({m.group(0).replace(" ", "") for m in _MARK.finditer(text)})


# --- names -----------------------------------------------------------------------------------------

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def sanitize_filename(name: str, file_type: str) -> str:
    """A display name: the uploader's base name without path or control characters, and the extension
    of the type the content really is."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = os.path.splitext(name)[0]
    stem = _UNSAFE.sub("", stem).strip(" .")[:100] or "附件"
    return f"{stem}.{file_type}"
