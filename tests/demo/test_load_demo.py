"""The demo world, loaded once for this module inside a transaction rolled back at its end."""

import datetime
import io
import json

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory, override_settings

from qaward.accounts.enums import OrganizationKind, Role
from qaward.accounts.models import Division, Organization, User
from qaward.core.models import AuditRecord
from qaward.demo import data
from qaward.demo.world import demo_password
from qaward.programs.models import Edition, EditionStage


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load once; the outer atomic block keeps the rows out of every other module's database."""
    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        output = run()
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def accounts(demo, db, settings):
    settings.DEBUG = True
    return json.loads(run("--list-accounts"))


def test_load_demo_reports_what_it_built(demo):
    assert "评审专家：18 位" in demo
    assert "申报组织：24 家；申报个人：4 位" in demo
    assert "演示数据已载入" in demo


def test_list_accounts_covers_every_role(accounts):
    held = {role for account in accounts for role in account["roles"]}
    assert held == set(Role.values)


def test_list_accounts_entries_have_the_contract_keys(accounts):
    assert all(set(account) == {"username", "password", "roles", "organization"} for account in accounts)
    assert len({a["username"] for a in accounts}) == len(accounts)
    office1 = next(a for a in accounts if a["username"] == "office1")
    assert office1 == {"username": "office1", "password": demo_password("office1"), "roles": ["office"],
                       "organization": "运城市标准化和质量强市领导小组办公室"}


def test_list_accounts_passwords_match_every_account(accounts):
    users = {u.username: u for u in User.objects.filter(username__in=[a["username"] for a in accounts])}
    assert len(users) == len(accounts) == User.objects.count()
    assert all(users[a["username"]].check_password(a["password"]) for a in accounts)


@pytest.mark.parametrize("username", ["office1", "msa_yanhu", "org01"])
def test_listed_password_authenticates(accounts, username):
    password = next(a["password"] for a in accounts if a["username"] == username)
    request = RequestFactory().post("/accounts/login/")
    user = authenticate(request=request, username=username, password=password)
    assert user is not None and user.username == username


def test_list_accounts_changes_nothing(accounts):
    users = User.objects.count()
    run("--list-accounts")
    assert User.objects.count() == users


def test_readable_usernames_per_department(accounts):
    usernames = {a["username"] for a in accounts}
    expected = {f"{prefix}_{slug}" for slug in data.DIVISION_SLUGS.values() for prefix in ("msa", "gov")}
    expected |= {f"industry_{slug}" for slug in data.INDUSTRY_SLUGS.values()}
    expected |= {f"consult_{slug}" for slug in data.CONSULTED_SLUGS.values()}
    expected |= {"office1", "office2", "supervision1", "supervision2", "leadership1", "leadership2", "hr1",
                 "citygov1", "thirdparty1"}
    expected |= {f"expert{n:02d}" for n in range(1, 19)} | {f"org{n:02d}" for n in range(1, 25)}
    expected |= {f"person{n:02d}" for n in range(1, 5)}
    assert usernames == expected


def test_county_accounts_sit_in_their_own_division(accounts):
    by_name = {a["username"]: a for a in accounts}
    assert by_name["msa_yanhu"]["organization"] == "盐湖区市场监督管理局"
    assert by_name["gov_yanhu"]["organization"] == "盐湖区人民政府"
    assert by_name["msa_kaifaqu"]["organization"] == "运城开发区市场监督管理局"
    assert by_name["gov_kaifaqu"] == {"username": "gov_kaifaqu", "password": demo_password("gov_kaifaqu"),
                                      "roles": ["county_government"], "organization": "运城开发区管委会"}
    assert by_name["industry_gongxin"]["organization"] == "运城市工业和信息化局"
    assert by_name["consult_police"]["organization"] == "运城市公安局"


def test_at_least_fifteen_experts_in_expert_homes(demo, db):
    experts = User.objects.filter(role_grants__role=Role.EXPERT).distinct()
    assert experts.count() == 18
    homes = Organization.objects.filter(role_grants__role=Role.EXPERT).distinct()
    assert {org.kind for org in homes} == {OrganizationKind.EXPERT_HOME}


def test_applicant_organizations_spread_over_divisions_and_industries(demo, db):
    applicants = Organization.objects.filter(
        kind__in=[OrganizationKind.ENTERPRISE, OrganizationKind.NON_PROFIT, OrganizationKind.PUBLIC_INSTITUTION]
    )
    assert applicants.count() == 24
    assert {org.division.code for org in applicants} == set(Division.objects.values_list("code", flat=True))
    sections = {code[0] for org in applicants for code in org.industry_codes.split(",")}
    authority_sections = {
        code for codes in Organization.objects.filter(department_type="industry_authority")
        .values_list("industry_codes", flat=True) for code in codes.split(",")
    }
    assert authority_sections <= sections
    assert all(org.role_grants.filter(role=Role.APPLICANT).exists() for org in applicants)


def test_applicant_individuals_belong_to_applicant_organizations(demo, db):
    for number, (employer, _position) in enumerate(data.INDIVIDUALS, start=1):
        grant = User.objects.get(username=f"person{number:02d}").role_grants.get()
        assert (grant.role, grant.organization.name) == (Role.APPLICANT, data.APPLICANTS[employer].name)


def test_current_edition_is_open_with_its_call(demo, db):
    edition = Edition.objects.get(program__code="yuncheng-mayor-quality-award", number=2)
    assert edition.stage == EditionStage.OPEN
    assert edition.year == 2026
    assert edition.call_published_on == datetime.date(2026, 11, 2)
    assert edition.application_deadline == datetime.date(2027, 1, 29)
    assert edition.call_title == "关于开展第二届运城市市长质量奖申报工作的通知"
    assert edition.organization_rubric is not None and edition.individual_rubric is not None
    approvals = {a.kind: a.approved_on for a in edition.approvals.all()}
    assert approvals == {"city": datetime.date(2026, 8, 20), "province": datetime.date(2026, 10, 16)}
    assert all(day < edition.call_published_on for day in approvals.values())


def test_historical_edition_is_decided_and_a_cycle_earlier(demo, db):
    historical = Edition.objects.get(program__code="yuncheng-mayor-quality-award", number=1)
    assert (historical.year, historical.stage, historical.is_historical) == (2021, EditionStage.DECIDED, True)
    assert historical.decided_on == datetime.date(2021, 12, 28)


def test_edition_was_built_through_audited_services(demo, db):
    office1 = User.objects.get(username="office1")
    actions = list(AuditRecord.objects.filter(actor=office1, action__startswith="edition.").order_by("sequence").values_list("action", flat=True))
    assert actions == ["edition.create", "edition.create", "edition.record_approval", "edition.record_approval",
                       "edition.record_approvals", "edition.publish_call", "edition.open"]


def test_load_demo_refuses_a_second_load(demo, db, settings):
    settings.DEBUG = True
    users = User.objects.count()
    with pytest.raises(Exception, match="演示数据已存在"):
        run()
    assert User.objects.count() == users


def test_if_empty_is_a_no_op_once_loaded(demo, db, settings):
    settings.DEBUG = True
    users, editions = User.objects.count(), Edition.objects.count()
    assert "演示数据已存在，未重复载入" in run("--if-empty")
    assert (User.objects.count(), Edition.objects.count()) == (users, editions)


def test_load_demo_refuses_when_debug_is_off(demo, db, settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="DEBUG 未开启"):
        run("--list-accounts")
