"""The actions after acceptance (§3.2; 第十九～二十二、三十条): nominate, propose_award, drop, award,
not_award and revoke. Each: the right role in its edition stage, the wrong role, the wrong state, the
wrong stage, the audit record; then what they leave behind for 第四条 (quotas), 第十三条 (cool-down)
and 第三十条 (ban).

Applications are put in their state and editions in their stage through the ORM: the earlier
chain is test_transitions.py's subject.
"""

import datetime

import pytest

from qaward.accounts.enums import Role
from qaward.applications import eligibility, services
from qaward.applications.enums import ApplicationState as S
from qaward.applications.enums import AwardLevel
from qaward.applications.models import AwardRecord
from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from qaward.programs.models import EditionStage as E
from tests.applications.factories import (
    ApplicationFactory,
    IndividualApplicantFactory,
    OrganizationApplicantFactory,
    current_edition,
    office_user,
    open_edition,
    program,
    staff,
)

pytestmark = pytest.mark.django_db

LEADERSHIP_GROUP = "运城市标准化和质量强市领导小组"
CITY_GOVERNMENT = "运城市人民政府"
REVOKED_ON = datetime.date(2026, 12, 1)


def users():
    return {
        "office": office_user(),
        "leadership": staff(Role.LEADERSHIP, LEADERSHIP_GROUP),
        "city_government": staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT),
    }


def application(state, stage, *, level=AwardLevel.AWARD, applicant=None):
    """An application of this year's edition in ``state``, the edition in ``stage``."""
    edition = current_edition()
    edition.stage = stage
    edition.save(update_fields=["stage"])
    return ApplicationFactory(edition=edition, state=state, applicant=applicant or OrganizationApplicantFactory(),
                              proposed_level="" if state == S.ACCEPTED else level)


def audit_of(app, action):
    return AuditRecord.objects.get(action=f"application.{action}", object_id=str(app.pk))


def later_edition(app, editions_later=1):
    """The same program's edition ``editions_later`` cycles on, open for applications."""
    year = app.edition.year + 5 * editions_later
    return open_edition(datetime.date(year, 6, 30), number=app.edition.number + editions_later, year=year)


# action: (state it leaves, its edition stage, who fires it, a wrong role, a wrong state, a wrong stage)
ACTIONS = {
    "nominate": (S.ACCEPTED, E.CANDIDATES, "office", "leadership", S.RECOMMENDED, E.EVALUATION),
    "propose_award": (S.CANDIDATE, E.DELIBERATION, "leadership", "office", S.ACCEPTED, E.CANDIDATES),
    "drop": (S.CANDIDATE, E.DELIBERATION, "leadership", "city_government", S.PROPOSED, E.RECOMMENDATION_NOTICE),
    "award": (S.PROPOSED, E.REPORTED, "city_government", "leadership", S.CANDIDATE, E.RECOMMENDATION_NOTICE),
    "not_award": (S.PROPOSED, E.REPORTED, "city_government", "leadership", S.AWARDED, E.DELIBERATION),
    "revoke": (S.AWARDED, E.DECIDED, "city_government", "leadership", S.PROPOSED, E.REPORTED),
}
# What each action needs besides the caller: a level to nominate, a reason to drop or revoke.
ARGUMENTS = {"nominate": {"level": AwardLevel.AWARD}, "drop": {"reason": "审议未通过"},
             "revoke": {"reason": "运政发〔2027〕1号：提供虚假材料"}}


def fire(app, action, user, **kwargs):
    return services.perform(app, action, user, **{**ARGUMENTS.get(action, {}), **kwargs})


# --- who, in which state, in which stage: every action ------------------------------------------

@pytest.mark.parametrize("action", ACTIONS)
def test_later_action_is_offered_to_its_role_in_its_stage(action):
    state, stage, role, wrong_role, _, _ = ACTIONS[action]
    people = users()
    app = application(state, stage)
    assert action in [t.action for t in services.available_actions(app, people[role])]
    assert action not in [t.action for t in services.available_actions(app, people[wrong_role])]


@pytest.mark.parametrize("action", ACTIONS)
def test_later_action_by_wrong_role_is_not_permitted(action):
    state, stage, _, wrong_role, _, _ = ACTIONS[action]
    app = application(state, stage)
    with pytest.raises(NotPermitted) as refused:
        fire(app, action, users()[wrong_role])
    assert (refused.value.code, refused.value.status) == ("forbidden", 403)
    app.refresh_from_db()
    assert app.state == state


@pytest.mark.parametrize("action", ACTIONS)
def test_later_action_by_applicant_is_not_permitted(action):
    state, stage, _, _, _, _ = ACTIONS[action]
    applicant = OrganizationApplicantFactory()
    app = application(state, stage, applicant=applicant)
    with pytest.raises(NotPermitted):
        fire(app, action, applicant.representative)


@pytest.mark.parametrize("action", ACTIONS)
def test_later_action_from_wrong_state_is_an_invalid_transition(action):
    _, stage, role, _, wrong_state, _ = ACTIONS[action]
    app = application(wrong_state, stage)
    with pytest.raises(InvalidTransition) as refused:
        fire(app, action, users()[role])
    label = S(wrong_state).label
    assert (refused.value.code, refused.value.status) == ("invalid_transition", 409)
    assert refused.value.detail == f"当前状态为「{label}」，不能执行此操作。"
    app.refresh_from_db()
    assert app.state == wrong_state


@pytest.mark.parametrize("action", ACTIONS)
def test_later_action_in_wrong_edition_stage_is_not_permitted_nor_offered(action):
    """The stage is part of the permission (workflow.py ``edition_stage_in``): refused as 403 ``forbidden``."""
    state, _, role, _, _, wrong_stage = ACTIONS[action]
    user = users()[role]
    app = application(state, wrong_stage)
    assert action not in [t.action for t in services.available_actions(app, user)]
    with pytest.raises(NotPermitted) as refused:
        fire(app, action, user)
    assert (refused.value.code, refused.value.status, refused.value.article) == ("forbidden", 403, None)
    app.refresh_from_db()
    assert app.state == state
    assert not AuditRecord.objects.filter(action=f"application.{action}").exists()


@pytest.mark.parametrize("action", ["drop", "revoke"])
def test_later_action_without_reason_is_refused(action):
    state, stage, role, _, _, _ = ACTIONS[action]
    app = application(state, stage)
    with pytest.raises(InvalidTransition) as refused:
        services.perform(app, action, users()[role], reason="  ")
    assert (refused.value.code, refused.value.status) == ("reason_required", 400)
    app.refresh_from_db()
    assert app.state == state


# --- nominate (第十九条) -------------------------------------------------------------------------

@pytest.mark.parametrize("level", [AwardLevel.AWARD, AwardLevel.NOMINATION])
def test_nominate_by_office_in_candidates_stage_records_the_level(level):
    office = office_user()
    app = fire(application(S.ACCEPTED, E.CANDIDATES), "nominate", office, level=level)
    assert (app.state, app.proposed_level) == (S.CANDIDATE, level)
    record = audit_of(app, "nominate")
    assert (record.actor, record.before, record.after) == (office, {"state": "accepted"}, {"state": "candidate"})
    event = app.events.get()
    assert (event.action, event.from_state, event.to_state, event.stage) == ("nominate", S.ACCEPTED, S.CANDIDATE,
                                                                             "later")


@pytest.mark.parametrize("level", ["", "gold"], ids=["missing", "unknown"])
def test_nominate_without_a_level_is_refused_and_changes_nothing(level):
    app = application(S.ACCEPTED, E.CANDIDATES)
    with pytest.raises(DomainError) as refused:
        services.perform(app, "nominate", office_user(), level=level)
    assert (refused.value.code, refused.value.status) == ("level_required", 422)
    assert refused.value.detail == "请选择拟推荐的奖项：质量奖或质量奖提名奖。"
    app.refresh_from_db()
    assert (app.state, app.proposed_level) == (S.ACCEPTED, "")
    assert not AuditRecord.objects.filter(action="application.nominate").exists()
    assert not app.events.exists()


# --- propose_award, drop (第二十条) ----------------------------------------------------------------

def test_propose_award_by_leadership_in_deliberation():
    leader = staff(Role.LEADERSHIP, LEADERSHIP_GROUP)
    app = fire(application(S.CANDIDATE, E.DELIBERATION, level=AwardLevel.NOMINATION), "propose_award", leader)
    assert (app.state, app.proposed_level) == (S.PROPOSED, AwardLevel.NOMINATION)
    record = audit_of(app, "propose_award")
    assert (record.actor, record.before, record.after) == (leader, {"state": "candidate"}, {"state": "proposed"})


def test_drop_by_leadership_in_deliberation_records_the_reason():
    leader = staff(Role.LEADERSHIP, LEADERSHIP_GROUP)
    app = fire(application(S.CANDIDATE, E.DELIBERATION), "drop", leader)
    assert app.state == S.NOT_AWARDED
    record = audit_of(app, "drop")
    assert (record.actor, record.reason, record.after) == (leader, "审议未通过", {"state": "not_awarded"})
    assert app.events.get().reason == "审议未通过"


# --- award, not_award (第二十一条) -----------------------------------------------------------------

@pytest.mark.parametrize("stage", [E.REPORTED, E.DECIDED])
def test_award_by_city_government_records_the_award(stage):
    government = staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT)
    app = fire(application(S.PROPOSED, stage, level=AwardLevel.NOMINATION), "award", government)
    assert app.state == S.AWARDED
    record = AwardRecord.objects.get()
    assert (record.edition, record.applicant, record.level, record.application, record.recorded_by,
            record.revoked_on) == (app.edition, app.applicant, AwardLevel.NOMINATION, app, government, None)
    audit = audit_of(app, "award")
    assert (audit.actor, audit.before, audit.after) == (government, {"state": "proposed"}, {"state": "awarded"})
    created = AuditRecord.objects.get(action="award_record.create")
    assert (created.object_id, created.after) == (
        str(record.pk), {"edition": app.edition.pk, "applicant": app.applicant.pk, "level": "nomination"})


def test_award_already_recorded_by_hand_is_refused_and_rolled_back():
    app = application(S.PROPOSED, E.DECIDED)
    services.record_award(app.edition, app.applicant, AwardLevel.AWARD, office_user())
    with pytest.raises(DomainError) as refused:
        fire(app, "award", staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT))
    assert (refused.value.code, refused.value.status) == ("award_exists", 409)
    app.refresh_from_db()
    assert app.state == S.PROPOSED
    assert not AuditRecord.objects.filter(action="application.award").exists()


def test_not_award_by_city_government_records_no_award():
    government = staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT)
    app = fire(application(S.PROPOSED, E.REPORTED), "not_award", government)
    assert app.state == S.NOT_AWARDED
    assert not AwardRecord.objects.exists()
    record = audit_of(app, "not_award")
    assert (record.actor, record.after) == (government, {"state": "not_awarded"})


# --- revoke (第三十条) -----------------------------------------------------------------------------

def test_revoke_by_city_government_dates_the_award_record():
    government = staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT)
    app = fire(application(S.PROPOSED, E.DECIDED), "award", government)
    app = fire(app, "revoke", government, today=REVOKED_ON)
    assert app.state == S.REVOKED
    record = AwardRecord.objects.get(application=app)
    assert (record.revoked_on, record.revocation_note) == (REVOKED_ON, "运政发〔2027〕1号：提供虚假材料")
    audit = audit_of(app, "revoke")
    assert (audit.actor, audit.reason, audit.after) == (government, "运政发〔2027〕1号：提供虚假材料",
                                                        {"state": "revoked"})
    revoked = AuditRecord.objects.get(action="award_record.revoke")
    assert (revoked.object_id, revoked.after) == (str(record.pk), {"revoked_on": "2026-12-01"})


def test_revoke_of_an_award_without_record_creates_it_revoked():
    """An application awarded before ``award`` wrote AwardRecord still gets its ban."""
    app = application(S.AWARDED, E.DECIDED, level=AwardLevel.NOMINATION)
    fire(app, "revoke", office_user(), today=REVOKED_ON)
    record = AwardRecord.objects.get()
    assert (record.application, record.level, record.revoked_on) == (app, AwardLevel.NOMINATION, REVOKED_ON)


def test_revoke_keeps_the_date_already_entered_on_the_history_page():
    office = office_user()
    app = application(S.AWARDED, E.DECIDED)
    record = services.record_award(app.edition, app.applicant, AwardLevel.AWARD, office)
    services.record_revocation(record, office, revoked_on=datetime.date(2026, 11, 20), note="运政发〔2026〕9号")
    fire(app, "revoke", office, today=REVOKED_ON)
    record.refresh_from_db()
    assert (record.revoked_on, record.revocation_note) == (datetime.date(2026, 11, 20), "运政发〔2026〕9号")


# --- what the decisions mean for later editions (第十三、三十条) ---------------------------------------

def awarded(level, stage=E.REPORTED):
    applicant = OrganizationApplicantFactory()
    app = application(S.PROPOSED, stage, level=level, applicant=applicant)
    return fire(app, "award", staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT)), applicant


def test_award_winner_is_refused_in_the_next_edition_by_winner_cooldown():
    app, applicant = awarded(AwardLevel.AWARD)
    with pytest.raises(RuleViolation) as refused:
        services.start_application(later_edition(app), applicant, applicant.representative)
    assert (refused.value.code, refused.value.article) == ("winner_cooldown", "13")


def test_nomination_award_winner_may_apply_in_the_next_edition():
    app, applicant = awarded(AwardLevel.NOMINATION)
    draft = services.start_application(later_edition(app), applicant, applicant.representative)
    assert draft.state == S.DRAFT
    assert [(r.code, r.passed) for r in eligibility.history_checks(draft)] == [("winner_cooldown", True),
                                                                               ("revoked_ban", True)]


def test_revoked_winner_is_refused_in_a_later_edition_by_revoked_ban():
    """A nomination award, so the cool-down does not apply and the ban alone refuses."""
    app, applicant = awarded(AwardLevel.NOMINATION, stage=E.DECIDED)
    fire(app, "revoke", staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT), today=REVOKED_ON)
    with pytest.raises(RuleViolation) as refused:
        services.start_application(later_edition(app), applicant, applicant.representative)
    assert (refused.value.code, refused.value.article) == ("revoked_ban", "30")


def test_revocation_a_year_after_the_award_outlasts_the_cooldown():
    """Awarded in 2026, revoked in 2027: the three editions held from 2027 on are banned (第三十条),
    the cool-down covers the next two (第十三条), and the fourth edition on may apply again."""
    app, applicant = awarded(AwardLevel.AWARD, stage=E.DECIDED)
    fire(app, "revoke", staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT), today=datetime.date(2027, 3, 1))
    editions = [later_edition(app, k) for k in (1, 2, 3, 4)]

    def history(edition):
        return [r.passed for r in eligibility.history_checks(ApplicationFactory(edition=edition, applicant=applicant))]

    # [winner_cooldown, revoked_ban] in the 1st … 4th edition after the award
    assert [history(e) for e in editions] == [[False, False], [False, False], [True, False], [True, True]]


# --- quotas (第四条) ---------------------------------------------------------------------------------

APPLICANTS = {"organization": OrganizationApplicantFactory, "individual": IndividualApplicantFactory}
# The four quotas of 第四条: (level, track, the words the refusal uses).
QUOTAS = {
    "award-organization": (AwardLevel.AWARD, "organization", "质量奖组织"),
    "award-individual": (AwardLevel.AWARD, "individual", "质量奖个人"),
    "nomination-organization": (AwardLevel.NOMINATION, "organization", "质量奖提名奖组织"),
    "nomination-individual": (AwardLevel.NOMINATION, "individual", "质量奖提名奖个人"),
}


def holders(edition, states, level, track="organization"):
    for state in states:
        ApplicationFactory(edition=edition, state=state, proposed_level=level, applicant=APPLICANTS[track]())


@pytest.mark.parametrize("quota", QUOTAS)
def test_propose_award_fourth_of_a_quota_passes(quota):
    level, track, _ = QUOTAS[quota]
    app = application(S.CANDIDATE, E.DELIBERATION, level=level, applicant=APPLICANTS[track]())
    holders(app.edition, [S.PROPOSED, S.PROPOSED, S.AWARDED], level, track)
    assert fire(app, "propose_award", staff(Role.LEADERSHIP, LEADERSHIP_GROUP)).state == S.PROPOSED


@pytest.mark.parametrize("quota", QUOTAS)
def test_propose_award_fifth_of_a_quota_refused_quota_exceeded(quota):
    level, track, label = QUOTAS[quota]
    app = application(S.CANDIDATE, E.DELIBERATION, level=level, applicant=APPLICANTS[track]())
    holders(app.edition, [S.PROPOSED] * 4, level, track)
    with pytest.raises(RuleViolation) as refused:
        fire(app, "propose_award", staff(Role.LEADERSHIP, LEADERSHIP_GROUP))
    assert (refused.value.code, refused.value.article, refused.value.status) == ("quota_exceeded", "4", 422)
    assert refused.value.results[0].detail == f"{label}5个，上限4个"
    app.refresh_from_db()
    assert app.state == S.CANDIDATE


def test_quota_counts_only_the_same_level_and_track_and_places_still_held():
    """Other quotas, candidates not yet proposed, and the not awarded take no place."""
    app = application(S.CANDIDATE, E.DELIBERATION, level=AwardLevel.AWARD)
    holders(app.edition, [S.PROPOSED] * 4, AwardLevel.NOMINATION)
    holders(app.edition, [S.AWARDED] * 4, AwardLevel.AWARD, "individual")
    holders(app.edition, [S.NOT_AWARDED, S.NOT_AWARDED, S.CANDIDATE, S.CANDIDATE], AwardLevel.AWARD)
    holders(app.edition, [S.PROPOSED] * 3, AwardLevel.AWARD)
    assert fire(app, "propose_award", staff(Role.LEADERSHIP, LEADERSHIP_GROUP)).state == S.PROPOSED


def test_quota_is_per_edition():
    app = application(S.CANDIDATE, E.DELIBERATION)
    holders(later_edition(app), [S.PROPOSED] * 4, AwardLevel.AWARD)
    assert fire(app, "propose_award", staff(Role.LEADERSHIP, LEADERSHIP_GROUP)).state == S.PROPOSED


def test_award_fourth_award_organisation_passes():
    app = application(S.PROPOSED, E.REPORTED)
    holders(app.edition, [S.AWARDED] * 3, AwardLevel.AWARD)
    assert fire(app, "award", staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT)).state == S.AWARDED


def test_award_fifth_award_organisation_refused_quota_exceeded_revoked_keeps_its_place():
    app = application(S.PROPOSED, E.DECIDED)
    holders(app.edition, [S.AWARDED, S.AWARDED, S.AWARDED, S.REVOKED], AwardLevel.AWARD)
    with pytest.raises(RuleViolation) as refused:
        fire(app, "award", staff(Role.CITY_GOVERNMENT, CITY_GOVERNMENT))
    assert (refused.value.code, refused.value.article) == ("quota_exceeded", "4")
    assert refused.value.results[0].detail == "质量奖组织5个，上限4个"
    app.refresh_from_db()
    assert app.state == S.PROPOSED
    assert not AwardRecord.objects.exists()


def test_quota_is_the_programs_number():
    prog = program()
    prog.quota_award_organizations = 2
    prog.save(update_fields=["quota_award_organizations"])
    app = application(S.CANDIDATE, E.DELIBERATION)
    holders(app.edition, [S.PROPOSED] * 2, AwardLevel.AWARD)
    with pytest.raises(RuleViolation) as refused:
        fire(app, "propose_award", staff(Role.LEADERSHIP, LEADERSHIP_GROUP))
    assert refused.value.results[0].detail == "质量奖组织3个，上限2个"
