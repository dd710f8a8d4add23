"""The conditions of 第十一～十七条 and 第三十条 that an application must meet before acceptance.

Each rule of the catalogue (qaward.core.rulebook) is checked in exactly one function below, which
returns one RuleResult. "Years" are counted to the edition's application deadline (DESIGN.md §4);
``today`` (default: today in Asia/Shanghai) stands for the day an action is taken, so the date
rules can be tested at their boundaries.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.utils import timezone

from qaward.accounts.enums import DepartmentType, OrganizationKind
from qaward.core.rulebook import (
    ACCEPTANCE_CLOSED,
    DEADLINE_PASSED,
    HONOR_PRIORITY,
    MAJOR_ACCIDENT,
    MATERIALS_INCOMPLETE,
    OPINIONS_PENDING,
    ORG_CREDIT_CODE_DIVISION,
    ORG_NOT_LOCAL,
    ORG_RANK,
    ORG_TOO_YOUNG,
    ORG_VIOLATION,
    PERSON_CONDUCT,
    PERSON_EXPERIENCE,
    PUBLICITY_TOO_SHORT,
    RECEIVER_INVALID,
    REVOKED_BAN,
    STATE_SECRET,
    TALENT_UNVERIFIED,
    TRADE_SECRET_MARKED,
    WINNER_COOLDOWN,
    RuleResult,
    check,
)
from qaward.programs import calendar
from qaward.programs.models import Edition, EditionStage
from qaward.programs.models.programs import add_years

from .content import char_count, required_sections
from .enums import AttachmentKind, AwardLevel, PublicityResult, VerificationStatus

YUNCHENG_DIVISION_PREFIX = "1408"  # GB/T 2260: 山西省运城市


def cn_date(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def reference_date(application) -> datetime.date:
    """The day "years" are counted to: the edition's application deadline (or today before it is set)."""
    return application.edition.application_deadline or timezone.localdate()


def _years_by_deadline(application, since: datetime.date, years: int):
    """(whether ``years`` full years run from ``since`` to the reference date, that date, the latest
    ``since`` that would do)."""
    deadline = reference_date(application)
    latest = add_years(deadline, -years)
    return since <= latest, deadline, latest


def _today(context) -> datetime.date:
    return context.get("today") or timezone.localdate()


# --- 第十一条: organisations --------------------------------------------------------------------

def org_not_local(application, **context) -> RuleResult:
    """11(1): established in Yuncheng — its county is one of the county-level divisions or the dev zone."""
    division = application.applicant.organization.division
    if division is None:
        return check(ORG_NOT_LOCAL, False, "尚未填写所在县（市、区）或运城开发区")
    return check(ORG_NOT_LOCAL, True, f"所在地：{division.name}")


def org_credit_code_division(application, **context) -> RuleResult:
    """11(1), a warning for the office: the credit code's registering division should be 1408xx."""
    code = application.applicant.org_profile.credit_code_division
    local = code.startswith(YUNCHENG_DIVISION_PREFIX)
    detail = f"登记管理机关行政区划码 {code}" + ("" if local else "，不属运城市，请核实是否在本市依法设立")
    return check(ORG_CREDIT_CODE_DIVISION, local, detail)


def org_too_young(application, **context) -> RuleResult:
    """11(1): established at least 3 years (program data) before the application deadline."""
    program = application.edition.program
    established = application.applicant.org_profile.established_on
    old_enough, deadline, latest = _years_by_deadline(application, established, program.organization_min_years)
    detail = (
        f"成立于{cn_date(established)}，至申报截止日{cn_date(deadline)}"
        + (f"已满{program.organization_min_years}年" if old_enough
           else f"不满{program.organization_min_years}年（须在{cn_date(latest)}或之前成立）")
    )
    return check(ORG_TOO_YOUNG, old_enough, detail)


def org_violation(application, **context) -> RuleResult:
    """11(1), 11(5): any recorded illegal, irregular or disciplinary conduct blocks."""
    records = list(application.applicant.violations.all())
    if records:
        listed = "；".join(f"{cn_date(r.occurred_on)} {r.get_kind_display()}：{r.description[:40]}" for r in records)
        return check(ORG_VIOLATION, False, f"有{len(records)}条违法违规违纪记录：{listed}")
    return check(ORG_VIOLATION, True, "无违法、违规、违纪记录")


def org_rank(application, **context) -> RuleResult:
    """11(4): for-profit — one of three indicators last year in the city's industry top 3; non-profit — social contribution."""
    applicant = application.applicant
    profile = applicant.org_profile
    if applicant.organization.kind != OrganizationKind.ENTERPRISE:
        declared = bool(profile.social_contribution.strip())
        return check(ORG_RANK, declared, "已说明社会贡献" if declared else "从事非盈利性业务的组织须说明其社会贡献位于行业前列")
    last_year = application.edition.year - 1  # 上年度: the year before the edition's (评选年, 第十四条)
    if profile.figures_year != last_year:
        shown = f"{profile.figures_year}年" if profile.figures_year else "未填写"
        return check(ORG_RANK, False, f"须填报上年度（{last_year}年）经营数据，当前为{shown}")
    ranks = {
        "经营收入": profile.revenue_rank,
        "利税总额": profile.profit_tax_rank,
        "总资产贡献率": profile.asset_contribution_rank,
    }
    top = [f"{label}第{rank}位" for label, rank in ranks.items() if rank is not None and 1 <= rank <= 3]
    if top:
        return check(ORG_RANK, True, f"{last_year}年全市同行业" + "、".join(top))
    declared = [f"{label}第{rank}位" for label, rank in ranks.items() if rank]
    shown = "、".join(declared) if declared else "未填报排名"
    return check(ORG_RANK, False, f"{last_year}年三项指标均未进入全市同行业前三位（{shown}）")


def major_accident(application, **context) -> RuleResult:
    """11(6): no major quality, safety or environmental accident in the 3 years before the deadline."""
    program = application.edition.program
    deadline = reference_date(application)
    since = add_years(deadline, -program.accident_lookback_years)
    recent = list(application.applicant.accidents.filter(is_major=True, occurred_on__gt=since,
                                                         occurred_on__lte=deadline))
    if recent:
        listed = "；".join(f"{cn_date(a.occurred_on)} {a.get_kind_display()}" for a in recent)
        return check(MAJOR_ACCIDENT, False, f"{cn_date(since)}之后发生重大事故：{listed}")
    return check(MAJOR_ACCIDENT, True, f"{cn_date(since)}至{cn_date(deadline)}无重大事故记录")


def honor_priority(application, **context) -> RuleResult:
    """11(7): national or provincial quality honours give priority; a flag, never a block."""
    honours = list(application.applicant.honours.all())
    if honours:
        return check(HONOR_PRIORITY, True, "优先评选：" + "、".join(f"{h.get_level_display()}{h.title}" for h in honours))
    return check(HONOR_PRIORITY, False, "未填报国家或省级质量荣誉（不影响申报）")


# --- 第十二条: individuals ----------------------------------------------------------------------

def person_conduct(application, **context) -> RuleResult:
    """12(1): conduct declared, and no recorded illegal, irregular or disciplinary conduct."""
    applicant = application.applicant
    records = list(applicant.violations.all())
    if records:
        return check(PERSON_CONDUCT, False, f"有{len(records)}条违法违规违纪记录")
    if not applicant.person_profile.conduct_declared:
        return check(PERSON_CONDUCT, False, "尚未作出品行声明")
    return check(PERSON_CONDUCT, True, "已声明品行端正，无违法违规违纪记录")


def person_experience(application, **context) -> RuleResult:
    """12(6): at least 10 years (program data) in quality work by the application deadline."""
    years = application.edition.program.person_min_quality_years
    since = application.applicant.person_profile.quality_work_since
    enough, deadline, latest = _years_by_deadline(application, since, years)
    detail = (
        f"自{cn_date(since)}从事质量工作，至申报截止日{cn_date(deadline)}"
        + (f"已满{years}年" if enough else f"不满{years}年（须在{cn_date(latest)}或之前开始）")
    )
    return check(PERSON_EXPERIENCE, enough, detail)


# --- 第十三、三十条: repeat applications --------------------------------------------------------

def _history(application):
    from .models import AwardRecord

    edition = application.edition
    return AwardRecord.objects.filter(applicant=application.applicant, edition__program=edition.program,
                                      edition__number__lt=edition.number).select_related("edition")


def winner_cooldown(application, **context) -> RuleResult:
    """13: a winner of the award (not the nomination award) sits out the next two editions."""
    edition = application.edition
    gap = edition.program.winner_cooldown_editions
    for record in _history(application).filter(level=AwardLevel.AWARD):
        if edition.number - record.edition.number <= gap:
            return check(WINNER_COOLDOWN, False,
                         f"已获{record.edition.title}质量奖，第{record.edition.number + gap + 1}届起方可再次申报")
    return check(WINNER_COOLDOWN, True, "近两届未获质量奖（获提名奖的可继续申报）")


def revoked_ban(application, **context) -> RuleResult:
    """30: after a revocation, no application in the 3 editions counted from the year of revocation.

    The editions held in or after the year of revocation are counted by their numbers, so a past
    edition the office entered (Edition.is_historical) counts like any other.
    """
    edition = application.edition
    ban = edition.program.revocation_ban_editions
    for record in _history(application).filter(revoked_on__isnull=False):
        year = record.revoked_on.year
        if edition.year < year:
            continue
        first = (Edition.objects.filter(program=edition.program, year__gte=year)
                 .order_by("number").values_list("number", flat=True).first())
        if edition.number - first < ban:
            return check(REVOKED_BAN, False,
                         f"{cn_date(record.revoked_on)}被撤销{record.edition.title}{record.get_level_display()}，"
                         f"自{year}年起{ban}个评选周期内不得申报")
    return check(REVOKED_BAN, True, "无被撤销奖项的记录")


# --- 第十四～十七条: the call, publicity, submission, materials -----------------------------------

def deadline_passed(application, **context) -> RuleResult:
    """14: a first submission only while the edition is open and its deadline has not passed."""
    edition = application.edition
    today = _today(context)
    if edition.stage != EditionStage.OPEN:
        return check(DEADLINE_PASSED, False, f"本届当前阶段为「{edition.get_stage_display()}」，不在申报期内")
    deadline = edition.application_deadline
    if deadline and today > deadline:
        return check(DEADLINE_PASSED, False, f"申报截止日期为{cn_date(deadline)}，已过期")
    return check(DEADLINE_PASSED, True, f"申报截止日期：{cn_date(deadline)}" if deadline else "申报期内")


def publicity_too_short(application, **context) -> RuleResult:
    """15: internal publicity of at least 5 working days (program data), ended, and without objection."""
    from .models import PublicityRecord

    minimum = application.edition.program.internal_publicity_min_workdays
    try:
        record = application.publicity
    except PublicityRecord.DoesNotExist:
        return check(PUBLICITY_TOO_SHORT, False, "尚未登记本组织（单位）内部公示情况")
    if record.end_on < record.start_on:
        return check(PUBLICITY_TOO_SHORT, False, "公示结束日期早于开始日期")
    days = calendar.count_workdays(record.start_on, record.end_on)
    period = f"{cn_date(record.start_on)}至{cn_date(record.end_on)}，共{days}个工作日"
    gaps = calendar.coverage_gaps(record.start_on, record.end_on)
    if gaps:
        period += "（" + "、".join(f"{y}年" for y in gaps) + "放假安排尚未收录，工作日按常规推算）"
    if days < minimum:
        return check(PUBLICITY_TOO_SHORT, False, f"{period}，少于{minimum}个工作日", workdays=days)
    if record.end_on > _today(context):
        return check(PUBLICITY_TOO_SHORT, False, f"{period}，公示期尚未结束", workdays=days)
    if record.result != PublicityResult.NO_OBJECTION:
        return check(PUBLICITY_TOO_SHORT, False, f"{period}，公示有异议", workdays=days)
    return check(PUBLICITY_TOO_SHORT, True, f"{period}，公示无异议", workdays=days)


def receiver_invalid(application, **context) -> RuleResult:
    """15: the county market supervision department of the applicant's county, or a municipal industry authority."""
    receiver = application.receiver
    if receiver is None:
        return check(RECEIVER_INVALID, False, "尚未选择接收部门")
    if not receiver.is_active:
        return check(RECEIVER_INVALID, False, f"{receiver.name}已停用")
    if receiver.department_type == DepartmentType.INDUSTRY_AUTHORITY:
        return check(RECEIVER_INVALID, True, f"提交至市级行业主管部门：{receiver.name}")
    home = application.applicant.organization.division_id
    if receiver.department_type == DepartmentType.COUNTY_MSA and home and receiver.division_id == home:
        return check(RECEIVER_INVALID, True, f"提交至所在地县级市场监管部门：{receiver.name}")
    return check(RECEIVER_INVALID, False,
                 f"{receiver.name}不是申报者所在地的县级市场监管部门，也不是市级行业主管部门")


def materials_incomplete(application, **context) -> RuleResult:
    """15, 16, 17: every required material present, within its length limit, and the commitment signed."""
    problems = []
    program = application.edition.program
    if not application.contact_name.strip() or not application.contact_phone.strip():
        problems.append("申报表联系人及电话")
    if application.is_organization:
        if not application.profile.strip():
            problems.append("组织概述")
        elif char_count(application.profile) > program.profile_max_chars:
            problems.append(f"组织概述超过{program.profile_max_chars}字（现{char_count(application.profile)}字）")
        if not application.quality_mode_summary.strip():
            problems.append("质量管理模式总结")
    sections = required_sections(application)
    answers = application.self_assessment or {}
    empty = [f"{code} {name}" for code, name in sections if not str(answers.get(code, "")).strip()]
    label = "自我评价报告" if application.is_organization else "个人陈述"
    if not sections:
        problems.append(f"{label}（本届尚未设定评分标准，请联系领导小组办公室）")
    elif empty:
        problems.append(f"{label}：" + "、".join(empty))
    total = sum(char_count(str(answers.get(code, ""))) for code, _ in sections)
    if total > program.self_assessment_max_chars:
        problems.append(f"{label}超过{program.self_assessment_max_chars}字（现{total}字）")
    if not application.attachments.filter(kind=AttachmentKind.EVIDENCE).exists():
        problems.append("证实性材料（至少上传一份）")
    if not application.commitment_signed_at:
        problems.append("承诺书（对申报材料的完整性、真实性、准确性负责）")
    if problems:
        return check(MATERIALS_INCOMPLETE, False, "尚缺或需修改：" + "；".join(problems), missing=problems)
    return check(MATERIALS_INCOMPLETE, True, "申报材料齐全，已签署承诺")


def state_secret(application, *, file_name: str = "", marks: Sequence[str] = (), **context) -> RuleResult:
    """17: the applicant declares the materials hold no state secret; an uploaded file carrying a
    classification mark (``marks`` found in ``file_name``) is refused."""
    if marks:
        return check(STATE_SECRET, False, f"文件「{file_name}」含有密级标志「{'、'.join(marks)}」，不得上传")
    declared = application.no_state_secret_declared
    return check(STATE_SECRET, declared, "已声明申报材料不涉及国家秘密" if declared else "尚未声明申报材料不涉及国家秘密")


def trade_secret_marked(application, **context) -> RuleResult:
    """17: trade secrets are marked per file by the applicant; a flag telling reviewers how many."""
    marked = application.attachments.filter(trade_secret=True).count()
    detail = f"{marked}个文件已标注涉及商业秘密，仅评审专家、办公室和监督组可查看" if marked else "未标注涉及商业秘密的文件"
    return check(TRADE_SECRET_MARKED, True, detail, marked=marked)


# --- 第十七条 formal review, and 第三条 talent bonus ------------------------------------------------

def opinions_pending(application, **context) -> RuleResult:
    """17: the written opinions requested from competent departments are all answered before acceptance."""
    requests = list(application.opinion_requests.select_related("department"))
    waiting = [r.department.name for r in requests if not r.is_answered]
    if waiting:
        return check(OPINIONS_PENDING, False, "尚未收到书面意见：" + "、".join(waiting))
    objections = [r.department.name for r in requests if r.has_objection]
    if objections:
        return check(OPINIONS_PENDING, True, "已收到全部书面意见；有不同意见：" + "、".join(objections))
    return check(OPINIONS_PENDING, True, f"已收到全部{len(requests)}份书面意见" if requests else "未征求书面意见")


def acceptance_closed(application, **context) -> RuleResult:
    """17: the office decides on acceptance while the edition is open or in formal review, not after
    the acceptance list has gone to its public notice."""
    edition = application.edition
    still_open = edition.stage in (EditionStage.OPEN, EditionStage.FORMAL_REVIEW)
    detail = "" if still_open else f"本届已进入「{edition.get_stage_display()}」阶段"
    return check(ACCEPTANCE_CLOSED, still_open, detail or "形式审查期间")


def talent_unverified(application, **context) -> RuleResult:
    """3: every talent-introduction record claimed for the bonus is verified (or refused) by the office."""
    pending = list(application.talents.filter(status=VerificationStatus.PENDING).values_list("name", flat=True))
    if pending:
        return check(TALENT_UNVERIFIED, False, "待核实：" + "、".join(pending))
    return check(TALENT_UNVERIFIED, True, "人才引进记录均已核实")


ORGANIZATION_CHECKS = (
    org_not_local, org_credit_code_division, org_too_young, org_violation, org_rank, major_accident,
    honor_priority,
)
INDIVIDUAL_CHECKS = (person_conduct, person_experience)
COMMON_CHECKS = (
    winner_cooldown, revoked_ban, publicity_too_short, receiver_invalid, materials_incomplete, state_secret,
    trade_secret_marked,
)


def evaluate(application, **context) -> list[RuleResult]:
    """Every condition that applies to the application before acceptance, in the Measures' order."""
    track = ORGANIZATION_CHECKS if application.is_organization else INDIVIDUAL_CHECKS
    return [rule(application, **context) for rule in (*track, *COMMON_CHECKS)]


def history_checks(application, **context) -> list[RuleResult]:
    """第十三、三十条 alone: whether the applicant may apply in this edition at all."""
    return [winner_cooldown(application, **context), revoked_ban(application, **context)]


# Guards of the state machine ---------------------------------------------------------------------

def submission_guard(application, **context):
    """A first submission: within the call's period, and every blocking condition met."""
    yield deadline_passed(application, **context)
    yield from evaluate(application, **context)


def resubmission_guard(application, **context):
    """After a return the deadline no longer applies: the materials are being corrected."""
    yield from evaluate(application, **context)


def acceptance_guard(application, **context):
    """第十七条 formal review: the basic conditions and completeness checked once more, the opinions
    answered and the talent records verified."""
    yield acceptance_closed(application, **context)
    yield from evaluate(application, **context)
    yield opinions_pending(application, **context)
    yield talent_unverified(application, **context)


def office_decision_guard(application, **context):
    """Returning or rejecting in formal review is also closed once the acceptance list is noticed."""
    yield acceptance_closed(application, **context)
