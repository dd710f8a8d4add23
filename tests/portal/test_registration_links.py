"""Applicants find self-registration from the home page and the login page; staff learn the office opens theirs."""

import pytest


@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_page_links_to_applicant_registration(client, db, path):
    html = client.get(path).content.decode()

    assert 'href="/applicants/register/"' in html
    assert "由领导小组办公室" in html


def test_home_explains_who_registers(client, db):
    html = client.get("/").content.decode()

    assert "组织和个人申报者可自助注册账号：" in html
    assert "各部门工作人员和评审专家的账号由领导小组办公室开设，无需注册。" in html


def test_login_page_explains_who_registers(client, db):
    html = client.get("/accounts/login/").content.decode()

    assert '还没有账号？组织和个人申报者请<a href="/applicants/register/">自助注册</a>。' in html
    assert "各部门工作人员和评审专家的账号由领导小组办公室统一开设，无需注册。" in html
