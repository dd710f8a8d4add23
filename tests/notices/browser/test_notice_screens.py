"""The public files an anonymous objection on a phone-readable notice page and follows it by its code."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from PIL import Image

from qaward.notices.enums import AwardLevel, NoticeKind, Track
from qaward.notices.objections import Identity, decide_objection, file_objection, record_findings
from qaward.notices.services import EntryData, publish_notice
from qaward.programs.models import EditionStage, Program
from tests.browser.conftest import CHROMIUM_ARGS, axe_violations, sign_in
from tests.factories import DEFAULT_PASSWORD, DivisionFactory, EditionFactory, UserFactory

pytestmark = pytest.mark.browser

ORGANISATIONS = [
    ("山西运城某某重工股份有限公司", "盐湖区 · 装备制造业"),
    ("运城市某某食品有限公司", "临猗县 · 食品制造业"),
    ("山西某某铝业有限公司", "河津市 · 有色金属冶炼"),
    ("运城某某医药有限公司", "运城开发区 · 医药制造业"),
]


@pytest.fixture
def world(page):
    program = Program.objects.get(code="yuncheng-mayor-quality-award")
    office = UserFactory(username="office-zhou", display_name="周科长", roles=["office"])
    edition = EditionFactory(program=program, number=3, year=2026, title="第三届运城市市长质量奖",
                             stage=EditionStage.FORMAL_REVIEW)
    today = timezone.localdate()
    rows = [EntryData(name, Track.ORGANIZATION, region=region) for name, region in ORGANISATIONS]
    rows.append(EntryData("张某某", Track.INDIVIDUAL, unit="山西运城某某重工股份有限公司", region="盐湖区"))
    notice = publish_notice(
        edition, kind=NoticeKind.ACCEPTANCE, entries=rows, actor=office, start=today,
        title="关于第三届运城市市长质量奖受理名单的公示", document_number="运质奖办〔2026〕5号",
        body="根据《运城市市长质量奖管理办法》（运政发〔2023〕14号）有关规定，经形式审查和征求有关主管部门意见，"
             "现将第三届运城市市长质量奖受理名单予以公示。",
        contact="公示期内，任何单位和个人对名单有异议的，可通过本系统在线提出，或向运城市标准化和质量强市领导小组监督组书面反映。",
    )
    return {"office": office, "edition": edition, "notice": notice}


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 60, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_anonymous_objection_filed_and_tracked(page, screenshot, world):
    notice = world["notice"]
    page.goto("/notices/")
    assert page.get_by_role("heading", name="正在公示").is_visible()
    screenshot(page, "notices-list")
    assert axe_violations(page) == []

    page.get_by_role("link", name=notice.title).click()
    assert page.get_by_role("heading", level=1).inner_text() == notice.title
    assert page.locator(".entry-table tbody tr").count() == 5
    screenshot(page, "notices-detail")
    assert axe_violations(page) == []

    page.get_by_role("link", name="对“运城市某某食品有限公司”提出异议").click()
    form = page.locator("#objection-form")
    assert form.get_by_label("对哪一项提出异议").input_value() == str(notice.entries.get(position=2).pk)
    form.get_by_label("异议的事实和理由").fill("该企业2025年曾因产品抽检不合格被市场监管部门处罚，不符合申报条件。")
    form.get_by_label("匿名").check()
    assert not form.get_by_label("姓名").is_visible()
    form.get_by_label("证明材料（可选）").set_input_files(
        [{"name": "抽检通报.png", "mimeType": "image/png", "buffer": _png_bytes()}])
    form.get_by_label("本人承诺所反映情况真实").check()
    screenshot(page, "notices-objection-form")
    form.get_by_role("button", name="提交异议").click()

    assert page.get_by_role("heading", name="您的异议已提交").is_visible()
    code = page.get_by_test_id("tracking-code").inner_text().strip()
    assert len(code) == 14
    screenshot(page, "notices-objection-receipt")
    assert axe_violations(page) == []

    page.get_by_role("link", name="查询办理进度").click()
    page.get_by_label("查询码").fill(code.lower())
    page.get_by_role("button", name="查询").click()
    assert page.get_by_test_id("objection-status").inner_text() == "已受理，待调查"
    assert page.get_by_text("运城市某某食品有限公司").first.is_visible()
    screenshot(page, "notices-track")
    assert axe_violations(page) == []


def test_decided_objection_shows_outcome_and_removed_entry(page, screenshot, world):
    notice, office = world["notice"], world["office"]
    leader = UserFactory(username="leader-sun", roles=["leadership"])
    entry = notice.entries.get(position=3)
    objection = file_objection(notice, entry, content="该企业近三年内发生过一般安全生产事故，请核实。", anonymous=True)
    objection = record_findings(objection, actor=office, findings="经向应急管理部门核实，情况属实。")
    decide_objection(objection, actor=leader, upheld=True, reason="领导小组会议决定。",
                     public_reply="经调查核实，该单位近3年内发生安全事故，不符合第十一条第（六）项，已从受理名单中移除。")
    page.goto("/notices/track/")
    page.get_by_label("查询码").fill(objection.tracking_code)
    page.get_by_role("button", name="查询").click()
    assert page.get_by_text("异议成立。").is_visible()
    screenshot(page, "notices-track-upheld")
    page.goto(notice.get_absolute_url())
    assert page.locator("tr.is-removed").count() == 1
    screenshot(page, "notices-detail-removed-entry")


def test_notice_readable_on_a_phone(chromium, live_server, screenshot, world):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844},
                                   device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-CN")
    phone = context.new_page()
    phone.goto(world["notice"].get_absolute_url())
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert phone.locator(".entry-table thead").is_hidden()
    screenshot(phone, "notices-detail-phone")
    phone.goto("/notices/how-to-object/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "notices-how-to-object-phone")
    context.close()


def test_office_and_supervision_screens(page, screenshot, world):
    notice = world["notice"]
    file_objection(notice, notice.entries.get(position=1), content="该企业申报的营业收入与统计数据不一致，请核实。",
                   anonymous=False, identity=Identity("钱某某", "13900001111", "", "运城某某贸易公司"))
    sign_in(page, "office-zhou", DEFAULT_PASSWORD)
    page.goto("/notices/manage/")
    assert page.get_by_role("heading", name="公示管理").is_visible()
    screenshot(page, "notices-office-manage")
    page.goto("/notices/objections/")
    page.locator("table a").first.click()
    assert page.get_by_text("异议人身份信息仅监督组可见").is_visible()
    assert page.get_by_text("钱某某").count() == 0
    screenshot(page, "notices-office-objection")
    assert axe_violations(page) == []

    page.goto(f"/notices/manage/editions/{world['edition'].pk}/publish/candidate/")
    screenshot(page, "notices-office-publish-wrong-stage")

    page.context.clear_cookies()
    UserFactory(username="supervisor-wu", roles=["supervision"])
    sign_in(page, "supervisor-wu", DEFAULT_PASSWORD)
    page.goto("/notices/supervision/objections/")
    page.locator("table a").first.click()
    page.get_by_role("link", name="查看异议人身份（记入审计日志）").click()
    page.get_by_role("button", name="确认查看（记入审计日志）").click()
    assert page.get_by_text("钱某某").is_visible()
    screenshot(page, "notices-supervision-identity")


def test_publish_page_and_winners_screens(page, screenshot, world):
    office = world["office"]
    program = world["edition"].program
    edition = EditionFactory(program=program, number=2, year=2021, title="第二届运城市市长质量奖",
                             stage=EditionStage.DELIBERATION)
    rows = [EntryData(name, Track.ORGANIZATION, AwardLevel.AWARD, region=region) for name, region in ORGANISATIONS[:3]]
    rows += [EntryData("运城某某纺织有限公司", Track.ORGANIZATION, AwardLevel.NOMINATION, region="绛县 · 纺织业"),
             EntryData("李某某", Track.INDIVIDUAL, AwardLevel.AWARD, unit="山西某某铝业有限公司", region="河津市")]
    today = timezone.localdate()
    publish_notice(edition, kind=NoticeKind.RECOMMENDATION, entries=rows, actor=office, start=today,
                   title="关于第二届运城市市长质量奖获奖建议名单的公示", document_number="运质奖办〔2021〕9号")
    edition.stage = EditionStage.DECIDED
    edition.decision_document = "运政发〔2021〕30号"
    edition.decided_on = today - dt.timedelta(days=1)
    edition.save()
    page.goto("/notices/winners/")
    assert page.get_by_text("李某某").is_visible()
    screenshot(page, "notices-winners")
    assert axe_violations(page) == []

    candidates = EditionFactory(program=program, number=4, year=2031, title="第四届运城市市长质量奖",
                                stage=EditionStage.CANDIDATES)
    DivisionFactory(code="140802", name="盐湖区")
    sign_in(page, "office-zhou", DEFAULT_PASSWORD)
    page.goto(f"/notices/manage/editions/{candidates.pk}/publish/candidate/")
    page.get_by_label("补充条目").fill("山西运城某某重工股份有限公司｜组织｜质量奖｜｜盐湖区")
    screenshot(page, "notices-office-publish")


def test_print_version_is_a_pdf(page, world):
    response = page.request.get(f"/notices/{world['notice'].pk}/print/")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body()[:5] == b"%PDF-"


assert CHROMIUM_ARGS == ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
