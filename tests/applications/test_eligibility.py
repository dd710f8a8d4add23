"""Each rule of 第十一～十七条 and 第三十条 at its boundary."""

import datetime

import pytest

from qaward.accounts.enums import OrganizationKind
from qaward.applicants.enums import AccidentKind, HonourLevel, ViolationKind
from qaward.applicants.models import AccidentRecord, Honour, ViolationRecord
from qaward.applications import eligibility
from qaward.applications.enums import AwardLevel, PublicityResult
from qaward.applications.models import AwardRecord, OpinionRequest, PublicityRecord, TalentRecord
from qaward.core.rulebook import Severity
from qaward.programs.models import EditionStage
from tests.applications.factories import (
    ApplicationFactory,
    IndividualApplicantFactory,
    OrganizationApplicantFactory,
    complete,
    division,
    open_edition,
    org,
    program,
)
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db
DEADLINE = datetime.date(2026, 6, 30)


def codes(results):
    return {r.code: r for r in results}


def application_with(deadline=DEADLINE, applicant=None, **profile):
    applicant = applicant or OrganizationApplicantFactory(profile=profile or {})
    return ApplicationFactory(edition=open_edition(deadline), applicant=applicant)


# --- 第十一条第（一）项 -----------------------------------------------------------------------------

def test_org_too_young_established_exactly_three_years_before_deadline_passes():
    app = application_with(established_on=datetime.date(2023, 6, 30))
    result = eligibility.org_too_young(app)
    assert result.passed is True
    assert result.detail == "成立于2023年6月30日，至申报截止日2026年6月30日已满3年"


def test_org_too_young_one_day_short_fails_with_article():
    app = application_with(established_on=datetime.date(2023, 7, 1))
    result = eligibility.org_too_young(app)
    assert (result.passed, result.code, result.article) == (False, "org_too_young", "11(1)")
    assert result.detail == "成立于2023年7月1日，至申报截止日2026年6月30日不满3年（须在2023年6月30日或之前成立）"
    assert result.message.startswith("不符合第十一条第（一）项：在本市依法设立并正常开展活动须满3年")


def test_org_not_local_without_county_fails():
    app = application_with()
    app.applicant.organization.division = None
    assert eligibility.org_not_local(app).passed is False


def test_org_not_local_with_yuncheng_county_passes():
    app = application_with()
    result = eligibility.org_not_local(app)
    assert (result.passed, result.detail) == (True, "所在地：盐湖区")


def test_credit_code_outside_1408_is_a_warning_that_never_blocks():
    app = application_with(credit_code="91110108MA0K000028")
    result = eligibility.org_credit_code_division(app)
    assert (result.passed, result.severity, result.blocking) == (False, Severity.WARNING, False)
    assert "110108" in result.detail


def test_credit_code_inside_1408_passes():
    app = application_with()
    assert eligibility.org_credit_code_division(app).passed is True


def test_org_violation_record_blocks():
    app = application_with()
    ViolationRecord.objects.create(applicant=app.applicant, occurred_on=datetime.date(2020, 1, 1),
                                   kind=ViolationKind.ILLEGAL, description="超标排放被处罚")
    result = eligibility.org_violation(app)
    assert (result.passed, result.article) == (False, "11(1),11(5)")
    assert result.detail == "有1条违法违规违纪记录：2020年1月1日 违法：超标排放被处罚"


def test_org_violation_none_passes():
    assert eligibility.org_violation(application_with()).passed is True


# --- 第十一条第（四）项 -----------------------------------------------------------------------------

def test_org_rank_third_place_passes():
    app = application_with(figures_year=2025, revenue_rank=None, profit_tax_rank=3)
    result = eligibility.org_rank(app)
    assert (result.passed, result.detail) == (True, "2025年全市同行业利税总额第3位")


def test_org_rank_fourth_place_everywhere_fails():
    app = application_with(figures_year=2025, revenue_rank=4, profit_tax_rank=5, asset_contribution_rank=4)
    result = eligibility.org_rank(app)
    assert result.passed is False
    assert result.detail == "2025年三项指标均未进入全市同行业前三位（经营收入第4位、利税总额第5位、总资产贡献率第4位）"


def test_org_rank_figures_of_another_year_fail():
    app = application_with(figures_year=2024, revenue_rank=1)
    result = eligibility.org_rank(app)
    assert (result.passed, result.detail) == (False, "须填报上年度（2025年）经营数据，当前为2024年")


def test_org_rank_non_profit_needs_social_contribution():
    app = application_with()
    app.applicant.organization.kind = OrganizationKind.NON_PROFIT
    assert eligibility.org_rank(app).passed is False
    app.applicant.org_profile.social_contribution = "全市检验检测服务量第一。"
    assert eligibility.org_rank(app).passed is True


# --- 第十一条第（六）、（七）项 ---------------------------------------------------------------------

def test_major_accident_exactly_three_years_before_deadline_is_outside_the_window():
    app = application_with()
    AccidentRecord.objects.create(applicant=app.applicant, occurred_on=datetime.date(2023, 6, 30),
                                  kind=AccidentKind.SAFETY, is_major=True, description="火灾")
    assert eligibility.major_accident(app).passed is True


def test_major_accident_one_day_inside_the_window_blocks():
    app = application_with()
    AccidentRecord.objects.create(applicant=app.applicant, occurred_on=datetime.date(2023, 7, 1),
                                  kind=AccidentKind.QUALITY, is_major=True, description="批量召回")
    result = eligibility.major_accident(app)
    assert (result.passed, result.article) == (False, "11(6)")
    assert result.detail == "2023年6月30日之后发生重大事故：2023年7月1日 质量事故"


def test_minor_accident_does_not_block():
    app = application_with()
    AccidentRecord.objects.create(applicant=app.applicant, occurred_on=datetime.date(2025, 1, 1),
                                  kind=AccidentKind.ENVIRONMENT, is_major=False, description="轻微泄漏")
    assert eligibility.major_accident(app).passed is True


def test_honour_is_a_flag_that_never_blocks():
    app = application_with()
    without = eligibility.honor_priority(app)
    assert (without.passed, without.blocking, without.severity) == (False, False, Severity.FLAG)
    Honour.objects.create(applicant=app.applicant, level=HonourLevel.PROVINCIAL, title="山西省质量奖",
                          conferred_by="山西省人民政府", year=2021)
    assert eligibility.honor_priority(app).detail == "优先评选：省级山西省质量奖"


# --- 第十二条 ---------------------------------------------------------------------------------------

def individual_application(**profile):
    return ApplicationFactory(edition=open_edition(DEADLINE), applicant=IndividualApplicantFactory(profile=profile))


def test_person_experience_exactly_ten_years_passes():
    result = eligibility.person_experience(individual_application(quality_work_since=datetime.date(2016, 6, 30)))
    assert (result.passed, result.detail) == (True, "自2016年6月30日从事质量工作，至申报截止日2026年6月30日已满10年")


def test_person_experience_one_day_short_fails():
    result = eligibility.person_experience(individual_application(quality_work_since=datetime.date(2016, 7, 1)))
    assert (result.passed, result.code, result.article) == (False, "person_experience", "12(6)")


def test_person_conduct_requires_declaration():
    result = eligibility.person_conduct(individual_application(conduct_declared=False))
    assert (result.passed, result.detail) == (False, "尚未作出品行声明")


def test_person_conduct_violation_blocks_even_when_declared():
    app = individual_application()
    ViolationRecord.objects.create(applicant=app.applicant, occurred_on=datetime.date(2024, 1, 1),
                                   kind=ViolationKind.DISCIPLINARY, description="违纪")
    assert eligibility.person_conduct(app).passed is False


def test_individual_checklist_has_no_organisation_rules():
    found = codes(eligibility.evaluate(individual_application()))
    assert "org_too_young" not in found
    assert {"person_conduct", "person_experience", "winner_cooldown", "revoked_ban"} <= set(found)


# --- 第十三条 and 第三十条 --------------------------------------------------------------------------

def history(number, year):
    return EditionFactory(program=program(), number=number, year=year, stage=EditionStage.DECIDED,
                          is_historical=True, organization_rubric=None, individual_rubric=None)


def current(number, year):
    return open_edition(datetime.date(year, 6, 30), number=number, year=year)


@pytest.mark.parametrize(("later", "passed"), [(1, False), (2, False), (3, True)])
def test_award_winner_sits_out_two_editions(later, passed):
    applicant = OrganizationApplicantFactory()
    won = history(1, 2011)
    AwardRecord.objects.create(edition=won, applicant=applicant, level=AwardLevel.AWARD)
    app = ApplicationFactory(edition=current(1 + later, 2011 + 5 * later), applicant=applicant)
    result = eligibility.winner_cooldown(app)
    assert (result.passed, result.article) == (passed, "13")


def test_nomination_award_winner_may_apply_in_the_next_edition():
    applicant = OrganizationApplicantFactory()
    AwardRecord.objects.create(edition=history(1, 2016), applicant=applicant, level=AwardLevel.NOMINATION)
    app = ApplicationFactory(edition=current(2, 2021), applicant=applicant)
    assert eligibility.winner_cooldown(app).passed is True


def test_cooldown_detail_names_the_first_edition_allowed():
    applicant = OrganizationApplicantFactory()
    AwardRecord.objects.create(edition=history(3, 2016), applicant=applicant, level=AwardLevel.AWARD)
    app = ApplicationFactory(edition=current(4, 2021), applicant=applicant)
    assert eligibility.winner_cooldown(app).detail.endswith("第6届起方可再次申报")


@pytest.mark.parametrize(("number", "year", "passed"), [(3, 2021, False), (4, 2026, False), (5, 2031, True)])
def test_revocation_bans_three_editions_from_its_year(number, year, passed):
    """Revoked in 2016: the editions held from 2016 on — the 2nd (2016), 3rd (2021) and 4th (2026) — are
    the three banned; the 5th (2031) is open again."""
    applicant = OrganizationApplicantFactory(profile={"figures_year": year - 1})
    won = history(1, 2011)
    history(2, 2016)
    record = AwardRecord.objects.create(edition=won, applicant=applicant, level=AwardLevel.AWARD,
                                        revoked_on=datetime.date(2016, 9, 1))
    for n, y in ((3, 2021), (4, 2026)):
        if n < number:
            history(n, y)
    app = ApplicationFactory(edition=current(number, year), applicant=applicant)
    result = eligibility.revoked_ban(app)
    assert (result.passed, result.article) == (passed, "30")
    assert record.revoked_on.year == 2016


def test_other_programs_history_does_not_count():
    applicant = OrganizationApplicantFactory()
    other = EditionFactory(number=1, year=2021, stage=EditionStage.DECIDED, is_historical=True)
    AwardRecord.objects.create(edition=other, applicant=applicant, level=AwardLevel.AWARD)
    app = ApplicationFactory(edition=current(2, 2026), applicant=applicant)
    assert eligibility.winner_cooldown(app).passed is True


# --- 第十四、十五条 ---------------------------------------------------------------------------------

def test_deadline_day_itself_is_in_time():
    app = application_with()
    assert eligibility.deadline_passed(app, today=DEADLINE).passed is True


def test_day_after_deadline_is_late():
    app = application_with()
    result = eligibility.deadline_passed(app, today=DEADLINE + datetime.timedelta(days=1))
    assert (result.passed, result.detail) == (False, "申报截止日期为2026年6月30日，已过期")


def test_edition_not_open_refuses_submission():
    app = application_with()
    app.edition.stage = EditionStage.FORMAL_REVIEW
    assert eligibility.deadline_passed(app, today=DEADLINE).detail == "本届当前阶段为「形式审查」，不在申报期内"


def publicity(app, start, end, result=PublicityResult.NO_OBJECTION):
    PublicityRecord.objects.create(application=app, start_on=start, end_on=end, result=result)
    app.refresh_from_db()
    return eligibility.publicity_too_short(app, today=datetime.date(2025, 12, 1))


def test_publicity_of_five_workdays_across_national_day_passes():
    """29–30 Sep, 9–10 Oct and the adjusted working Saturday 11 Oct 2025: five working days."""
    result = publicity(application_with(), datetime.date(2025, 9, 29), datetime.date(2025, 10, 11))
    assert (result.passed, result.context["workdays"]) == (True, 5)
    assert result.detail == "2025年9月29日至2025年10月11日，共5个工作日，公示无异议"


def test_publicity_of_four_workdays_across_national_day_fails():
    result = publicity(application_with(), datetime.date(2025, 9, 29), datetime.date(2025, 10, 10))
    assert (result.passed, result.code, result.article) == (False, "publicity_too_short", "15")
    assert result.detail == "2025年9月29日至2025年10月10日，共4个工作日，少于5个工作日"


def test_publicity_with_objection_fails():
    result = publicity(application_with(), datetime.date(2025, 11, 3), datetime.date(2025, 11, 7),
                       PublicityResult.OBJECTION)
    assert (result.passed, result.detail) == (False, "2025年11月3日至2025年11月7日，共5个工作日，公示有异议")


def test_publicity_not_yet_ended_fails():
    app = application_with()
    PublicityRecord.objects.create(application=app, start_on=datetime.date(2025, 11, 3),
                                   end_on=datetime.date(2025, 11, 7), result=PublicityResult.NO_OBJECTION)
    result = eligibility.publicity_too_short(app, today=datetime.date(2025, 11, 6))
    assert result.detail.endswith("公示期尚未结束")


def test_publicity_missing_fails():
    assert eligibility.publicity_too_short(application_with()).detail == "尚未登记本组织（单位）内部公示情况"


def test_receiver_own_county_msa_passes():
    app = application_with()
    app.receiver = org("盐湖区市场监督管理局")
    assert eligibility.receiver_invalid(app).passed is True


def test_receiver_other_county_msa_fails():
    app = application_with()
    app.receiver = org("临猗县市场监督管理局")
    result = eligibility.receiver_invalid(app)
    assert (result.passed, result.article) == (False, "15")


def test_receiver_industry_authority_passes():
    app = application_with()
    app.receiver = org("运城市工业和信息化局")
    assert eligibility.receiver_invalid(app).passed is True


def test_receiver_county_government_fails():
    app = application_with()
    app.receiver = org("盐湖区人民政府")
    assert eligibility.receiver_invalid(app).passed is False


def test_dev_zone_applicant_submits_to_dev_zone_msa():
    applicant = OrganizationApplicantFactory()
    applicant.organization.division = division("运城开发区")
    applicant.organization.save()
    app = ApplicationFactory(edition=open_edition(DEADLINE), applicant=applicant)
    app.receiver = org("运城开发区市场监督管理局")
    assert eligibility.receiver_invalid(app).passed is True


# --- 第十五～十七条: materials ------------------------------------------------------------------------

def test_empty_draft_lists_every_missing_material():
    app = application_with()
    result = eligibility.materials_incomplete(app)
    assert result.passed is False
    assert result.context["missing"][:3] == ["组织概述", "质量管理模式总结",
                                            "自我评价报告：4.1 领导、4.2 战略、4.3 顾客与市场、4.4 资源、4.5 过程管理、"
                                            "4.6 测量、分析与改进、4.7 经营结果"]
    assert result.context["missing"][-2:] == ["证实性材料（至少上传一份）", "承诺书（对申报材料的完整性、真实性、准确性负责）"]


def test_complete_application_meets_every_blocking_condition():
    app = complete(ApplicationFactory())
    blocking = [r for r in eligibility.evaluate(app) if r.blocking]
    assert blocking == []


def test_profile_of_3000_characters_passes_and_3001_fails():
    app = complete(ApplicationFactory())
    app.profile = "质" * 3000
    assert eligibility.materials_incomplete(app).passed is True
    app.profile = "质" * 3001
    assert eligibility.materials_incomplete(app).context["missing"] == ["组织概述超过3000字（现3001字）"]


def test_self_assessment_over_30000_characters_fails():
    app = complete(ApplicationFactory())
    first = next(iter(app.self_assessment))
    app.self_assessment[first] = "量" * 30001
    assert "自我评价报告超过30000字" in eligibility.materials_incomplete(app).detail


def test_white_space_is_not_counted():
    app = complete(ApplicationFactory())
    app.profile = "质 \n" * 3000
    assert eligibility.materials_incomplete(app).passed is True


def test_individual_statement_is_by_rubric_item():
    app = individual_application()
    missing = eligibility.materials_incomplete(app).context["missing"]
    assert any(m.startswith("个人陈述：") for m in missing)
    assert "组织概述" not in missing


def test_state_secret_declaration_required():
    app = application_with()
    assert eligibility.state_secret(app).passed is False
    app.no_state_secret_declared = True
    assert eligibility.state_secret(app).passed is True


def test_trade_secret_flag_counts_marked_files():
    from tests.applications.factories import add_file

    app = application_with()
    add_file(app, trade_secret=True)
    result = eligibility.trade_secret_marked(app)
    assert (result.passed, result.severity, result.context["marked"]) == (True, Severity.FLAG, 1)


def test_opinions_pending_until_answered():
    app = application_with()
    request = OpinionRequest.objects.create(application=app, department=org("运城市工业和信息化局"),
                                            request_text="请提出意见", requested_on=datetime.date(2026, 7, 1))
    assert eligibility.opinions_pending(app).passed is False
    request.answered_on, request.answer_text = datetime.date(2026, 7, 3), "无异议"
    request.save()
    assert eligibility.opinions_pending(app).passed is True


def test_talent_pending_blocks_acceptance():
    app = application_with()
    TalentRecord.objects.create(application=app, name="张高工", level="senior", introduced_on=datetime.date(2024, 1, 1))
    result = eligibility.talent_unverified(app)
    assert (result.passed, result.detail, result.article) == (False, "待核实：张高工", "3")


def test_every_check_carries_code_and_article():
    results = eligibility.evaluate(application_with())
    assert [r.code for r in results] == [
        "org_not_local", "org_credit_code_division", "org_too_young", "org_violation", "org_rank",
        "major_accident", "honor_priority", "winner_cooldown", "revoked_ban", "publicity_too_short",
        "receiver_invalid", "materials_incomplete", "state_secret", "trade_secret_marked",
    ]
    assert all(r.article for r in results)
