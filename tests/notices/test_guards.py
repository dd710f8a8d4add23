"""第十七、十九、二十、二十一条: no next stage while a notice runs or holds an open objection."""

import datetime as dt

import pytest

from qaward.core.errors import RuleViolation
from qaward.notices.enums import AwardLevel, NoticeKind
from qaward.notices.objections import decide_objection, record_findings
from qaward.programs.models import EditionStage
from qaward.programs.workflow import EDITION_MACHINE
from tests.factories import EditionFactory

from .conftest import END, START, entries, object_to, publish

pytestmark = pytest.mark.django_db
DAY_AFTER = END + dt.timedelta(days=1)


def _fire(edition, action, user, today):
    return EDITION_MACHINE.fire(edition, action, user, today=today)


def test_publish_acceptance_without_notice_refused_notice_missing(edition, office):
    with pytest.raises(RuleViolation) as caught:
        _fire(edition, "publish_acceptance", office, START)
    assert caught.value.code == "notice_missing"


def test_publish_acceptance_after_notice_published_enters_stage(edition, office):
    publish(edition, office)
    edition = _fire(edition, "publish_acceptance", office, START)
    assert edition.stage == EditionStage.ACCEPTANCE_NOTICE


@pytest.fixture
def noticed(edition, office):
    """An edition in acceptance_notice whose acceptance notice runs START..END."""
    notice = publish(edition, office)
    return _fire(edition, "publish_acceptance", office, START), notice


def test_leave_acceptance_notice_on_its_last_day_refused_notice_running(noticed, office):
    edition, notice = noticed
    with pytest.raises(RuleViolation) as caught:
        _fire(edition, "start_evaluation", office, END)
    assert caught.value.code == "notice_running"
    assert "公示期至2026年6月12日止" in caught.value.detail
    edition.refresh_from_db()
    assert edition.stage == EditionStage.ACCEPTANCE_NOTICE


def test_leave_acceptance_notice_on_the_day_after_moves_on(noticed, office):
    edition, notice = noticed
    edition = _fire(edition, "start_evaluation", office, DAY_AFTER)
    assert edition.stage == EditionStage.EVALUATION


def test_leave_with_open_objection_after_end_refused(noticed, office):
    edition, notice = noticed
    object_to(notice)
    with pytest.raises(RuleViolation) as caught:
        _fire(edition, "start_evaluation", office, DAY_AFTER + dt.timedelta(days=10))
    assert caught.value.code == "notice_running"
    assert "尚有1件异议未处理完毕" in caught.value.detail


def test_leave_after_objection_investigated_but_undecided_refused(noticed, office):
    edition, notice = noticed
    record_findings(object_to(notice), actor=office, findings="经核实，该企业事故记录属实。")
    assert EDITION_MACHINE.blockers(edition, "start_evaluation", today=DAY_AFTER)[0].code == "notice_running"


@pytest.mark.parametrize("upheld", [True, False])
def test_leave_once_objection_decided_moves_on(noticed, office, leader, upheld):
    edition, notice = noticed
    objection = record_findings(object_to(notice), actor=office, findings="已调取相关部门记录核实。")
    decide_objection(objection, actor=leader, upheld=upheld, reason="领导小组会议研究决定。")
    edition = _fire(edition, "start_evaluation", office, DAY_AFTER)
    assert edition.stage == EditionStage.EVALUATION


def test_withdrawn_notice_only_leaves_the_edition_without_a_notice(noticed, office):
    from qaward.notices.services import withdraw_notice

    edition, notice = noticed
    withdraw_notice(notice, actor=office, reason="名单有误")
    with pytest.raises(RuleViolation) as caught:
        _fire(edition, "start_evaluation", office, DAY_AFTER)
    assert caught.value.code == "notice_missing"


def test_deliberate_while_candidate_notice_runs_refused(office, leader):
    edition = EditionFactory(stage=EditionStage.CANDIDATES)
    publish(edition, office, NoticeKind.CANDIDATE)
    with pytest.raises(RuleViolation) as caught:
        _fire(edition, "deliberate", leader, END)
    assert caught.value.code == "notice_running"
    assert _fire(edition, "deliberate", leader, DAY_AFTER).stage == EditionStage.DELIBERATION


def test_deliberate_without_candidate_notice_refused(leader):
    edition = EditionFactory(stage=EditionStage.CANDIDATES)
    with pytest.raises(RuleViolation) as caught:
        _fire(edition, "deliberate", leader, DAY_AFTER)
    assert caught.value.code == "notice_missing"


def test_recommendation_lifecycle_publish_then_report(office):
    edition = EditionFactory(stage=EditionStage.DELIBERATION)
    with pytest.raises(RuleViolation) as caught:
        _fire(edition, "publish_recommendation", office, START)
    assert caught.value.code == "notice_missing"
    publish(edition, office, NoticeKind.RECOMMENDATION, rows=entries(2, level=AwardLevel.AWARD))
    edition = _fire(edition, "publish_recommendation", office, START)
    with pytest.raises(RuleViolation):
        _fire(edition, "report", office, END)
    assert _fire(edition, "report", office, DAY_AFTER).stage == EditionStage.REPORTED


def test_open_objection_of_one_candidate_notice_blocks_though_others_ended(office, leader):
    from tests.factories import DivisionFactory

    edition = EditionFactory(stage=EditionStage.CANDIDATES)
    a = publish(edition, office, NoticeKind.CANDIDATE, scope="region", division=DivisionFactory())
    publish(edition, office, NoticeKind.CANDIDATE, scope="industry", industry="食品制造业")
    object_to(a)
    assert [r.code for r in EDITION_MACHINE.blockers(edition, "deliberate", today=DAY_AFTER)] == ["notice_running"]
