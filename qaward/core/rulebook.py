"""The catalogue of the Measures' rules (运政发〔2023〕14号).

One entry per machine code. The code, the article and the wording of the requirement live only
here, so the UI message, the API problem and docs/articles.md never drift apart. The checks
themselves live in the domain app that owns the data they read; they return RuleResult built
with ``check()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    BLOCK = "block"  # the action is refused
    WARNING = "warning"  # shown to the office, never refuses
    FLAG = "flag"  # informs ranking or reviewers, never refuses


@dataclass(frozen=True)
class Rule:
    code: str
    article: str  # machine form, e.g. "11(1)"
    citation: str  # 第十一条第（一）项
    requirement: str  # what the Measures require, in Chinese
    severity: Severity = Severity.BLOCK

    def message(self, detail: str = "") -> str:
        text = f"不符合{self.citation}：{self.requirement}"
        return f"{text}（{detail}）" if detail else text


@dataclass(frozen=True)
class RuleResult:
    code: str
    article: str
    passed: bool
    detail: str = ""
    severity: Severity = Severity.BLOCK
    context: dict = field(default_factory=dict, compare=False)

    @property
    def rule(self) -> Rule:
        return RULES[self.code]

    @property
    def blocking(self) -> bool:
        return not self.passed and self.severity == Severity.BLOCK

    @property
    def message(self) -> str:
        return self.rule.message(self.detail)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "article": self.article,
            "citation": self.rule.citation,
            "passed": self.passed,
            "severity": str(self.severity),
            "detail": self.detail,
            "message": "" if self.passed else self.message,
        }


RULES: dict[str, Rule] = {}


def _rule(code, article, citation, requirement, severity=Severity.BLOCK) -> Rule:
    if code in RULES:
        raise ValueError(f"rule {code} declared twice")
    RULES[code] = Rule(code, article, citation, requirement, severity)
    return RULES[code]


def check(rule: Rule, passed: bool, detail: str = "", **context) -> RuleResult:
    return RuleResult(rule.code, rule.article, bool(passed), detail, rule.severity, context)


def failures(results: Iterable[RuleResult]) -> list[RuleResult]:
    return [r for r in results if r.blocking]


# --- 第三、四条: the award itself -----------------------------------------------------------
RUBRIC_UNBALANCED = _rule(
    "rubric_unbalanced", "3", "第三条", "评定标准各项分值之和须等于标准总分（1000分）"
)
APPROVALS_MISSING = _rule(
    "approvals_missing", "4", "第四条", "组织开展前须报请市委、市政府同意，并经省委、省政府审批"
)
QUOTA_EXCEEDED = _rule(
    "quota_exceeded", "4", "第四条",
    "每届质量奖获奖组织、个人各不超过4个，质量奖提名奖获奖组织、个人各不超过4个",
)
CYCLE = _rule("edition_cycle", "4", "第四条", "评选周期为5年，每个周期只开展一届评选")
NO_FEE = _rule("no_fee", "10", "第十条", "评选不向申报单位和个人收取任何费用")

# --- 第十一条: organisations --------------------------------------------------------------
ORG_NOT_LOCAL = _rule("org_not_local", "11(1)", "第十一条第（一）项", "在运城市行政区域内依法设立")
ORG_CREDIT_CODE_DIVISION = _rule(
    "org_credit_code_division", "11(1)", "第十一条第（一）项",
    "统一社会信用代码的登记管理机关行政区划码应属运城市（1408）", Severity.WARNING,
)
ORG_TOO_YOUNG = _rule(
    "org_too_young", "11(1)", "第十一条第（一）项", "在本市依法设立并正常开展活动须满3年"
)
ORG_VIOLATION = _rule(
    "org_violation", "11(1),11(5)", "第十一条第（一）、（五）项",
    "无违法、违规、违纪行为，符合产业导向、环境保护、安全生产、质量管理等法律法规及政策要求",
)
ORG_RANK = _rule(
    "org_rank", "11(4)", "第十一条第（四）项",
    "经营收入、利税总额或总资产贡献率三项指标之一上年度位居全市同行业前三位；非盈利组织社会贡献位于行业前列",
)
MAJOR_ACCIDENT = _rule(
    "major_accident", "11(6)", "第十一条第（六）项", "近3年内无重大质量、安全、环保等事故"
)
HONOR_PRIORITY = _rule(
    "honor_priority", "11(7)", "第十一条第（七）项", "获国家和省级政府部门质量荣誉的，优先评选", Severity.FLAG
)

# --- 第十二条: individuals ----------------------------------------------------------------
PERSON_CONDUCT = _rule(
    "person_conduct", "12(1)", "第十二条第（一）项",
    "政治坚定、品行端正，恪守职业道德和社会规范，无违法、违规、违纪行为",
)
PERSON_EXPERIENCE = _rule(
    "person_experience", "12(6)", "第十二条第（六）项", "从事或涉及质量工作10年以上"
)

# --- 第十三、三十条: repeat applications ---------------------------------------------------
WINNER_COOLDOWN = _rule(
    "winner_cooldown", "13", "第十三条", "获得质量奖的组织和个人，在获奖后两个评选周期内不得重复申报"
)
REVOKED_BAN = _rule(
    "revoked_ban", "30", "第三十条", "被撤销奖项的，自撤销奖项当年起3个评选周期内不得申报"
)

# --- 第十五～十七条: submission and formal review ------------------------------------------
PUBLICITY_TOO_SHORT = _rule(
    "publicity_too_short", "15", "第十五条", "申报情况应在本组织或单位内部公示，公示期不少于5个工作日且公示无异议"
)
RECEIVER_INVALID = _rule(
    "receiver_invalid", "15", "第十五条",
    "申报材料应提交至所在地的县级（含运城开发区）市场监管部门或市级行业主管部门",
)
MATERIALS_INCOMPLETE = _rule(
    "materials_incomplete", "15,16,17", "第十五、十六、十七条",
    "申报材料应完整，申报者须对材料的完整性、真实性、准确性负责并签署承诺",
)
STATE_SECRET = _rule("state_secret", "17", "第十七条", "申报材料不得涉及国家安全、国家秘密")
TRADE_SECRET_MARKED = _rule(
    "trade_secret_marked", "17", "第十七条", "涉及商业秘密的，申报组织和个人应当予以注明", Severity.FLAG
)
DEADLINE_PASSED = _rule("deadline_passed", "14", "第十四条", "申报须在申报通知规定的截止时间前提交")
OPINIONS_PENDING = _rule(
    "opinions_pending", "17", "第十七条",
    "以书面形式征求有关主管部门意见，根据形式审查和征求意见结果形成受理名单",
)
ACCEPTANCE_CLOSED = _rule(
    "acceptance_closed", "17", "第十七条", "受理名单形成并向社会公示后，不再受理、退回或驳回申报",
)
TALENT_UNVERIFIED = _rule(
    "talent_unverified", "3", "第三条",
    "人才引进加分（一般人才每人5分，高端人才（正高级）每人20分）须经领导小组办公室核实",
)
PLAN_MISSING = _rule(
    "plan_missing", "14", "第十四条", "领导小组办公室须制订评选方案和评选标准后，方可报批开展评选"
)
CALL_NOT_PUBLISHED = _rule(
    "call_not_published", "14", "第十四条", "须在评选年发布申报通知（标题、正文、发布日期和晚于发布日期的申报截止日期）"
)
DEADLINE_NOT_REACHED = _rule(
    "deadline_not_reached", "14", "第十四条", "申报通知规定的截止日期届满后，方可结束申报、进入形式审查"
)

# --- 第十八～二十一条: evaluation, notices, decision ---------------------------------------
CONFLICT_OF_INTEREST = _rule(
    "conflict_of_interest", "32", "第三十二条", "参与评选活动的工作人员与申报组织或个人有利害关系的，应当回避"
)
NOTICE_RUNNING = _rule(
    "notice_running", "17,19,20", "第十七、十九、二十条", "公示期满且无未处理的异议后，方可进入下一环节"
)
NOTICE_TOO_SHORT = _rule("notice_too_short", "19,20", "第十九、二十条", "公示期不少于5个工作日")
OBJECTION_CLOSED = _rule(
    "objection_closed", "27,28", "第二十七、二十八条", "异议应在公示期内提出", Severity.BLOCK
)
NOTICE_MISSING = _rule(
    "notice_missing", "17,19,20", "第十七、十九、二十条",
    "受理名单、候选名单和获奖建议名单须经公示后方可进入公示阶段及后续环节",
)
OBJECTION_NOT_INVESTIGATED = _rule(
    "objection_not_investigated", "7,8", "第七、八条",
    "异议须经领导小组办公室调查核实后，由领导小组处理",
)

# --- 第二十四条 and the rule document itself ---------------------------------------------
MARK_YEAR = _rule("mark_year", "24", "第二十四条", "使用荣誉标识须注明获奖年度，不得用于产品或包装")
RULES_EXPIRED = _rule(
    "rules_expired", "34,35", "第三十四、三十五条", "本办法自2023年6月9日起施行，有效期为5年；失效后不得据以开展评选"
)
