"""Excel downloads of lists (openpyxl), one look for every app: a bold header row that stays in view,
columns wide enough to read, and a Chinese file name that survives the download (RFC 5987)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FILL = PatternFill("solid", fgColor="164D86")


def xlsx_response(filename: str, sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence], *,
                  widths: Sequence[int] | None = None, title: str = "", subtitle: str = "") -> HttpResponse:
    """One sheet: an optional title and subtitle line, the header row, then ``rows``.

    Column widths are ``widths`` when given, otherwise fitted to the longest value.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = str(sheet_title)[:31]
    if title:
        sheet.append([str(title)])
        sheet["A1"].font = Font(size=14, bold=True)
        sheet.append([str(subtitle)])
    sheet.append([str(h) for h in headers])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for index, header in enumerate(headers, start=1):
        letter = get_column_letter(index)
        if widths is not None:
            width = widths[index - 1]
        else:
            # CJK characters take about two columns; values are measured as they are.
            values = (len(str(c.value or "")) for c in sheet[letter][header_row:])
            width = min(max(len(str(header)) * 2, *values, 8), 60)
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{header_row + 1}"
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # Office lists name applicants and departments: no shared cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response


def _cell(value):
    if value is None or isinstance(value, int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value  # dates stay dates in the sheet
    return str(value)
