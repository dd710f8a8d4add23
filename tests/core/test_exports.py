"""The one Excel download every list uses: header row, widths, frozen header, Chinese file name."""

import datetime as dt
from io import BytesIO

from openpyxl import load_workbook

from qaward.core.exports import XLSX, xlsx_response


def sheet_of(response):
    return load_workbook(BytesIO(response.content)).active


def test_xlsx_response_has_a_bold_frozen_header_and_the_rows():
    response = xlsx_response("届次列表.xlsx", "届次", ["名称", "评选年度", "截止日期"],
                             [["第二届运城市市长质量奖", 2026, dt.date(2026, 5, 31)]])
    sheet = sheet_of(response)

    assert response["Content-Type"] == XLSX
    assert sheet.title == "届次"
    assert [c.value for c in sheet[1]] == ["名称", "评选年度", "截止日期"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert [sheet["A2"].value, sheet["B2"].value, sheet["C2"].value.date()] == [
        "第二届运城市市长质量奖", 2026, dt.date(2026, 5, 31)]


def test_xlsx_response_fits_column_widths_to_the_longest_value():
    sheet = sheet_of(xlsx_response("a.xlsx", "a", ["名称", "年"], [["x" * 30, 1]]))

    assert sheet.column_dimensions["A"].width == 30
    assert sheet.column_dimensions["B"].width == 8


def test_xlsx_response_with_title_puts_the_header_on_row_3():
    response = xlsx_response("a.xlsx", "受理名单", ["序号", "名称"], [[1, "运城测试公司"]], widths=[6, 36],
                             title="第二届受理名单", subtitle="导出时间：2026-06-01 09:00")
    sheet = sheet_of(response)

    assert [sheet["A1"].value, sheet["A2"].value] == ["第二届受理名单", "导出时间：2026-06-01 09:00"]
    assert [c.value for c in sheet[3]] == ["序号", "名称"]
    assert sheet.freeze_panes == "A4"
    assert [sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width] == [6, 36]


def test_xlsx_response_names_the_file_in_rfc_5987_form_and_is_not_cached():
    response = xlsx_response("届次 列表.xlsx", "届次", ["名称"], [])

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E5%B1%8A%E6%AC%A1%20%E5%88%97%E8%A1%A8.xlsx")
    assert response["Cache-Control"] == "private, no-store"
