"""One organisation from registration to the acceptance list, through the pages only (第十一～十七条)."""

import datetime as dt

import pytest
from django.utils import timezone

from qaward.accounts.enums import Role
from qaward.accounts.models import Organization, RoleGrant
from qaward.applications.models import Application
from qaward.programs.models import Program
from tests.applications.factories import credit_code
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import DEFAULT_PASSWORD, EditionFactory, UserFactory

pytestmark = pytest.mark.browser
PASSWORD = "Zl-2026-strong-pass"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def edition(page):
    program = Program.objects.get(code="yuncheng-mayor-quality-award")
    deadline = timezone.localdate() + dt.timedelta(days=40)
    return EditionFactory(program=program, number=2, year=timezone.localdate().year, title="第二届运城市市长质量奖",
                          stage="open", call_title="关于开展第二届运城市市长质量奖申报工作的通知",
                          call_published_on=timezone.localdate() - dt.timedelta(days=20),
                          application_deadline=deadline, organization_rubric=program.organization_rubric,
                          individual_rubric=program.individual_rubric)


def staff(username, role, organization_name):
    user = UserFactory(username=username, display_name=f"{username}经办人")
    RoleGrant.objects.create(user=user, role=role, organization=Organization.objects.get(name=organization_name))
    return user


@pytest.fixture
def officials(page):
    return {
        "msa": staff("yanhu-msa", Role.COUNTY_MSA, "盐湖区市场监督管理局"),
        "gov": staff("yanhu-gov", Role.COUNTY_GOVERNMENT, "盐湖区人民政府"),
        "office": staff("office-a", Role.OFFICE, "运城市标准化和质量强市领导小组办公室"),
    }


def save_section(page, section_id):
    section = page.locator(f"#{section_id}")
    section.get_by_role("button", name="保存").click()
    section.locator(".save-status").get_by_text("已自动保存").wait_for()


def switch_user(page, username):
    page.context.clear_cookies()
    sign_in(page, username, DEFAULT_PASSWORD)


def test_organisation_from_registration_to_acceptance_list(page, screenshot, edition, officials):
    # 1 registration (第十一条): the organisation registers itself and is signed in
    page.goto("/applicants/register/")
    screenshot(page, "applications-01-register-choice")
    page.get_by_test_id("register-organization").click()
    page.get_by_label("组织名称（与营业执照或登记证书一致）").fill("运城市浏览器测试机械有限公司")
    page.get_by_label("统一社会信用代码").fill(credit_code())
    page.get_by_label("所在县（市、区）或运城开发区").select_option(label="盐湖区")
    page.get_by_label("成立日期").fill("2012-05-08")
    page.get_by_label("所属行业（GB/T 4754-2017 大类）").select_option("C34")
    page.get_by_label("经办人姓名").fill("吴经理")
    page.get_by_label("电子邮箱").fill("wu@example.cn")
    page.get_by_label("登录用户名").fill("browser-org")
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_label("再次输入密码").fill(PASSWORD)
    screenshot(page, "applications-02-register-form")
    page.get_by_role("button", name="注册并登录").click()
    assert page.get_by_text("注册成功").is_visible()

    # last year's figures and the rank of one indicator (第十一条第（四）项)
    page.get_by_text("修改基本情况和经营数据").click()
    page.get_by_label("经营数据年度").fill(str(edition.year - 1))
    page.get_by_label("经营收入（万元）").fill("26800")
    page.get_by_label("经营收入全市同行业排名").fill("2")
    page.locator("#main form[action$='/update/']").get_by_role("button", name="保存").click()
    assert page.get_by_text("申报主体信息已保存").is_visible()
    screenshot(page, "applications-03-profile")

    # 2 the application: start it, and see the checklist say what is missing
    page.get_by_role("link", name="我的申报").first.click()
    page.get_by_test_id("start-application").click()
    assert page.get_by_test_id("checklist-blocked").is_visible()
    assert page.locator('[data-code="materials_incomplete"]').get_attribute("data-passed") == "false"
    screenshot(page, "applications-04-new-draft")

    page.locator("#basic").get_by_label("联系电话").fill("0359-2345678")
    page.get_by_label("接收部门（第十五条）").select_option(label="盐湖区市场监督管理局")
    save_section(page, "basic")
    page.locator("#profile textarea").fill("本公司成立于2012年，主营通用设备制造，建立了覆盖全过程的质量管理体系。")
    save_section(page, "profile")
    for area in page.locator("#assessment textarea").all():
        area.fill("围绕本类目建立了系统的方法，并持续测量、分析与改进。")
    save_section(page, "assessment")
    page.locator("#mode textarea").fill("以卓越绩效为框架的“全员、全过程、全价值链”质量管理模式。")
    save_section(page, "mode")
    # the checklist refreshed itself after the saves: materials now only lack the file and the commitment
    page.locator('[data-code="receiver_invalid"][data-passed="true"]').wait_for()

    # 4 attachments: a file that is not what its name says is refused, a real PDF is stored
    attachments = page.locator("#attachments")
    attachments.get_by_label("文件").set_input_files(
        files=[{"name": "营业执照.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf"}])
    attachments.get_by_role("button", name="上传").click()
    assert page.get_by_text("不支持的文件类型").first.is_visible()
    attachments = page.locator("#attachments")
    attachments.get_by_label("文件").set_input_files(
        files=[{"name": "营业执照.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    attachments.get_by_label("说明").fill("营业执照副本")
    attachments.get_by_role("button", name="上传").click()
    assert page.get_by_text("已上传「营业执照.pdf」").is_visible()

    # internal publicity of at least 5 working days, ended, without objection (第十五条)
    publicity = page.locator("#publicity")
    end = timezone.localdate() - dt.timedelta(days=10)
    publicity.get_by_label("公示开始日期").fill((end - dt.timedelta(days=14)).isoformat())
    publicity.get_by_label("公示结束日期").fill(end.isoformat())
    publicity.get_by_label("公示范围与方式").fill("本单位公告栏")
    publicity.get_by_role("button", name="登记公示").click()
    assert page.get_by_text("内部公示已登记").is_visible()

    # commitment (第十五、十七条) and submission
    submit = page.locator("#submit")
    submit.get_by_label("本单位（本人）对申报材料的完整性、真实性、准确性负责", exact=False).check()
    submit.get_by_label("申报材料不涉及国家安全、国家秘密", exact=False).check()
    submit.get_by_label("承诺人（法定代表人/本人）姓名").fill("吴建国")
    submit.get_by_role("button", name="签署承诺书").click()
    screenshot(page, "applications-05-ready-to-submit")
    blocked = page.locator('#checklist li[data-passed="false"]').all_inner_texts()
    assert page.get_by_test_id("checklist-ready").is_visible(), blocked
    assert axe_violations(page) == []
    page.get_by_test_id("submit-button").click()
    assert page.get_by_text("申报已提交至盐湖区市场监督管理局").is_visible()
    assert page.get_by_test_id("state").inner_text() == "待接收部门审核"
    application = Application.objects.get(applicant__name="运城市浏览器测试机械有限公司")

    # 5 the county market supervision department audits (第十六条)
    switch_user(page, "yanhu-msa")
    page.goto("/applications/inbox/")
    screenshot(page, "applications-06-msa-inbox")
    page.get_by_test_id("to-audit").get_by_role("link", name="运城市浏览器测试机械有限公司").click()
    approve = page.locator('form[data-action="dept_approve"]')
    for point in ("完整性", "真实性", "准确性", "合法性"):
        approve.get_by_label(f"已审核{point}").check()
    approve.get_by_label("意见（可选）").fill("材料齐全，情况属实。")
    screenshot(page, "applications-07-msa-review")
    approve.get_by_role("button", name="审核通过").click()
    assert page.get_by_text("已审核通过").first.is_visible()

    # the county government recommends (第十六条)
    switch_user(page, "yanhu-gov")
    page.goto("/applications/inbox/")
    page.get_by_test_id("to-recommend").get_by_role("link", name="运城市浏览器测试机械有限公司").click()
    page.locator('form[data-action="recommend"]').get_by_role("button", name="推荐上报").click()
    assert page.get_by_text("已推荐至领导小组办公室").is_visible()

    # 6 the office's formal review and the acceptance list (第十七条)
    switch_user(page, "office-a")
    page.goto("/applications/formal-review/")
    screenshot(page, "applications-08-formal-review")
    assert axe_violations(page) == []
    page.get_by_test_id("formal-queue").get_by_role("link", name="运城市浏览器测试机械有限公司").click()
    page.locator('form[data-action="accept"]').get_by_role("button", name="受理").click()
    assert page.get_by_text("已受理，列入受理名单").is_visible()
    screenshot(page, "applications-09-accepted")
    page.goto("/applications/acceptance/")
    assert page.get_by_test_id("acceptance-list").get_by_text("运城市浏览器测试机械有限公司").is_visible()
    screenshot(page, "applications-10-acceptance-list")
    assert axe_violations(page) == []

    application.refresh_from_db()
    assert (application.state, application.round) == ("accepted", 1)
    assert list(application.events.values_list("action", flat=True)) == ["submit", "dept_approve", "recommend",
                                                                         "accept"]
