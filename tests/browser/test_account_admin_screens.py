"""The office opens a department account in a real browser: every screen is accessible, and the
one-time password it is shown signs the new user in."""

import pytest

from qaward.accounts.models import Organization
from tests.browser.conftest import axe_violations, sign_in
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.browser


def test_office_opens_department_account_and_new_user_signs_in(page, screenshot):
    office = Organization.objects.get(name="运城市标准化和质量强市领导小组办公室")
    UserFactory(username="office-chen", display_name="陈科长", roles=[("office", office)])
    county_msa = Organization.objects.get(name="盐湖区市场监督管理局")
    UserFactory(username="yh-msa-li", display_name="李科员", phone="13912345678",
                roles=[("county_msa", county_msa)])
    sign_in(page, "office-chen", DEFAULT_PASSWORD)

    page.get_by_role("link", name="账号管理").first.click()
    assert page.get_by_role("heading", name="账号管理").is_visible()
    assert page.get_by_text("139****5678").is_visible()
    screenshot(page, "accounts-01-user-list")
    assert axe_violations(page) == []

    page.get_by_role("link", name="开设账号").click()
    page.get_by_label("登录用户名").fill("yh-msa-wang")
    page.get_by_label("姓名").fill("王科员")
    page.get_by_label("手机号码").fill("13700001111")
    page.get_by_label("所在组织").select_option(label="盐湖区市场监督管理局（县级市场监管部门）")
    page.get_by_label("县级市场监管部门").check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="开设账号").click()

    password = page.get_by_test_id("one-time-password").inner_text()
    screenshot(page, "accounts-02-password-issued")
    assert axe_violations(page) == []
    page.get_by_role("link", name="查看账号").click()
    assert page.get_by_role("cell", name="盐湖区市场监督管理局", exact=True).is_visible()
    screenshot(page, "accounts-03-user-detail")
    assert axe_violations(page) == []

    page.context.clear_cookies()
    sign_in(page, "yh-msa-wang", password)
    assert page.get_by_text("王科员").first.is_visible()
