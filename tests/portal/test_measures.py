import pytest

from qaward.portal.measures import chinese_numeral, parse_numeral, parse_rule_text

RAW = """运城市人民政府文件

运政发〔2023〕14 号

\f第一章 总 则

第一条 为提高全市质量总体水平,推进高质量转型发展,

依据有关规定,制定本办法。

第二章 申报

第十一条 申报的组织须具备以下条件。

（一）在运城市行政区域内依法设立，正常开展活动 3 年以上;

（二）近 3 年内无重大事故。

抄送：市委，市人大，市政协。

运城市人民政府办公室 2023 年 6月 8 日印发
"""


@pytest.mark.parametrize(("number", "text"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五")])
def test_chinese_numerals_round_trip(number, text):
    assert chinese_numeral(number) == text
    assert parse_numeral(text) == number


def test_parse_joins_wrapped_lines_and_splits_items():
    document = parse_rule_text(RAW)

    assert document.preamble == ["运城市人民政府文件", "运政发〔2023〕14 号"]
    assert [(c.label, c.title) for c in document.chapters] == [("第一章", "总 则"), ("第二章", "申报")]
    first, eleventh = document.articles
    assert (first.number, first.label, first.anchor) == (1, "第一条", "article-1")
    assert first.paragraphs == ["为提高全市质量总体水平,推进高质量转型发展,依据有关规定,制定本办法。"]
    assert eleventh.paragraphs == [
        "申报的组织须具备以下条件。",
        "（一）在运城市行政区域内依法设立，正常开展活动 3 年以上;",
        "（二）近 3 年内无重大事故。",
    ]
    assert document.colophon == ["抄送：市委，市人大，市政协。", "运城市人民政府办公室 2023 年 6月 8 日印发"]


def test_parse_keeps_one_paragraph_per_line_text():
    document = parse_rule_text("第一章 总则\n第三条 标准总分为1000分\n为配合落实人才引进工作，纳入评审加分项。\n")

    assert document.articles[0].paragraphs == ["标准总分为1000分", "为配合落实人才引进工作，纳入评审加分项。"]
