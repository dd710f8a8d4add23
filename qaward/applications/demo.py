"""The applications of the demo world: applicant profiles and applications of the open edition in
every state of the chain (第十五～十七条), made through the services so the rules and the audit
trail run as they would for real users. All names, codes and numbers are fictitious (the codes
carry valid check digits so the validators accept them).
"""

from __future__ import annotations

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone
from stdnum.cn import ric, uscc

from qaward.accounts.models import Organization
from qaward.applicants.enums import AccidentKind, ApplicantKind, HonourLevel
from qaward.applicants.models import AccidentRecord, Applicant, Honour, OrganizationProfile, PersonProfile

from . import services
from .content import required_sections
from .enums import PublicityResult, TalentLevel

# The demo edition opens on 2026-11-02 (qaward.demo.texts); the applicants publicise internally in
# the week of 9 November and submit on 23 November, whatever day the demo is loaded.
PUBLICITY = (dt.date(2026, 11, 9), dt.date(2026, 11, 13))
SUBMITTED_ON = dt.date(2026, 11, 23)
ALL_POINTS = {"completeness": True, "authenticity": True, "accuracy": True, "legality": True}


def _pdf(title: str, file_name: str) -> ContentFile:
    """A one-page PDF standing in for a scanned certificate; ``title`` is its (ASCII) page text."""
    text = title.encode("ascii", "ignore") or b"Demo evidence"
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>"
            b"endobj\n4 0 obj<</Length " + str(len(stream)).encode() + b">>stream\n" + stream + b"\nendstream endobj\n"
            b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    return ContentFile(body, name=f"{file_name}.pdf")


def credit_code(division_code: str, number: int) -> str:
    base = f"91{division_code}MA0YC{number:04d}"
    return base + uscc.calc_check_digit(base)


def id_number(number: int) -> str:
    # 142701 is 运城市 as the code stood from 1983 to 2000, so the birth years fall in that range.
    base = f"142701{1983 + number % 10}{number % 12 + 1:02d}{number % 28 + 1:02d}{number:03d}"
    return base + ric.calc_check_digit(base + "0")


PROFILE = ("{name}成立于{year}年，是{county}{industry}领域的骨干单位。公司坚持“质量第一、顾客至上”，建立了覆盖研发、采购、"
           "生产、交付和服务全过程的质量管理体系，先后通过ISO 9001、ISO 14001和ISO 45001认证。近三年主要产品一次交验"
           "合格率保持在99.5%以上，顾客满意度逐年提升。")
SECTION = ("{name}：公司围绕{section}建立了系统的方法，明确职责和流程，定期测量、分析与改进，近三年相关指标持续向好，"
           "并与同行业先进水平对标。")
MODE = "以“卓越绩效+精益管理”为核心的“三全一持续”质量管理模式：全员参与、全过程控制、全价值链协同，持续改进。"


def _organization_applicant(org: Organization, number: int, established: dt.date) -> Applicant:
    applicant = Applicant.objects.create(
        kind=ApplicantKind.ORGANIZATION, name=org.name, organization=org, industry_code=org.industry_codes[:3],
        contact_name=f"{org.short_name or org.name[:4]}质量部", contact_phone=f"0359-2{number:06d}",
        address=f"{org.division.name}演示路{number}号",
    )
    OrganizationProfile.objects.create(
        applicant=applicant, credit_code=credit_code(org.division.code, number), established_on=established,
        legal_representative="（演示）", employees=120 + number * 37, figures_year=2025,
        revenue=8000 + number * 1350, revenue_rank=(number % 3) + 1, profit_tax=600 + number * 90,
        profit_tax_rank=(number % 4) + 2, asset_contribution_rate=12 + number % 7, asset_contribution_rank=(number % 6) + 1,
        social_contribution="年门诊量和公益义诊服务量居全市同类机构前列。" if org.kind != "enterprise" else "",
    )
    return applicant


def _person_applicant(user, employer: Organization, number: int, position: str) -> Applicant:
    applicant = Applicant.objects.create(
        kind=ApplicantKind.INDIVIDUAL, name=user.display_name, organization=employer, user=user,
        industry_code=employer.industry_codes[:3], contact_name=user.display_name, contact_phone=f"1390359{number:04d}",
    )
    PersonProfile.objects.create(
        applicant=applicant, id_number=id_number(number), position=position,
        quality_work_since=dt.date(2006 + number % 6, 7, 1), conduct_declared=True, conduct_declared_at=timezone.now(),
    )
    return applicant


def _fill(application, user, *, receiver: Organization, complete: bool = True):
    applicant = application.applicant
    answers = {code: SECTION.format(name=applicant.name, section=name) for code, name in required_sections(application)}
    if not complete:
        answers = dict(list(answers.items())[:2])
    changes = {"self_assessment": answers, "receiver": receiver, "contact_email": user.email}
    if applicant.is_organization:
        changes["profile"] = PROFILE.format(name=applicant.name, year=applicant.org_profile.established_on.year,
                                            county=applicant.division.name, industry=applicant.industry_name)
        if complete:
            changes["quality_mode_summary"] = MODE
    services.update_application(application, user, **changes)
    services.add_attachment(application, user, _pdf("Business licence", "营业执照（副本）"), kind="evidence",
                            description="营业执照（副本）扫描件")
    if not complete:
        return application
    services.add_attachment(application, user, _pdf("ISO 9001 certificate", "质量管理体系认证证书"), kind="evidence",
                            description="质量管理体系认证证书", trade_secret=False)
    services.add_attachment(application, user, _pdf("Process know-how", "关键工艺参数控制规程"), kind="evidence",
                            description="关键工艺参数控制规程", trade_secret=True)
    services.record_publicity(application, user, start_on=PUBLICITY[0], end_on=PUBLICITY[1],
                              result=PublicityResult.NO_OBJECTION, scope="本单位公告栏及内部网站")
    services.sign_commitment(application, user, signer=applicant.contact_name, no_state_secret=True)
    return application


def build_applications(world) -> None:
    edition = world.objects.get("edition")
    organizations = world.objects.get("applicant_organizations")
    if edition is None or not organizations:
        return
    from qaward.demo import data

    applicants = [
        _organization_applicant(org, n, dt.date(2004 + n % 12, 3 + n % 9, 1 + n % 27))
        for n, org in enumerate(organizations, start=1)
    ]
    people = [_person_applicant(world.user(f"person{n:02d}"), organizations[employer], n, position)
              for n, (employer, position) in enumerate(data.INDIVIDUALS, start=1)]
    Honour.objects.create(applicant=applicants[0], level=HonourLevel.PROVINCIAL, title="山西省质量奖提名奖",
                          conferred_by="山西省人民政府", year=2022)
    AccidentRecord.objects.create(applicant=applicants[9], occurred_on=dt.date(2025, 4, 18), kind=AccidentKind.SAFETY,
                                  is_major=True, description="（演示）车间起重作业较大事故，已整改。")

    def user_of(applicant):
        return applicant.user or world.user(f"org{applicants.index(applicant) + 1:02d}")

    def msa(applicant):
        return world.user(f"msa_{data.DIVISION_SLUGS[applicant.division.code]}")

    def gov(applicant):
        return world.user(f"gov_{data.DIVISION_SLUGS[applicant.division.code]}")

    def county_msa(applicant):
        return Organization.objects.get(department_type="county_msa", division=applicant.division)

    def industry(name):
        return world.organization(name), world.user(f"industry_{data.INDUSTRY_SLUGS[name]}")

    def start(applicant, receiver, complete=True):
        user = user_of(applicant)
        application = services.start_application(edition, applicant, user)
        return _fill(application, user, receiver=receiver, complete=complete), user

    def submit(application, user):
        return services.perform(application, "submit", user, today=SUBMITTED_ON)

    office = world.user("office1")
    # 1 accepted: the whole chain through 盐湖区
    a, u = start(applicants[0], county_msa(applicants[0]))
    evidence = services.add_attachment(a, u, _pdf("Labour contract", "劳动合同及职称证书"), kind="talent", description="劳动合同及职称证书")
    talent = services.add_talent(a, u, name="（演示）陈高工", level=TalentLevel.SENIOR, title="正高级工程师",
                                 field="产品研发", introduced_on=dt.date(2024, 5, 6), evidence=evidence)
    a = submit(a, u)
    a = services.perform(a, "dept_approve", msa(a.applicant), checks=ALL_POINTS, reason="材料齐全，情况属实。")
    a = services.perform(a, "recommend", gov(a.applicant), reason="同意推荐。", today=SUBMITTED_ON)
    services.verify_talent(talent, office, status="verified", note="劳动合同、职称证书核实无误")
    opinion = services.request_opinion(a, office, department=world.organization("运城市应急管理局"),
                                       request_text="请提出该单位近三年安全生产情况的书面意见。",
                                       requested_on=dt.date(2026, 11, 24))
    services.answer_opinion(opinion, office, answer_text="经核查，近三年无生产安全事故，无异议。",
                            answered_on=dt.date(2026, 11, 25))
    services.perform(a, "accept", office, today=SUBMITTED_ON)
    # 2 recommended by an industry authority, waiting for the office, an opinion still unanswered
    authority, authority_user = industry("运城市住房和城乡建设局")
    a, u = start(applicants[1], authority)
    a = submit(a, u)
    a = services.perform(a, "dept_approve", authority_user, checks=ALL_POINTS)
    a = services.perform(a, "recommend", authority_user, reason="同意推荐。")
    services.request_opinion(a, office, department=world.organization("运城市生态环境局"),
                             request_text="请提出该单位近三年环境保护情况的书面意见。", requested_on=dt.date(2026, 11, 26))
    # 3 approved by the county department, waiting for the county government
    a, u = start(applicants[2], county_msa(applicants[2]))
    services.perform(submit(a, u), "dept_approve", msa(a.applicant), checks=ALL_POINTS)
    # 4, 6 submitted, waiting for the county department
    for index in (3, 5):
        a, u = start(applicants[index], county_msa(applicants[index]))
        submit(a, u)
    # 5 returned with a reason, the applicant must correct and resubmit
    a, u = start(applicants[4], county_msa(applicants[4]))
    services.perform(submit(a, u), "return", msa(a.applicant),
                     reason="请补充近三年经审计的财务报表，并说明利税总额全市同行业排名的依据。")
    # 7 ready to submit; 8 half-filled; 10 blocked by a major accident in the last three years
    start(applicants[6], county_msa(applicants[6]))
    start(applicants[7], county_msa(applicants[7]), complete=False)
    start(applicants[9], county_msa(applicants[9]))
    # individuals: one submitted to the industry and information technology bureau, one drafting
    authority, _ = industry("运城市工业和信息化局")
    a, u = start(people[0], authority)
    submit(a, u)
    start(people[1], county_msa(people[1]), complete=False)
    world.log(f"申报：{edition.applications.count()} 份（受理 1、待形式审查 1、待推荐 1、待审核 3、退回 1、填报中 4）")
