"""Excel workbooks (openpyxl) of application lists for the departments and the office."""

from __future__ import annotations

import io
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER_FILL = PatternFill("solid", fgColor="164D86")


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


APPLICATION_COLUMNS = [
    ("申报编号", 14, lambda a: a.reference),
    ("申报者", 34, lambda a: a.applicant.name),
    ("类别", 8, lambda a: a.applicant.get_kind_display()),
    ("所在地", 12, lambda a: a.applicant.organization.division.name if a.applicant.organization.division else ""),
    ("所属行业", 24, lambda a: f"{a.applicant.industry_code} {a.applicant.industry_name}".strip()),
    ("接收部门", 26, lambda a: a.receiver.name if a.receiver else ""),
    ("推荐单位", 22, lambda a: a.recommender.name if a.recommender else ""),
    ("状态", 16, lambda a: a.state_label),
    ("提交轮次", 9, lambda a: a.round),
    ("最近提交时间", 18, lambda a: _local(a.submitted_at)),
    ("受理时间", 18, lambda a: _local(a.accepted_at)),
]

ACCEPTANCE_COLUMNS = [
    ("序号", 6, None),
    ("申报编号", 14, lambda a: a.reference),
    ("名称/姓名", 36, lambda a: a.applicant.name),
    ("类别", 8, lambda a: a.applicant.get_kind_display()),
    ("所在地", 12, lambda a: a.applicant.organization.division.name if a.applicant.organization.division else ""),
    ("所属行业", 24, lambda a: f"{a.applicant.industry_code} {a.applicant.industry_name}".strip()),
    ("推荐单位", 24, lambda a: a.recommender.name if a.recommender else ""),
    ("受理日期", 12, lambda a: timezone.localtime(a.accepted_at).strftime("%Y-%m-%d") if a.accepted_at else ""),
]


def workbook(title: str, columns, rows, *, subtitle: str = "") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([title])
    sheet["A1"].font = Font(size=14, bold=True)
    sheet.append([subtitle or f"导出时间：{_local(timezone.now())}"])
    sheet.append([name for name, _, _ in columns])
    for cell in sheet[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for number, row in enumerate(rows, start=1):
        sheet.append([number if value is None else value(row) for _, _, value in columns])
    for index, (_, width, _) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    response["Cache-Control"] = "private, no-store"
    return response
