"""Excel workbooks (openpyxl) of application lists for the departments and the office."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone

from qaward.core.exports import xlsx_response


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _division(application) -> str:
    division = application.applicant.organization.division
    return division.name if division else ""


def _industry(application) -> str:
    return f"{application.applicant.industry_code} {application.applicant.industry_name}".strip()


def _recommender(application) -> str:
    return application.recommender.name if application.recommender else ""


APPLICATION_COLUMNS = [
    ("申报编号", 14, lambda a: a.reference),
    ("申报者", 34, lambda a: a.applicant.name),
    ("类别", 8, lambda a: a.applicant.get_kind_display()),
    ("所在地", 12, _division),
    ("所属行业", 24, _industry),
    ("接收部门", 26, lambda a: a.receiver.name if a.receiver else ""),
    ("推荐单位", 22, _recommender),
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
    ("所在地", 12, _division),
    ("所属行业", 24, _industry),
    ("推荐单位", 24, _recommender),
    ("受理日期", 12, lambda a: timezone.localtime(a.accepted_at).strftime("%Y-%m-%d") if a.accepted_at else ""),
]


def columns_response(filename: str, title: str, columns, rows, *, subtitle: str = "") -> HttpResponse:
    """The rows as a workbook under a title line; ``columns`` are (header, width, value of a row),
    a value of None numbering the rows."""
    values = ([number if value is None else value(row) for _, _, value in columns]
              for number, row in enumerate(rows, start=1))
    return xlsx_response(filename, title, [name for name, _, _ in columns], values,
                         widths=[width for _, width, _ in columns], title=title,
                         subtitle=subtitle or f"导出时间：{_local(timezone.now())}")
