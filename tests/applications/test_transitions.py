"""The chain of 第十五～十七条: each transition's permission (wrong department, wrong role, wrong
state), its guards, and the round trip of a return and a resubmission."""

import datetime

import pytest

from qaward.accounts.enums import Role
from qaward.applications import services
from qaward.applications.enums import ApplicationState as S
from qaward.applications.enums import VerificationStatus
from qaward.applications.models import Notification, OpinionRequest, TalentRecord
from qaward.core.errors import InvalidTransition, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from tests.applications.factories import (
    ApplicationFactory,
    IndividualApplicantFactory,
    OrganizationApplicantFactory,
    add_file,
    complete,
    office_user,
    org,
    staff,
)

pytestmark = pytest.mark.django_db
ALL_POINTS = {"completeness": True, "authenticity": True, "accuracy": True, "legality": True}


@pytest.fixture
def app():
    return complete(ApplicationFactory())


@pytest.fixture
def rep(app):
    return app.applicant.representative


@pytest.fixture
def msa():
    return staff(Role.COUNTY_MSA, "盐湖区市场监督管理局")


@pytest.fixture
def county_gov():
    return staff(Role.COUNTY_GOVERNMENT, "盐湖区人民政府")


@pytest.fixture
def office():
    return office_user()


def submitted(app, rep):
    return services.perform(app, "submit", rep)


def recommended(app, rep, msa, county_gov):
    app = services.perform(submitted(app, rep), "dept_approve", msa, checks=ALL_POINTS)
    return services.perform(app, "recommend", county_gov)


# --- submit -----------------------------------------------------------------------------------------

def test_submit_by_representative_goes_to_receiver(app, rep, msa):
    app = services.perform(app, "submit", rep)
    assert (app.state, app.round) == (S.SUBMITTED, 1)
    event = app.events.get()
    assert (event.action, event.from_state, event.to_state, event.round) == ("submit", S.DRAFT, S.SUBMITTED, 1)
    note = Notification.objects.get(recipient=msa)
    assert note.title == f"待审核：{app.applicant.name}（{app.reference}）"
    assert AuditRecord.objects.filter(action="application.submit", object_id=str(app.pk)).count() == 1


def test_submit_by_another_applicant_is_not_permitted(app):
    other = OrganizationApplicantFactory()
    with pytest.raises(NotPermitted):
        services.perform(app, "submit", other.representative)


def test_submit_by_office_is_not_permitted(app, office):
    with pytest.raises(NotPermitted):
        services.perform(app, "submit", office)


def test_individual_does_not_act_for_employers_application(app):
    person = IndividualApplicantFactory(organization=app.applicant.organization)
    with pytest.raises(NotPermitted):
        services.perform(app, "submit", person.representative)


def test_submit_incomplete_is_refused_with_each_rule(rep):
    app = ApplicationFactory()
    with pytest.raises(RuleViolation) as refused:
        services.perform(app, "submit", app.applicant.representative)
    found = [v["code"] for v in refused.value.as_problem()["violations"]]
    assert found == ["publicity_too_short", "receiver_invalid", "materials_incomplete", "state_secret"]
    app.refresh_from_db()
    assert (app.state, app.round) == (S.DRAFT, 0)


def test_submit_after_deadline_is_refused(app, rep):
    late = app.edition.application_deadline + datetime.timedelta(days=1)
    with pytest.raises(RuleViolation) as refused:
        services.perform(app, "submit", rep, today=late)
    assert (refused.value.code, refused.value.article) == ("deadline_passed", "14")


# --- receiving department (第十六条) -----------------------------------------------------------------

def test_dept_approve_by_receiver_with_all_audit_points(app, rep, msa, county_gov):
    app = services.perform(submitted(app, rep), "dept_approve", msa, checks=ALL_POINTS)
    assert app.state == S.DEPT_APPROVED
    assert app.events.last().checks == ALL_POINTS
    assert app.events.last().organization == org("盐湖区市场监督管理局")
    assert Notification.objects.filter(recipient=county_gov, title__startswith="待推荐").count() == 1


def test_dept_approve_needs_every_audit_point(app, rep, msa):
    app = submitted(app, rep)
    with pytest.raises(Exception) as refused:
        services.perform(app, "dept_approve", msa, checks={**ALL_POINTS, "legality": False})
    assert refused.value.detail == "审核通过前，请逐项确认申报材料的合法性（第十六条）。"
    app.refresh_from_db()
    assert app.state == S.SUBMITTED


def test_dept_approve_by_another_countys_department_is_not_permitted(app, rep):
    other = staff(Role.COUNTY_MSA, "临猗县市场监督管理局")
    with pytest.raises(NotPermitted):
        services.perform(submitted(app, rep), "dept_approve", other, checks=ALL_POINTS)


def test_dept_approve_by_county_government_is_not_permitted(app, rep, county_gov):
    with pytest.raises(NotPermitted):
        services.perform(submitted(app, rep), "dept_approve", county_gov, checks=ALL_POINTS)


def test_dept_approve_of_a_draft_is_an_invalid_transition(app, msa):
    with pytest.raises(InvalidTransition) as refused:
        services.perform(app, "dept_approve", msa, checks=ALL_POINTS)
    assert refused.value.detail == "当前状态为「填报中」，不能执行此操作。"


def test_return_requires_a_reason(app, rep, msa):
    with pytest.raises(InvalidTransition) as refused:
        services.perform(submitted(app, rep), "return", msa, reason="  ")
    assert refused.value.code == "reason_required"


def test_reject_by_receiver_is_final(app, rep, msa):
    app = services.perform(submitted(app, rep), "reject", msa, reason="材料虚假")
    assert app.state == S.REJECTED
    assert Notification.objects.get(recipient=rep).body == "理由：材料虚假"
    with pytest.raises(InvalidTransition):
        services.perform(app, "submit", rep)


def test_return_and_resubmit_round_trip_keeps_each_round(app, rep, msa):
    app = services.perform(submitted(app, rep), "return", msa, reason="请补充近三年财务报表")
    assert app.state == S.RETURNED
    note = Notification.objects.get(recipient=rep)
    assert (note.title, note.body) == (f"申报被退回修改：{app.reference}", "请按意见修改后重新提交。理由：请补充近三年财务报表")
    services.update_application(app, rep, quality_mode_summary="补充后的质量管理模式总结。")
    add_file(app, name="财务报表.pdf")
    app = services.perform(app, "submit", rep)
    assert (app.state, app.round) == (S.SUBMITTED, 2)
    rounds = list(app.events.values_list("action", "round", "reason"))
    assert rounds == [("submit", 1, ""), ("return", 1, "请补充近三年财务报表"), ("submit", 2, "")]


def test_resubmission_after_deadline_is_allowed(app, rep, msa):
    app = services.perform(submitted(app, rep), "return", msa, reason="补充")
    late = app.edition.application_deadline + datetime.timedelta(days=10)
    assert services.perform(app, "submit", rep, today=late).state == S.SUBMITTED


def test_materials_are_locked_while_under_review(app, rep):
    app = submitted(app, rep)
    with pytest.raises(InvalidTransition) as refused:
        services.update_application(app, rep, profile="改")
    assert refused.value.code == "not_editable"


# --- recommendation (第十六条) ----------------------------------------------------------------------

def test_county_government_of_same_division_recommends(app, rep, msa, county_gov, office):
    app = recommended(app, rep, msa, county_gov)
    assert (app.state, app.recommender) == (S.RECOMMENDED, org("盐湖区人民政府"))
    assert Notification.objects.filter(recipient=office, title__startswith="待形式审查").count() == 1


def test_other_county_government_may_not_recommend(app, rep, msa):
    app = services.perform(submitted(app, rep), "dept_approve", msa, checks=ALL_POINTS)
    with pytest.raises(NotPermitted):
        services.perform(app, "recommend", staff(Role.COUNTY_GOVERNMENT, "临猗县人民政府"))


def test_receiving_msa_may_not_recommend_itself(app, rep, msa):
    app = services.perform(submitted(app, rep), "dept_approve", msa, checks=ALL_POINTS)
    with pytest.raises(NotPermitted):
        services.perform(app, "recommend", msa)


def test_industry_authority_audits_and_recommends_directly(app, rep):
    authority = staff(Role.INDUSTRY_AUTHORITY, "运城市工业和信息化局")
    app.receiver = org("运城市工业和信息化局")
    app.save()
    app = services.perform(submitted(app, rep), "dept_approve", authority, checks=ALL_POINTS)
    app = services.perform(app, "recommend", authority)
    assert (app.state, app.recommender) == (S.RECOMMENDED, org("运城市工业和信息化局"))


def test_dev_zone_committee_recommends_for_dev_zone(rep):
    applicant = OrganizationApplicantFactory()
    applicant.organization.division = org("运城开发区管委会").division
    applicant.organization.save()
    app = complete(ApplicationFactory(applicant=applicant))
    assert app.receiver == org("运城开发区市场监督管理局")
    app = services.perform(app, "submit", applicant.representative)
    app = services.perform(app, "dept_approve", staff(Role.COUNTY_MSA, "运城开发区市场监督管理局"), checks=ALL_POINTS)
    app = services.perform(app, "recommend", staff(Role.COUNTY_GOVERNMENT, "运城开发区管委会"))
    assert app.recommender == org("运城开发区管委会")


# --- formal review (第十七条) ------------------------------------------------------------------------

def test_office_accepts(app, rep, msa, county_gov, office):
    app = services.perform(recommended(app, rep, msa, county_gov), "accept", office)
    assert app.state == S.ACCEPTED
    assert app.accepted_at is not None
    assert Notification.objects.get(recipient=rep, title__startswith="申报已受理").application == app


def test_accept_by_county_government_is_not_permitted(app, rep, msa, county_gov):
    with pytest.raises(NotPermitted):
        services.perform(recommended(app, rep, msa, county_gov), "accept", county_gov)


def test_accept_waits_for_written_opinions(app, rep, msa, county_gov, office):
    app = recommended(app, rep, msa, county_gov)
    opinion = services.request_opinion(app, office, department=org("运城市应急管理局"), request_text="安全生产情况")
    with pytest.raises(RuleViolation) as refused:
        services.perform(app, "accept", office)
    assert (refused.value.code, refused.value.article) == ("opinions_pending", "17")
    services.answer_opinion(opinion, office, answer_text="无异议", answered_on=opinion.requested_on)
    assert services.perform(app, "accept", office).state == S.ACCEPTED


def test_accept_waits_for_talent_verification(app, rep, msa, county_gov, office):
    evidence = add_file(app, kind="talent")
    talent = services.add_talent(app, rep, name="张高工", level="senior", introduced_on=datetime.date(2024, 3, 1),
                                 evidence=evidence)
    app = recommended(app, rep, msa, county_gov)
    with pytest.raises(RuleViolation) as refused:
        services.perform(app, "accept", office)
    assert refused.value.code == "talent_unverified"
    services.verify_talent(talent, office, status=VerificationStatus.VERIFIED)
    assert services.perform(app, "accept", office).state == S.ACCEPTED
    assert TalentRecord.objects.get().points == 20


def test_office_return_sends_the_application_round_the_chain_again(app, rep, msa, county_gov, office):
    app = services.perform(recommended(app, rep, msa, county_gov), "return", office, reason="缺少营业执照")
    assert app.state == S.RETURNED
    app = services.perform(app, "submit", rep)
    assert (app.state, app.round) == (S.SUBMITTED, 2)
    assert app.events.filter(action="return").get().stage == "formal_review"


def test_office_may_not_act_in_the_departments_place(app, rep, office):
    with pytest.raises(NotPermitted):
        services.perform(submitted(app, rep), "dept_approve", office, checks=ALL_POINTS)


def test_opinion_request_only_during_formal_review(app, office):
    with pytest.raises(InvalidTransition):
        services.request_opinion(app, office, department=org("运城市公安局"), request_text="x")
    assert OpinionRequest.objects.count() == 0


# --- withdraw, available actions ---------------------------------------------------------------------

def test_withdraw_before_acceptance(app, rep, msa):
    app = services.perform(submitted(app, rep), "withdraw", rep)
    assert app.state == S.WITHDRAWN
    assert Notification.objects.filter(recipient=msa, title__startswith="申报已撤回").count() == 1


def test_no_withdraw_after_acceptance(app, rep, msa, county_gov, office):
    app = services.perform(recommended(app, rep, msa, county_gov), "accept", office)
    with pytest.raises(InvalidTransition):
        services.perform(app, "withdraw", rep)


def test_available_actions_per_caller(app, rep, msa, county_gov, office):
    def names(user):
        return [t.action for t in services.available_actions(app, user)]

    assert names(rep) == ["submit", "withdraw"]
    assert names(msa) == []
    app = submitted(app, rep)
    assert names(msa) == ["dept_approve", "return", "reject"]
    assert names(rep) == ["withdraw"]
    assert names(county_gov) == []
    assert names(office) == []


def test_unknown_action_is_404(app, rep):
    with pytest.raises(InvalidTransition) as refused:
        services.perform(app, "approve_everything", rep)
    assert refused.value.status == 404


# --- after the acceptance list, and the later stages -------------------------------------------------

def test_no_acceptance_after_the_acceptance_list_is_noticed(app, rep, msa, county_gov, office):
    app = recommended(app, rep, msa, county_gov)
    app.edition.stage = "acceptance_notice"
    app.edition.save()
    with pytest.raises(RuleViolation) as refused:
        services.perform(app, "accept", office)
    assert (refused.value.code, refused.value.article) == ("acceptance_closed", "17")
    with pytest.raises(RuleViolation):
        services.perform(app, "return", office, reason="补正")


def test_nomination_is_offered_only_in_the_candidates_stage_and_needs_a_level(app, rep, msa, county_gov, office):
    app = services.perform(recommended(app, rep, msa, county_gov), "accept", office)
    assert [t.action for t in services.available_actions(app, office)] == []
    app.edition.stage = "candidates"
    app.edition.save()
    assert [t.action for t in services.available_actions(app, office)] == ["nominate"]
    with pytest.raises(Exception) as refused:
        services.perform(app, "nominate", office)
    assert refused.value.code == "level_required"
    app = services.perform(app, "nominate", office, level="nomination")
    assert (app.state, app.proposed_level) == (S.CANDIDATE, "nomination")

