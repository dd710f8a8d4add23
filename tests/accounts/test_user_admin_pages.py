"""The office's account pages: list, Excel export, create, detail with grants and account security."""

from io import BytesIO

import pytest
from django.contrib.messages import get_messages
from openpyxl import load_workbook

from qaward.accounts.enums import DepartmentType, OrganizationKind
from qaward.accounts.models import RoleGrant, User
from qaward.core.models import AuditRecord
from tests.factories import DEFAULT_PASSWORD, DivisionFactory, OrganizationFactory, UserFactory

LIST = "/accounts/users/"
EXPORT = "/accounts/users/export.xlsx"
CREATE = "/accounts/users/new/"


def department(name, department_type, **fields):
    return OrganizationFactory(name=name, kind=OrganizationKind.DEPARTMENT, department_type=department_type, **fields)


@pytest.fixture
def county(db):
    return DivisionFactory(code="149802", name="测试甲县")


@pytest.fixture
def county_msa(county):
    return department("测试甲县市场监督管理局", DepartmentType.COUNTY_MSA, division=county)


@pytest.fixture
def industry(db):
    return department("测试市工业和信息化局", DepartmentType.INDUSTRY_AUTHORITY)


@pytest.fixture
def staff(county_msa, industry):
    """Two department users: one in the county, one at city level."""
    wang = UserFactory(username="msa-wang", display_name="王科员", phone="13912345678", email="wang@example.cn",
                       roles=[("county_msa", county_msa)])
    zhao = UserFactory(username="gxj-zhao", display_name="赵科长", phone="13800001111", email="",
                       roles=[("industry_authority", industry)])
    return wang, zhao


@pytest.fixture
def office(client, office_user):
    client.force_login(office_user)
    return client


def usernames(response) -> list[str]:
    return [u.username for u in response.context["page"].object_list]


# --- permission ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [LIST, EXPORT, CREATE])
def test_anonymous_sent_to_login(client, db, path):
    response = client.get(path)

    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={path}")


@pytest.mark.parametrize("path", [LIST, EXPORT, CREATE])
def test_county_msa_forbidden(client, county_msa, path):
    client.force_login(UserFactory(username="msa-boss", roles=[("county_msa", county_msa)]))

    assert client.get(path).status_code == 403


def test_county_msa_cannot_post_create_grant_or_reset(client, staff, county_msa):
    wang, _ = staff
    client.force_login(UserFactory(username="msa-boss", roles=[("county_msa", county_msa)]))

    responses = [
        client.post(CREATE, {"username": "sneaky", "display_name": "某人", "organization": county_msa.pk,
                             "roles": ["county_msa"]}),
        client.get(f"/accounts/users/{wang.pk}/"),
        client.post(f"/accounts/users/{wang.pk}/grants/", {"role": "county_msa", "organization": county_msa.pk}),
        client.post(f"/accounts/users/{wang.pk}/reset-password/"),
        client.post(f"/accounts/users/{wang.pk}/deactivate/"),
    ]

    assert [r.status_code for r in responses] == [403] * 5
    assert not User.objects.filter(username="sneaky").exists()
    assert not AuditRecord.objects.filter(action__startswith="account.").exists()


def test_nav_shows_account_management_to_office_only(client, office_user, county_msa):
    client.force_login(office_user)
    assert f'href="{LIST}"' in client.get("/workbench/").content.decode()

    client.force_login(UserFactory(username="msa-boss", roles=[("county_msa", county_msa)]))
    assert f'href="{LIST}"' not in client.get("/workbench/").content.decode()


# --- list ------------------------------------------------------------------------------------------

def test_list_shows_masked_phones_and_grants(office, staff):
    response = office.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "139****5678" in html and "13912345678" not in html
    assert "138****1111" in html and "13800001111" not in html
    assert "县级市场监管部门 <span class=\"text-body-secondary small\">· 测试甲县市场监督管理局</span>" in html
    assert usernames(response) == ["gxj-zhao", "msa-wang", "office-chen"]


@pytest.mark.parametrize(("query", "expected"), [
    ({"role": "county_msa"}, ["msa-wang"]),
    ({"role": "office"}, ["office-chen"]),
    ({"q": "赵"}, ["gxj-zhao"]),
    ({"q": "WANG@EXAMPLE"}, ["msa-wang"]),
    ({"status": "inactive"}, []),
])
def test_list_filters(office, staff, query, expected):
    assert usernames(office.get(LIST, query)) == expected


def test_list_filters_by_organisation_and_division(office, staff, county_msa, county):
    assert usernames(office.get(LIST, {"organization": county_msa.pk})) == ["msa-wang"]
    assert usernames(office.get(LIST, {"division": county.pk})) == ["msa-wang"]


def test_list_role_and_organisation_must_match_same_grant(office, staff, county_msa):
    wang, _ = staff
    RoleGrant.objects.create(user=wang, role="expert", organization=OrganizationFactory(name="测试学院"))

    assert usernames(office.get(LIST, {"organization": county_msa.pk, "role": "expert"})) == []


# --- Excel export ----------------------------------------------------------------------------------

def test_export_rows_match_filter_with_masked_phones(office, staff):
    response = office.get(EXPORT, {"role": "county_msa"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("用户名", "姓名", "手机号码", "电子邮箱", "角色与所在组织", "状态", "开设时间", "最近登录")
    assert [row[:6] for row in rows[1:]] == [
        ("msa-wang", "王科员", "139****5678", "wang@example.cn", "县级市场监管部门（测试甲县市场监督管理局）", "使用中"),
    ]
    assert "13912345678" not in str(rows)
    record = AuditRecord.objects.get(action="account.export_users")
    assert (record.kind, record.after) == ("read", {"filters": {"role": "county_msa"}, "rows": 1})


def test_export_all_lists_every_account(office, staff):
    rows = list(load_workbook(BytesIO(office.get(EXPORT).content)).active.iter_rows(values_only=True))

    assert [row[0] for row in rows[1:]] == ["gxj-zhao", "msa-wang", "office-chen"]


# --- create ----------------------------------------------------------------------------------------

def test_create_shows_one_time_password_once_and_it_signs_in(office, client, county_msa):
    response = office.post(CREATE, {"username": "msa-new", "display_name": "新科员", "phone": "13700001111",
                                    "email": "", "organization": county_msa.pk, "roles": ["county_msa"]})

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    password = response.context["password"]
    assert f'data-testid="one-time-password">{password}</code>' in response.content.decode()
    user = User.objects.get(username="msa-new")
    assert list(user.role_grants.values_list("role", "organization")) == [("county_msa", county_msa.pk)]
    assert AuditRecord.objects.filter(action="account.create", object_id=str(user.pk)).count() == 1
    assert password not in str(list(AuditRecord.objects.values_list("before", "after", "reason")))
    client.logout()
    login = client.post("/accounts/login/", {"username": "msa-new", "password": password})
    assert (login.status_code, login["Location"]) == (302, "/todo/")


def test_create_role_mismatch_refused_with_message_and_nothing_saved(office, industry):
    response = office.post(CREATE, {"username": "gxj-wrong", "display_name": "某人", "organization": industry.pk,
                                    "roles": ["county_msa"]})

    assert response.status_code == 422
    assert ("「县级市场监管部门」角色只能授予县级市场监管部门的工作人员，「测试市工业和信息化局」是市级行业主管部门。"
            in response.content.decode())
    assert not User.objects.filter(username="gxj-wrong").exists()
    assert not AuditRecord.objects.filter(action="account.create").exists()


def test_create_form_offers_departments_not_enterprises(office, county_msa):
    OrganizationFactory(name="运城测试企业有限公司", kind=OrganizationKind.ENTERPRISE)

    form = office.get(CREATE).context["form"]

    names = {o.name for o in form.fields["organization"].queryset}
    assert "测试甲县市场监督管理局" in names
    assert "运城测试企业有限公司" not in names
    assert "applicant" not in dict(form.fields["roles"].choices)


# --- detail: grants and account security -----------------------------------------------------------

def test_detail_shows_grants_and_masked_phone(office, staff):
    wang, _ = staff

    html = office.get(f"/accounts/users/{wang.pk}/").content.decode()

    assert "139****5678" in html and "13912345678" not in html
    assert "<td>测试甲县市场监督管理局</td>" in html


def test_grant_added_from_detail_page(office, staff, industry):
    wang, _ = staff

    response = office.post(f"/accounts/users/{wang.pk}/grants/", {"role": "industry_authority",
                                                                   "organization": industry.pk})

    assert (response.status_code, response["Location"]) == (302, f"/accounts/users/{wang.pk}/")
    assert wang.role_grants.filter(role="industry_authority", organization=industry, is_active=True).exists()
    assert AuditRecord.objects.filter(action="account.grant_role", object_id=str(wang.pk)).count() == 1


def test_grant_mismatch_on_detail_page_refused(office, staff, industry):
    wang, _ = staff

    response = office.post(f"/accounts/users/{wang.pk}/grants/", {"role": "office", "organization": industry.pk})

    assert response.status_code == 422
    assert "「领导小组办公室」角色只能授予领导小组办公室的工作人员" in response.content.decode()
    assert not wang.role_grants.filter(role="office").exists()


def test_grant_revoked_from_detail_page(office, staff):
    wang, _ = staff
    grant = wang.role_grants.get()

    response = office.post(f"/accounts/users/{wang.pk}/grants/{grant.pk}/revoke/", {"reason": "调岗"})

    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.is_active is False
    assert AuditRecord.objects.get(action="account.revoke_role").reason == "调岗"


def test_deactivate_from_detail_page_blocks_login(office, client, staff):
    wang, _ = staff

    office.post(f"/accounts/users/{wang.pk}/deactivate/", {"reason": "人员调离"})

    wang.refresh_from_db()
    assert wang.is_active is False
    client.logout()
    response = client.post("/accounts/login/", {"username": "msa-wang", "password": DEFAULT_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_reset_password_page_password_signs_in(office, client, staff):
    wang, _ = staff

    response = office.post(f"/accounts/users/{wang.pk}/reset-password/", {"reason": "本人忘记密码"})

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    password = response.context["password"]
    assert "此密码只显示这一次" in response.content.decode()
    record = AuditRecord.objects.get(action="account.reset_password")
    assert (record.object_id, record.reason) == (str(wang.pk), "本人忘记密码")
    client.logout()
    assert client.post("/accounts/login/", {"username": "msa-wang", "password": DEFAULT_PASSWORD}).status_code == 200
    assert client.post("/accounts/login/", {"username": "msa-wang", "password": password}).status_code == 302


def test_reset_own_password_refused_with_message(office, office_user):
    response = office.post(f"/accounts/users/{office_user.pk}/reset-password/")

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["不能重置自己的密码，请在「修改密码」中修改。"]
    assert not AuditRecord.objects.filter(action="account.reset_password").exists()


def test_reset_password_requires_post(office, staff):
    wang, _ = staff

    assert office.get(f"/accounts/users/{wang.pk}/reset-password/").status_code == 405
