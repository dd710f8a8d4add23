"""Registration of organisations and individuals, identity numbers, profiles (第十一、十二条)."""

import datetime

import pytest
from django.db import connection

from qaward.accounts.enums import OrganizationKind, Role
from qaward.applicants import services
from qaward.applicants.enums import HonourLevel
from qaward.applicants.models import Applicant
from qaward.applicants.rules import acts_for, applicants_of
from qaward.applications import services as app_services
from qaward.core.errors import DomainError, NotPermitted
from qaward.core.models import AuditRecord
from tests.applications.factories import (
    ApplicationFactory,
    IndividualApplicantFactory,
    complete,
    credit_code,
    division,
    id_number,
    office_user,
)

pytestmark = pytest.mark.django_db


def account(username="yc-motor"):
    return services.Account(username, "Zl-2026-strong-pass", "qm@example.cn", "13900000000", "张经理")


def register_org(**overrides):
    data = {"name": "运城市测试汽车零部件有限公司", "credit_code": credit_code(), "kind": OrganizationKind.ENTERPRISE,
                "division": division("临猗县"), "established_on": datetime.date(2012, 4, 1), "industry_code": "C36"}
    return services.register_organization(account(overrides.pop("username", "yc-motor")), **{**data, **overrides})


def test_register_organization_creates_user_organization_grant_and_profile():
    applicant = register_org()
    user = applicant.organization.role_grants.get().user
    assert (user.username, user.has_role(Role.APPLICANT)) == ("yc-motor", True)
    assert (applicant.organization.kind, applicant.division.name, applicant.industry_name) == (
        "enterprise", "临猗县", "汽车制造业")
    assert acts_for(user, applicant) is True
    assert list(applicants_of(user)) == [applicant]
    assert AuditRecord.objects.filter(action="applicant.register").count() == 1


def test_register_organization_with_bad_credit_code_is_refused():
    with pytest.raises(DomainError) as refused:
        register_org(credit_code="91140802MA0K000001")
    assert (refused.value.code, refused.value.status) == ("invalid_credit_code", 422)
    assert "校验位不符" in refused.value.detail
    assert Applicant.objects.count() == 0


def test_credit_code_registered_twice_is_refused():
    code = credit_code()
    register_org(credit_code=code)
    with pytest.raises(DomainError) as refused:
        register_org(credit_code=code, name="另一家公司", username="other")
    assert (refused.value.code, refused.value.status) == ("credit_code_taken", 409)


def test_department_kind_cannot_self_register():
    with pytest.raises(DomainError) as refused:
        register_org(kind=OrganizationKind.DEPARTMENT)
    assert refused.value.code == "invalid_kind"


def test_weak_password_is_refused():
    with pytest.raises(DomainError) as refused:
        services.register_organization(services.Account("weak", "123"), name="X公司", credit_code=credit_code(),
                                       kind="enterprise", division=division(), established_on=datetime.date(2010, 1, 1))
    assert refused.value.code == "weak_password"


def test_unknown_industry_code_is_refused():
    with pytest.raises(DomainError) as refused:
        register_org(industry_code="Z99")
    assert refused.value.code == "invalid_industry"


def register_person(**overrides):
    data = {"name": "赵质量", "id_number": id_number(), "employer_name": "运城市测试电力公司",
                "employer_kind": OrganizationKind.ENTERPRISE, "division": division(), "position": "质量部部长",
                "quality_work_since": datetime.date(2008, 1, 1), "conduct_declared": True}
    return services.register_individual(account(overrides.pop("username", "zhao")), **{**data, **overrides})


def test_register_individual_stores_id_number_encrypted_and_shows_it_masked():
    number = id_number()
    applicant = register_person(id_number=number)
    profile = applicant.person_profile
    assert profile.id_number == number
    assert profile.masked_id_number == f"{number[:4]}**********{number[-4:]}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number FROM applicants_personprofile WHERE id = %s", [profile.pk])
        stored = cursor.fetchone()[0]
    assert stored.startswith("sm4-gcm$")
    assert number not in stored


def test_register_individual_with_bad_id_number_is_refused():
    with pytest.raises(DomainError) as refused:
        register_person(id_number="142701198505120038")
    assert refused.value.code == "invalid_id_number"


def test_individual_reuses_a_known_employer():
    first = register_person()
    second = register_person(username="qian", name="钱质量", id_number=id_number())
    assert first.organization == second.organization


def test_office_reads_full_id_number_and_the_read_is_audited():
    applicant = IndividualApplicantFactory()
    office = office_user()
    number = services.reveal_id_number(applicant, office, "征求公安机关意见（第十九条）")
    assert number == applicant.person_profile.id_number
    record = AuditRecord.objects.get(action="applicant.read_id_number")
    assert (record.kind, record.actor, record.reason) == ("read", office, "征求公安机关意见（第十九条）")


def test_others_cannot_read_full_id_number():
    applicant = IndividualApplicantFactory()
    with pytest.raises(NotPermitted):
        services.reveal_id_number(applicant, applicant.user, "看看")
    with pytest.raises(DomainError):
        services.reveal_id_number(applicant, office_user(), "  ")


def test_update_profile_is_audited_with_old_and_new_values():
    applicant = register_org()
    user = applicant.organization.role_grants.get().user
    services.update_profile(applicant, user, figures_year=2025, revenue_rank=2)
    applicant.org_profile.refresh_from_db()
    assert (applicant.org_profile.figures_year, applicant.org_profile.revenue_rank) == (2025, 2)
    record = AuditRecord.objects.get(action="applicant.update")
    assert record.after == {"figures_year": 2025, "revenue_rank": 2}


def test_profile_is_locked_while_an_application_is_under_review():
    app = complete(ApplicationFactory())
    rep = app.applicant.representative
    app_services.perform(app, "submit", rep)
    with pytest.raises(DomainError) as refused:
        services.update_profile(app.applicant, rep, revenue_rank=1)
    assert refused.value.code == "applicant_locked"


def test_honour_added_by_representative_and_violation_only_removable_by_office():
    app = ApplicationFactory()
    rep, office = app.applicant.representative, office_user()
    honour = services.add_record(app.applicant, rep, "honour", level=HonourLevel.NATIONAL, title="全国质量奖",
                                 conferred_by="中国质量协会", year=2020)
    assert honour.recorded_by == rep
    violation = services.add_record(app.applicant, office, "violation", occurred_on=datetime.date(2022, 1, 1),
                                    kind="irregular", description="抽检不合格")
    with pytest.raises(NotPermitted):
        services.remove_record(violation, rep)
    services.remove_record(violation, office)
    assert app.applicant.violations.count() == 0
