import pytest

from qaward.accounts.enums import Role
from qaward.portal.roles import ROLE_PROFILES
from tests.factories import OrganizationFactory, UserFactory


@pytest.mark.parametrize("role", list(Role))
def test_workbench_renders_card_for_each_role(client, db, role):
    organization = OrganizationFactory(name=f"{role.label}测试单位")
    user = UserFactory(roles=[(role.value, organization)])
    client.force_login(user)

    response = client.get("/workbench/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h2 class="role-card-title" id="role-{role.value}">{role.label}</h2>' in html
    assert f'<div class="role-card-org">{role.label}测试单位</div>' in html
    assert str(ROLE_PROFILES[role.value].summary) in html
    first_article = ROLE_PROFILES[role.value].articles[0]
    assert f'href="/rules/#article-{first_article}"' in html


def test_workbench_lists_every_organisation_of_a_role(client, db):
    user = UserFactory(roles=[("county_msa", OrganizationFactory(name="甲县测试市场监管局")),
                              ("county_msa", OrganizationFactory(name="乙县测试市场监管局"))])
    client.force_login(user)

    html = client.get("/workbench/").content.decode()

    assert '<div class="role-card-org">甲县测试市场监管局、乙县测试市场监管局</div>' in html


def test_workbench_without_roles_explains(client, db):
    client.force_login(UserFactory())

    html = client.get("/workbench/").content.decode()

    assert "您的账号尚未分配角色" in html


def test_workbench_shows_role_links_that_resolve(client, db):
    client.force_login(UserFactory(roles=["supervision"]))

    html = client.get("/workbench/").content.decode()

    assert '<a href="/supervision/audit/"><i class="bi bi-shield-check" aria-hidden="true"></i> 审计日志</a>' in html


def test_workbench_requires_login(client, db):
    assert client.get("/workbench/")["Location"] == "/accounts/login/?next=/workbench/"


def test_every_role_has_a_profile():
    assert set(ROLE_PROFILES) == set(Role.values)
