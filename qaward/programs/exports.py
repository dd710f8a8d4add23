"""Excel exports of office lists (openpyxl): one sheet, a bold header row, plain values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from io import BytesIO

from django.http import HttpResponse
from django.utils.encoding import escape_uri_path
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str, sheet_title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    sheet.append([str(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(value) for value in row])
    for column, header in zip(sheet.columns, headers, strict=False):
        width = max([len(str(header)) * 2, *(len(str(c.value or "")) for c in column)])
        sheet.column_dimensions[column[0].column_letter].width = min(max(width, 8), 60)
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{escape_uri_path(filename)}"
    return response


def _cell(value):
    if value is None or isinstance(value, int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value  # dates stay dates in the sheet
    return str(value)
