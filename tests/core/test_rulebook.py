"""The catalogue of the Measures' rules: complete entries, unique codes, messages that cite."""

import re

import pytest

from qaward.core import rulebook
from qaward.core.errors import RuleViolation, enforce
from qaward.core.rulebook import RULES, Severity, check

CITATION = re.compile(r"^第[一二三四五六七八九十、]+条")


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_rule_has_code_article_citation_requirement(rule):
    assert re.fullmatch(r"[a-z][a-z_]+", rule.code)
    assert re.fullmatch(r"[0-9]+(\([0-9]+\))?(,[0-9]+(\([0-9]+\))?)*", rule.article)
    assert CITATION.match(rule.citation)
    assert rule.requirement
    assert rule.severity in set(Severity)


@pytest.mark.parametrize("rule", RULES.values(), ids=list(RULES))
def test_rule_message_contains_citation(rule):
    assert rule.message() == f"不符合{rule.citation}：{rule.requirement}"
    assert rule.message("详情") == f"不符合{rule.citation}：{rule.requirement}（详情）"


def test_rule_codes_unique_and_keyed_by_code():
    assert all(code == rule.code for code, rule in RULES.items())
    declared = [value.code for value in vars(rulebook).values() if isinstance(value, rulebook.Rule)]
    assert len(declared) == len(set(declared)) == len(RULES)


def test_rule_declared_twice_refused():
    with pytest.raises(ValueError, match="declared twice"):
        rulebook._rule("org_too_young", "11(1)", "第十一条第（一）项", "重复")


def test_design_codes_are_in_catalogue():
    # DESIGN.md §4: codes are part of the API contract.
    expected = {
        "org_not_local", "org_too_young", "org_violation", "org_rank", "major_accident", "honor_priority",
        "person_experience", "person_conduct", "winner_cooldown", "revoked_ban", "publicity_too_short",
        "receiver_invalid", "materials_incomplete", "state_secret", "trade_secret_marked", "quota_exceeded",
        "notice_running", "notice_too_short", "conflict_of_interest", "no_fee", "mark_year",
    }
    assert expected <= RULES.keys()


def test_check_builds_result_from_rule():
    result = check(rulebook.ORG_TOO_YOUNG, False, "成立于2024年")

    assert (result.code, result.article, result.passed, result.blocking) == ("org_too_young", "11(1)", False, True)
    assert result.message == "不符合第十一条第（一）项：在本市依法设立并正常开展活动须满3年（成立于2024年）"


def test_warning_never_blocks():
    result = check(rulebook.ORG_CREDIT_CODE_DIVISION, False)

    assert result.blocking is False
    assert enforce([result]) == [result]


def test_enforce_raises_violation_naming_article():
    results = [check(rulebook.ORG_TOO_YOUNG, False, "成立于2024年"), check(rulebook.NO_FEE, True)]

    with pytest.raises(RuleViolation) as raised:
        enforce(results)

    problem = raised.value.as_problem()
    assert (problem["code"], problem["article"], problem["status"]) == ("org_too_young", "11(1)", 422)
    assert problem["detail"] == "不符合第十一条第（一）项：在本市依法设立并正常开展活动须满3年（成立于2024年）"
