"""The data migrations ship the Measures, the Yuncheng program and the rubrics of RUBRICS.md."""

import datetime as dt
import re

import pytest

from qaward.programs.models import Program, Rubric, RuleDocument, ScoringBand
from qaward.programs.rubrics import check_rubric

pytestmark = pytest.mark.django_db

# RUBRICS.md, transcribed by hand: category → (points, {item: points}).
GBT19580_2004 = {
    "4.1": ("领导", 100, {"4.1.1": 60, "4.1.2": 40}),
    "4.2": ("战略", 80, {"4.2.1": 40, "4.2.2": 40}),
    "4.3": ("顾客与市场", 90, {"4.3.1": 40, "4.3.2": 50}),
    "4.4": ("资源", 120, {"4.4.1": 40, "4.4.2": 10, "4.4.3": 20, "4.4.4": 20, "4.4.5": 20, "4.4.6": 10}),
    "4.5": ("过程管理", 110, {"4.5.1": 70, "4.5.2": 40}),
    "4.6": ("测量、分析与改进", 100, {"4.6.1": 40, "4.6.2": 30, "4.6.3": 30}),
    "4.7": ("经营结果", 400, {"4.7.1": 120, "4.7.2": 80, "4.7.3": 80, "4.7.4": 70, "4.7.5": 50}),
}
GBT19580_2012 = {
    "4.1": ("领导", 110, {"4.1.2": 50, "4.1.3": 30, "4.1.4": 30}),
    "4.2": ("战略", 90, {"4.2.2": 40, "4.2.3": 50}),
    "4.3": ("顾客与市场", 90, {"4.3.2": 40, "4.3.3": 50}),
    "4.4": ("资源", 130, {"4.4.2": 60, "4.4.3": 15, "4.4.4": 20, "4.4.5": 15, "4.4.6": 10, "4.4.7": 10}),
    "4.5": ("过程管理", 100, {"4.5.2": 50, "4.5.3": 50}),
    "4.6": ("测量、分析与改进", 80, {"4.6.2": 40, "4.6.3": 40}),
    "4.7": ("结果", 400, {"4.7.2": 80, "4.7.3": 80, "4.7.4": 80, "4.7.5": 60, "4.7.6": 50, "4.7.7": 50}),
}


def as_table(rubric: Rubric) -> dict:
    return {
        category.code: (category.name, category.points, {item.code: item.points for item in category.items.all()})
        for category in rubric.categories.prefetch_related("items")
    }


@pytest.mark.parametrize(("code", "expected"), [("gbt19580-2004", GBT19580_2004), ("gbt19580-2012", GBT19580_2012)])
def test_organization_rubric_matches_rubrics_md(code, expected):
    rubric = Rubric.objects.get(code=code)

    assert as_table(rubric) == expected
    assert rubric.total_points == 1000
    assert sum(points for _, points, _ in expected.values()) == 1000
    assert all(sum(items.values()) == points for _, points, items in expected.values())
    assert check_rubric(rubric) == []
    assert rubric.verified is False
    assert rubric.track == "organization"


@pytest.mark.parametrize("code", ["gbt19580-2004", "gbt19580-2012"])
def test_organization_rubric_results_category_is_4_7_with_result_items_only(code):
    rubric = Rubric.objects.get(code=code)

    assert [c.code for c in rubric.categories.filter(is_results=True)] == ["4.7"]
    kinds = {(item.category.code == "4.7", item.kind) for item in rubric.categories.get(code="4.7").items.all()}
    assert kinds == {(True, "result")}
    process_kinds = set(
        rubric.categories.filter(is_results=False).values_list("items__kind", flat=True)
    )
    assert process_kinds == {"process"}


def test_rubric_2004_leadership_item_names_its_parts():
    item = Rubric.objects.get(code="gbt19580-2004").categories.get(code="4.1").items.get(code="4.1.1")

    assert (item.name, item.points, item.guidance) == ("组织的领导", 60, "高层领导的作用、组织治理、组织绩效的评审")


def test_individual_rubric_totals_100_from_article_12():
    rubric = Rubric.objects.get(code="individual-2023")
    items = [(i.source, i.points, i.kind) for c in rubric.categories.all() for i in c.items.all()]

    assert rubric.track == "individual"
    assert rubric.total_points == 100
    assert items == [("12(2)", 25, "process"), ("12(3)", 35, "process"), ("12(4)", 25, "result"),
                     ("12(5)", 15, "result")]
    assert check_rubric(rubric) == []
    assert rubric.verified is False


def test_scoring_bands_are_the_six_of_gbz19579():
    bands = list(ScoringBand.objects.all())

    assert [(b.min_percent, b.max_percent) for b in bands] == [(0, 5), (10, 25), (30, 45), (50, 65), (70, 85),
                                                              (90, 100)]
    assert bands[0].process_description == "无系统方法，信息零散；几乎未展开；被动应对问题；各部门各自为政"
    assert bands[5].result_description == "多数重要领域水平卓越；持续改进趋势；行业标杆领先；完全整合并有预测"
    assert all(b.process_description and b.result_description for b in bands)


def test_measures_rule_document_is_in_force_2023_06_09_to_2028_06_08():
    document = RuleDocument.objects.get(document_number="运政发〔2023〕14号")

    assert (document.title, document.issuer) == ("运城市市长质量奖管理办法", "运城市人民政府")
    assert document.effective_from == dt.date(2023, 6, 9)
    assert document.valid_until == dt.date(2028, 6, 8)
    assert document.in_force_on(dt.date(2028, 6, 8)) is True
    assert document.in_force_on(dt.date(2028, 6, 9)) is False
    assert document.in_force_on(dt.date(2023, 6, 8)) is False


def test_measures_full_text_has_one_paragraph_per_article_without_page_artefacts():
    text = RuleDocument.objects.get(document_number="运政发〔2023〕14号").full_text
    lines = text.splitlines()
    articles = [line.split(" ")[0] for line in lines if re.match(r"^第[一二三四五六七八九十]+条 ", line)]

    assert len(articles) == 35
    assert articles[0] == "第一条" and articles[-1] == "第三十五条"
    assert "第四条 运城市市长质量奖评选周期为5年，在组织开展前按照评比达标表彰有关规定，报请市委、市政府同意后统一申报，" \
           "经省委、省政府审批后开展。" in text
    assert "第三十五条 本办法有效期为5年。" in lines
    assert "第一章 总则" in lines
    assert all(line == line.strip() and line for line in lines)
    assert "2023 年" not in text


def test_yuncheng_program_is_city_level_with_quotas_and_lengths_of_the_measures():
    program = Program.objects.get(code="yuncheng-mayor-quality-award")

    assert (program.name, program.level, program.issuing_authority) == ("运城市市长质量奖", "city", "运城市人民政府")
    assert program.rule_document.document_number == "运政发〔2023〕14号"
    assert (program.quota_award_organizations, program.quota_award_individuals,
            program.quota_nomination_organizations, program.quota_nomination_individuals) == (4, 4, 4, 4)
    assert program.cycle_years == 5
    assert program.notice_min_workdays == 5
    assert (program.bonus_general_talent, program.bonus_senior_talent) == (5, 20)
    assert (program.profile_max_chars, program.self_assessment_max_chars) == (3000, 30000)
    assert program.organization_rubric.code == "gbt19580-2004"
    assert program.individual_rubric.code == "individual-2023"
