"""The office opens and keeps department staff accounts; roles must fit the department."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import authenticate
from django.test import RequestFactory

from qaward.accounts import services
from qaward.accounts.enums import DepartmentType, OrganizationKind
from qaward.accounts.models import RoleGrant, User
from qaward.core import audit
from qaward.core.errors import DomainError, NotPermitted
from qaward.core.models import AuditRecord
from tests.factories import DivisionFactory, OrganizationFactory, UserFactory


def department(name, department_type, **fields):
    return OrganizationFactory(name=name, kind=OrganizationKind.DEPARTMENT, department_type=department_type, **fields)


@pytest.fixture
def county_msa(db):
    return department("测试县市场监督管理局", DepartmentType.COUNTY_MSA, division=DivisionFactory(code="149801",
                                                                                         name="测试县"))


@pytest.fixture
def education_bureau(db):
    return department("测试市教育局", DepartmentType.INDUSTRY_AUTHORITY)


def signs_in(username, password) -> bool:
    request = RequestFactory().post("/accounts/login/")
    return authenticate(request, username=username, password=password) is not None


def account_records():
    return list(AuditRecord.objects.filter(action__startswith="account.").values_list("action", flat=True))


# --- create_department_user ------------------------------------------------------------------------

def test_create_department_user_saves_user_grants_and_audit(office_user, county_msa):
    user, password = services.create_department_user(
        office_user, " msa-wang ", "王科员", "139 1234 5678", "wang@example.cn", county_msa, ["county_msa"])

    assert (user.username, user.display_name, user.phone, user.email, user.is_active) == (
        "msa-wang", "王科员", "13912345678", "wang@example.cn", True)
    assert list(user.role_grants.values_list("role", "organization", "is_active")) == [
        ("county_msa", county_msa.pk, True)]
    assert user.check_password(password)
    record = AuditRecord.objects.get(action="account.create")
    assert (record.actor, record.object_id) == (office_user, str(user.pk))
    assert record.after == {
        "username": "msa-wang", "display_name": "王科员", "phone": "139****5678", "email": "wang@example.cn",
        "grants": [{"role": "county_msa", "organization": county_msa.pk, "organization_name": "测试县市场监督管理局"}],
    }
    assert password not in str(record.after)
    assert audit.verify_chain().intact


def test_create_department_user_one_time_password_signs_in(office_user, county_msa):
    user, password = services.create_department_user(office_user, "msa-li", "李科员", "", "", county_msa,
                                                     ["county_msa"])

    assert signs_in("msa-li", password)
    assert len(password) == 14
    assert password.count("-") == 2


def test_create_department_user_by_county_msa_refused_and_nothing_saved(county_msa):
    actor = UserFactory(username="msa-boss", roles=[("county_msa", county_msa)])

    with pytest.raises(NotPermitted) as raised:
        services.create_department_user(actor, "msa-new", "新人", "", "", county_msa, ["county_msa"])

    assert raised.value.detail == "只有领导小组办公室可以开设和管理部门工作人员账号。"
    assert not User.objects.filter(username="msa-new").exists()
    assert account_records() == []


def test_create_department_user_role_mismatch_refused_and_nothing_saved(office_user, education_bureau):
    with pytest.raises(DomainError) as raised:
        services.create_department_user(office_user, "edu-zhao", "赵科员", "", "", education_bureau, ["county_msa"])

    assert raised.value.detail == "「县级市场监管部门」角色只能授予县级市场监管部门的工作人员，「测试市教育局」是市级行业主管部门。"
    assert (raised.value.code, raised.value.status) == ("role_department_mismatch", 422)
    assert not User.objects.filter(username="edu-zhao").exists()
    assert account_records() == []


def test_create_department_user_second_role_mismatch_refuses_all(office_user, county_msa):
    with pytest.raises(DomainError):
        services.create_department_user(office_user, "msa-two", "两角色", "", "", county_msa,
                                        ["county_msa", "supervision"])

    assert not User.objects.filter(username="msa-two").exists()
    assert not RoleGrant.objects.filter(organization=county_msa).exists()


def test_staff_role_refused_in_enterprise(office_user):
    enterprise = OrganizationFactory(name="运城测试企业有限公司", kind=OrganizationKind.ENTERPRISE)

    with pytest.raises(DomainError) as raised:
        services.create_department_user(office_user, "ent-user", "企业员工", "", "", enterprise, ["county_msa"])

    assert raised.value.detail == ("「运城测试企业有限公司」不是政府部门或机构（企业），不能授予「县级市场监管部门」角色；"
                                   "其人员只能作为评审专家。")
    assert not User.objects.filter(username="ent-user").exists()


def test_expert_role_allowed_in_any_organisation(office_user):
    university = OrganizationFactory(name="运城测试学院", kind=OrganizationKind.EXPERT_HOME)

    user, _ = services.create_department_user(office_user, "expert-sun", "孙教授", "", "", university, ["expert"])

    assert list(user.role_grants.values_list("role", flat=True)) == ["expert"]


def test_applicant_role_never_granted_by_office(office_user, county_msa):
    with pytest.raises(DomainError) as raised:
        services.create_department_user(office_user, "app-user", "申报者", "", "", county_msa, ["applicant"])

    assert raised.value.detail == "申报者账号由组织或个人在系统中自助注册，领导小组办公室不开设申报者账号。"


def test_department_without_type_refused(office_user):
    untyped = OrganizationFactory(name="未分类部门")

    with pytest.raises(DomainError) as raised:
        services.create_department_user(office_user, "x-user", "某人", "", "", untyped, ["office"])

    assert raised.value.detail == "「领导小组办公室」角色只能授予领导小组办公室的工作人员，「未分类部门」是未设置部门类型。"


def test_inactive_organisation_refused(office_user):
    closed = department("已撤销的市场监管局", DepartmentType.COUNTY_MSA, is_active=False)

    with pytest.raises(DomainError) as raised:
        services.create_department_user(office_user, "x-user", "某人", "", "", closed, ["county_msa"])

    assert raised.value.detail == "「已撤销的市场监管局」已停用，不能再授予角色。"


@pytest.mark.parametrize(("role", "department_type"), [
    ("county_msa", "county_msa"),
    ("county_government", "county_government"),
    ("county_government", "dev_zone_committee"),
    ("industry_authority", "industry_authority"),
    ("consulted_dept", "consulted"),
    ("hr_bureau", "hr_bureau"),
    ("city_government", "city_government"),
    ("leadership", "leadership_group"),
    ("supervision", "supervision_group"),
    ("office", "office"),
    ("third_party", "third_party"),
    ("expert", "county_msa"),
])
def test_role_fits_its_department_type(office_user, role, department_type):
    organization = department(f"{department_type}测试部门", department_type)

    user, _ = services.create_department_user(office_user, f"u-{role}", "某人", "", "", organization, [role])

    assert list(user.role_grants.values_list("role", flat=True)) == [role]


@pytest.mark.parametrize(("role", "department_type"), [
    ("county_government", "county_msa"),
    ("leadership", "office"),
    ("office", "supervision_group"),
    ("hr_bureau", "consulted"),
    ("city_government", "leadership_group"),
    ("third_party", "industry_authority"),
])
def test_role_refused_in_other_department_type(office_user, role, department_type):
    organization = department(f"{department_type}测试部门", department_type)

    with pytest.raises(DomainError):
        services.create_department_user(office_user, f"u-{role}", "某人", "", "", organization, [role])

    assert not User.objects.filter(username=f"u-{role}").exists()


@pytest.mark.parametrize(("fields", "detail"), [
    ({"username": "  "}, "请填写登录用户名。"),
    ({"username": "OFFICE-CHEN"}, "用户名「OFFICE-CHEN」已被使用，请换一个。"),
    ({"display_name": ""}, "请填写工作人员姓名。"),
    ({"phone": "1391234abcd"}, "联系电话只能包含数字和连字符，例如 13912345678 或 0359-2345678。"),
    ({"email": "not-an-email"}, "电子邮箱「not-an-email」格式不正确。"),
    ({"roles": []}, "请至少选择一个角色。"),
])
def test_create_department_user_invalid_input_refused(office_user, county_msa, fields, detail):
    arguments = {"username": "msa-x", "display_name": "某人", "phone": "", "email": "", "roles": ["county_msa"]} | fields

    with pytest.raises(DomainError) as raised:
        services.create_department_user(office_user, organization=county_msa, **arguments)

    assert raised.value.detail == detail
    assert account_records() == []


# --- grant_role / revoke_role ----------------------------------------------------------------------

def test_grant_role_adds_grant_and_audits(office_user, county_msa):
    user = UserFactory(username="staff-a")

    grant = services.grant_role(office_user, user, "county_msa", county_msa)

    assert (grant.user, grant.role, grant.organization, grant.is_active) == (user, "county_msa", county_msa, True)
    record = AuditRecord.objects.get(action="account.grant_role")
    assert (record.object_id, record.after) == (str(user.pk), {
        "role": "county_msa", "organization": county_msa.pk, "organization_name": "测试县市场监督管理局"})


def test_grant_role_mismatch_refused_and_nothing_saved(office_user, education_bureau):
    user = UserFactory(username="staff-b")

    with pytest.raises(DomainError) as raised:
        services.grant_role(office_user, user, "hr_bureau", education_bureau)

    assert raised.value.detail == "「市人社局」角色只能授予市人力资源和社会保障局的工作人员，「测试市教育局」是市级行业主管部门。"
    assert not user.role_grants.exists()
    assert account_records() == []


def test_grant_role_reinstates_revoked_grant(office_user, county_msa):
    user = UserFactory(username="staff-c", roles=[("county_msa", county_msa)])
    grant = user.role_grants.get()
    services.revoke_role(office_user, grant, "调岗")

    again = services.grant_role(office_user, user, "county_msa", county_msa)

    assert (again.pk, again.is_active) == (grant.pk, True)
    assert account_records() == ["account.revoke_role", "account.grant_role"]


def test_grant_role_already_held_refused(office_user, county_msa):
    user = UserFactory(username="staff-d", roles=[("county_msa", county_msa)])

    with pytest.raises(DomainError) as raised:
        services.grant_role(office_user, user, "county_msa", county_msa)

    assert (raised.value.status, raised.value.detail) == (
        409, f"「{user.display_name}」已在「测试县市场监督管理局」担任「县级市场监管部门」。")


def test_grant_role_by_non_office_refused(county_msa):
    actor = UserFactory(username="sup", roles=["supervision"])

    with pytest.raises(NotPermitted):
        services.grant_role(actor, UserFactory(username="staff-e"), "county_msa", county_msa)

    assert not RoleGrant.objects.filter(organization=county_msa).exists()


def test_revoke_role_deactivates_grant_and_audits(office_user, county_msa):
    user = UserFactory(username="staff-f", roles=[("county_msa", county_msa)])
    grant = user.role_grants.get()

    services.revoke_role(office_user, grant, " 人员调离 ")

    grant.refresh_from_db()
    assert grant.is_active is False
    assert not User.objects.get(pk=user.pk).has_role("county_msa")
    record = AuditRecord.objects.get(action="account.revoke_role")
    assert (record.reason, record.before["role"]) == ("人员调离", "county_msa")


def test_revoke_own_office_role_refused(office_user):
    grant = office_user.role_grants.get()

    with pytest.raises(DomainError) as raised:
        services.revoke_role(office_user, grant)

    assert raised.value.detail == "不能撤销自己的领导小组办公室角色，请由办公室其他工作人员办理。"
    grant.refresh_from_db()
    assert grant.is_active is True


# --- deactivate / reactivate -----------------------------------------------------------------------

def test_deactivate_user_blocks_login_and_audits(office_user, county_msa):
    user = UserFactory(username="staff-g", roles=[("county_msa", county_msa)])
    assert signs_in("staff-g", "Zl-2026-test-password")

    services.deactivate_user(office_user, user, "人员调离")

    assert not signs_in("staff-g", "Zl-2026-test-password")
    record = AuditRecord.objects.get(action="account.deactivate")
    assert (record.reason, record.before, record.after) == ("人员调离", {"is_active": True}, {"is_active": False})
    assert user.role_grants.get().is_active is True


def test_reactivate_user_allows_login_again(office_user):
    user = UserFactory(username="staff-h", is_active=False)

    services.reactivate_user(office_user, user)

    assert signs_in("staff-h", "Zl-2026-test-password")
    assert account_records() == ["account.reactivate"]


def test_deactivate_own_account_refused(office_user):
    with pytest.raises(DomainError) as raised:
        services.deactivate_user(office_user, office_user)

    assert raised.value.detail == "不能停用自己的账号。"
    office_user.refresh_from_db()
    assert office_user.is_active is True


def test_deactivate_superuser_refused(office_user):
    root = UserFactory(username="root", is_superuser=True, is_staff=True)

    with pytest.raises(NotPermitted) as raised:
        services.deactivate_user(office_user, root)

    assert raised.value.detail == "「root」是系统管理员账号，不能在此停用，请在配置管理后台维护。"


# --- reset_password --------------------------------------------------------------------------------

def test_reset_password_new_password_signs_in_old_does_not(office_user):
    user = UserFactory(username="staff-i")

    password = services.reset_password(office_user, user, "本人忘记密码")

    assert signs_in("staff-i", password)
    assert not signs_in("staff-i", "Zl-2026-test-password")
    record = AuditRecord.objects.get(action="account.reset_password")
    assert (record.kind, record.actor, record.object_id, record.reason) == (
        "auth", office_user, str(user.pk), "本人忘记密码")
    assert password not in str(record.after) + str(record.before) + record.reason


def test_reset_password_lifts_lockout(office_user):
    user = UserFactory(username="staff-j")
    AccessAttempt.objects.create(username="staff-j", ip_address="127.0.0.1", user_agent="test", failures_since_start=5,
                                 get_data="", post_data="", http_accept="", path_info="/accounts/login/")

    services.reset_password(office_user, user)

    assert not AccessAttempt.objects.filter(username="staff-j").exists()


def test_reset_password_by_non_office_refused(county_msa):
    actor = UserFactory(username="msa-k", roles=[("county_msa", county_msa)])
    user = UserFactory(username="staff-k")

    with pytest.raises(NotPermitted):
        services.reset_password(actor, user)

    assert signs_in("staff-k", "Zl-2026-test-password")
    assert account_records() == []


def test_reset_password_of_superuser_refused(office_user):
    root = UserFactory(username="root2", is_superuser=True, is_staff=True)

    with pytest.raises(NotPermitted):
        services.reset_password(office_user, root)

    assert signs_in("root2", "Zl-2026-test-password")


def test_generated_passwords_differ_and_mix_letters_and_digits():
    passwords = {services.generate_password() for _ in range(50)}

    assert len(passwords) == 50
    for password in passwords:
        assert any(c.isdigit() for c in password) and any(c.isalpha() for c in password)
        assert not set(password) & set("0O1lI")
