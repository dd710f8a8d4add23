import datetime as dt

import pytest
from django.utils import timezone

from qaward.portal import todo
from qaward.portal.todo import TodoItem
from qaward.programs.models import Program
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import DEFAULT_PASSWORD, EditionFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def open_edition(page):
    program = Program.objects.get(code="yuncheng-mayor-quality-award")
    deadline = timezone.localdate() + dt.timedelta(days=40)
    return EditionFactory(program=program, number=3, year=deadline.year, title="运城市市长质量奖第三届",
                          stage="open", call_title="关于开展第三届运城市市长质量奖申报工作的通知",
                          call_published_on=timezone.localdate() - dt.timedelta(days=20),
                          application_deadline=deadline)


@pytest.fixture
def office_todos(page):
    def provide(user):
        if not user.has_role("office"):
            return []
        return [
            TodoItem("受理名单公示即将期满", "/office/editions/", 1, "领导小组办公室", urgent=True,
                     detail="第三届受理名单公示将于 2 个工作日内期满，期满无异议后可进入评审阶段"),
            TodoItem("待形式审查的申报", "/office/editions/", 6, "领导小组办公室",
                     detail="各县（市、区）和行业主管部门已推荐，待核对基本条件和材料完整性（第十七条）"),
            TodoItem("待组建评审组", "/office/editions/", 2, "领导小组办公室", detail="材料评审阶段"),
            TodoItem("待审阅的异议", "/supervision/audit/", 1, "监督组", detail="候选名单公示期间收到的异议"),
        ]

    todo.todo_provider(provide)
    yield
    todo._PROVIDERS.remove(provide)


def test_home_page_screen(page, screenshot, open_edition):
    page.goto("/")

    assert page.get_by_role("heading", level=1).inner_text() == "运城市市长质量奖"
    assert page.locator(".app-brand-title").inner_text() == "运城市市长质量奖评选管理系统"
    assert page.locator(".stage-pill").inner_text() == "申报中"
    assert page.get_by_text("暂无正在公示的名单").is_visible()
    assert page.get_by_text("本系统不收取任何费用（第十条）").is_visible()
    screenshot(page, "home")
    assert axe_violations(page) == []


def test_login_page_screen(page, screenshot):
    page.goto("/accounts/login/")

    assert page.get_by_role("heading", name="用户登录").is_visible()
    assert page.get_by_label("用户名").is_visible()
    screenshot(page, "login")
    assert axe_violations(page) == []


def test_login_error_screen(page, screenshot):
    UserFactory(username="office-chen", display_name="陈科长", roles=["office"])
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("office-chen")
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录", exact=True).click()

    assert page.get_by_role("alert").inner_text().strip() == "用户名或密码不正确。连续输错 5 次，账号将被锁定 30 分钟。"
    screenshot(page, "login-error", full_page=False)


def test_todo_page_screen(page, screenshot, office_todos):
    UserFactory(username="office-chen", display_name="陈科长",
                roles=[("office", OrganizationFactory(name="运城市标准化和质量强市领导小组办公室（测试）")),
                       ("supervision", OrganizationFactory(name="监督组（测试）"))])

    sign_in(page, "office-chen", DEFAULT_PASSWORD)

    assert page.url.endswith("/todo/")
    assert page.get_by_role("heading", level=1).inner_text() == "待办事项"
    assert page.locator(".todo-item.is-urgent .todo-item-title").inner_text() == "受理名单公示即将期满"
    assert page.locator(".todo-stat").first.inner_text().replace("\n", "") == "10项待办"
    assert page.locator(".header-badge").inner_text() == "10"
    screenshot(page, "todo")
    assert axe_violations(page) == []


def test_workbench_and_user_menu_screen(page, screenshot):
    UserFactory(username="office-chen", display_name="陈科长",
                roles=[("office", OrganizationFactory(name="运城市标准化和质量强市领导小组办公室（测试）")),
                       ("expert", OrganizationFactory(name="山西运城某职业技术学院（测试）"))])
    sign_in(page, "office-chen", DEFAULT_PASSWORD)

    page.goto("/workbench/")
    page.get_by_role("button", name="陈科长").click()

    assert page.get_by_role("heading", name="领导小组办公室", level=2).is_visible()
    assert page.get_by_role("heading", name="评审专家", level=2).is_visible()
    assert page.locator(".user-menu-roles").inner_text().split() == ["领导小组办公室", "评审专家"]
    screenshot(page, "workbench", full_page=False)
    assert axe_violations(page) == []


def test_rules_page_screen(page, screenshot):
    page.goto("/rules/#article-11")

    assert page.locator("#article-10 .rules-article-label").inner_text() == "第十条"
    screenshot(page, "rules", full_page=False)
    assert axe_violations(page) == []


def test_english_home_screen(page, screenshot, open_edition):
    page.goto("/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state("networkidle")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".app-brand-title").inner_text() == "Yuncheng Mayor's Quality Award Management System"
    screenshot(page, "home-en")
    assert axe_violations(page) == []


def _code(secret: str, drift: int = 0) -> str:
    from base64 import b32decode

    from django_otp.oath import totp

    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, drift=drift):06d}"


def test_two_factor_enrolment_and_second_step_screens(page, screenshot):
    UserFactory(username="supervisor-li", display_name="李组长", roles=["supervision"])
    sign_in(page, "supervisor-li", DEFAULT_PASSWORD)

    page.goto("/accounts/two-factor/")
    assert page.locator("svg.totp-qr").is_visible()
    secret = page.locator(".totp-secret").inner_text()
    screenshot(page, "two-factor-enrol", full_page=False)
    assert axe_violations(page) == []
    page.get_by_label("动态验证码").fill(_code(secret))
    page.get_by_role("button", name="确认启用").click()
    assert page.get_by_role("status").inner_text().strip() == "两步验证已启用。今后登录时，除密码外还需输入动态验证码。"

    page.get_by_role("button", name="李组长").click()
    page.get_by_role("button", name="退出登录").click()
    sign_in(page, "supervisor-li", DEFAULT_PASSWORD)
    assert page.get_by_role("heading", name="输入动态验证码").is_visible()
    screenshot(page, "two-factor-verify", full_page=False)
    assert axe_violations(page) == []
    page.get_by_label("动态验证码").fill(_code(secret, drift=1))
    page.get_by_role("button", name="验证并登录").click()

    assert page.url.endswith("/todo/")
    assert page.get_by_role("heading", level=1).inner_text() == "待办事项"


def test_lockout_screen(page, screenshot):
    UserFactory(username="office-chen", display_name="陈科长", roles=["office"])
    page.goto("/accounts/login/")
    for _ in range(5):
        page.get_by_label("用户名").fill("office-chen")
        page.get_by_label("密码").fill("wrong-password")
        page.get_by_role("button", name="登录", exact=True).click()

    assert page.get_by_role("heading", level=1).inner_text() == "登录失败次数过多，账号已暂时锁定"
    assert page.get_by_text("请 30 分钟后再试。").is_visible()
    screenshot(page, "login-locked", full_page=False)
    assert axe_violations(page) == []
