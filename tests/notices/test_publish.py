import datetime as dt

import pytest

from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from qaward.notices.enums import AwardLevel, NoticeKind, NoticeScope, Track
from qaward.notices.models import PublicNotice
from qaward.notices.services import EntryData, notice_end, quota_rows, withdraw_notice
from qaward.programs.calendar import add_workdays
from qaward.programs.models import EditionStage
from tests.factories import DivisionFactory, EditionFactory, UserFactory

from .conftest import END, START, entries, publish

pytestmark = pytest.mark.django_db


def test_notice_end_from_2026_09_30_for_5_workdays_is_2026_10_12():
    # 9-30 (1), National Day 10-1..10-7 off, 10-8 (2), 10-9 (3), Saturday 10-10 调休 (4), Sunday off, 10-12 (5).
    assert add_workdays(dt.date(2026, 9, 30), 5) == dt.date(2026, 10, 12)
    assert notice_end(dt.date(2026, 9, 30), 5) == dt.date(2026, 10, 12)


def test_publish_from_2026_09_30_ends_2026_10_12(edition, office):
    notice = publish(edition, office, start=dt.date(2026, 9, 30), today=dt.date(2026, 9, 29), workdays=5)
    notice.refresh_from_db()
    assert (notice.start, notice.workdays, notice.end) == (dt.date(2026, 9, 30), 5, dt.date(2026, 10, 12))


def test_publish_4_workdays_refused_notice_too_short(edition, office):
    with pytest.raises(RuleViolation) as caught:
        publish(edition, office, workdays=4)
    assert caught.value.code == "notice_too_short"
    assert caught.value.article == "19,20"
    assert "不少于5个工作日" in caught.value.detail
    assert PublicNotice.objects.count() == 0


def test_publish_without_workdays_uses_program_acceptance_length(edition, office):
    edition.program.acceptance_notice_workdays = 7
    edition.program.save()
    notice = publish(edition, office)
    assert (notice.workdays, notice.end) == (7, dt.date(2026, 6, 16))


def test_publish_acceptance_shorter_than_program_length_refused(edition, office):
    edition.program.acceptance_notice_workdays = 7
    edition.program.save()
    with pytest.raises(RuleViolation) as caught:
        publish(edition, office, workdays=6)
    assert caught.value.code == "notice_too_short"


def test_publish_creates_entries_snapshot_and_audit(edition, office):
    notice = publish(edition, office)
    assert [e.name for e in notice.entries.order_by("position")] == [
        "运城测试企业1有限公司", "运城测试企业2有限公司", "运城测试企业3有限公司"]
    assert (notice.start, notice.end, notice.kind, notice.scope) == (START, END, "acceptance", "city")
    record = AuditRecord.objects.get(action="notice.publish")
    assert record.actor == office
    assert record.object_id == str(notice.pk)
    assert record.after["end"] == "2026-06-12"
    assert len(record.after["entries"]) == 3


def test_publish_by_supervision_not_permitted(edition, supervisor):
    with pytest.raises(NotPermitted):
        publish(edition, supervisor)


def test_publish_acceptance_in_evaluation_stage_refused(office):
    edition = EditionFactory(stage=EditionStage.EVALUATION)
    with pytest.raises(InvalidTransition) as caught:
        publish(edition, office)
    assert caught.value.code == "notice_wrong_stage"


def test_publish_starting_yesterday_refused(edition, office):
    with pytest.raises(DomainError) as caught:
        publish(edition, office, start=START - dt.timedelta(days=1), today=START)
    assert caught.value.code == "notice_backdated"


def test_publish_empty_list_refused(edition, office):
    with pytest.raises(DomainError) as caught:
        publish(edition, office, rows=[])
    assert caught.value.code == "notice_empty"


def test_publish_second_acceptance_notice_refused_until_first_withdrawn(edition, office):
    first = publish(edition, office)
    with pytest.raises(DomainError) as caught:
        publish(edition, office)
    assert caught.value.code == "notice_duplicate"
    withdraw_notice(first, actor=office, reason="名单有误，更正后重新公示")
    second = publish(edition, office)
    assert second.pk != first.pk
    assert AuditRecord.objects.filter(action="notice.withdraw", object_id=str(first.pk)).count() == 1


def _recommendation(office, rows):
    edition = EditionFactory(stage=EditionStage.DELIBERATION)
    return publish(edition, office, NoticeKind.RECOMMENDATION, rows=rows)


def test_recommendation_with_five_award_organisations_refused_quota_exceeded(office):
    with pytest.raises(RuleViolation) as caught:
        _recommendation(office, entries(5, level=AwardLevel.AWARD))
    assert caught.value.code == "quota_exceeded"
    assert caught.value.article == "4"
    assert "质量奖组织5个，上限4个" in caught.value.detail


def test_recommendation_at_every_quota_published(office):
    rows = [
        *entries(4, level=AwardLevel.AWARD),
        *[EntryData(f"提名企业{i}", Track.ORGANIZATION, AwardLevel.NOMINATION) for i in range(4)],
        *[EntryData(f"获奖个人{i}", Track.INDIVIDUAL, AwardLevel.AWARD, unit="某公司") for i in range(4)],
        *[EntryData(f"提名个人{i}", Track.INDIVIDUAL, AwardLevel.NOMINATION, unit="某公司") for i in range(4)],
    ]
    notice = _recommendation(office, rows)
    assert [(r.label, r.used, r.limit) for r in quota_rows(notice.edition.program, notice.entries.all())] == [
        ("质量奖组织", 4, 4), ("质量奖个人", 4, 4), ("质量奖提名奖组织", 4, 4), ("质量奖提名奖个人", 4, 4)]


def test_recommendation_with_program_quota_of_two_refuses_three(office):
    edition = EditionFactory(stage=EditionStage.DELIBERATION)
    edition.program.quota_nomination_individuals = 2
    edition.program.save()
    rows = [EntryData(f"提名个人{i}", Track.INDIVIDUAL, AwardLevel.NOMINATION) for i in range(3)]
    with pytest.raises(RuleViolation) as caught:
        publish(edition, office, NoticeKind.RECOMMENDATION, rows=rows)
    assert caught.value.code == "quota_exceeded"


def test_recommendation_entry_without_level_refused(office):
    with pytest.raises(DomainError) as caught:
        _recommendation(office, entries(1))
    assert caught.value.code == "entry_invalid"


def test_recommendation_limited_to_a_region_refused(office):
    edition = EditionFactory(stage=EditionStage.DELIBERATION)
    with pytest.raises(DomainError) as caught:
        publish(edition, office, NoticeKind.RECOMMENDATION, rows=entries(1, level=AwardLevel.AWARD),
                scope=NoticeScope.REGION, division=DivisionFactory())
    assert caught.value.code == "notice_scope_invalid"


def test_candidate_notices_per_region_and_industry(office):
    edition = EditionFactory(stage=EditionStage.CANDIDATES)
    county = DivisionFactory(name="测试县甲")
    by_region = publish(edition, office, NoticeKind.CANDIDATE, scope=NoticeScope.REGION, division=county)
    by_industry = publish(edition, office, NoticeKind.CANDIDATE, scope=NoticeScope.INDUSTRY, industry="装备制造业")
    assert (by_region.scope_label, by_industry.scope_label) == ("测试县甲", "装备制造业")
    with pytest.raises(DomainError) as caught:
        publish(edition, office, NoticeKind.CANDIDATE, scope=NoticeScope.REGION, division=county)
    assert caught.value.code == "notice_duplicate"


def test_candidate_region_notice_without_division_refused(office):
    edition = EditionFactory(stage=EditionStage.CANDIDATES)
    with pytest.raises(DomainError) as caught:
        publish(edition, office, NoticeKind.CANDIDATE, scope=NoticeScope.REGION)
    assert caught.value.code == "notice_scope_invalid"


def test_withdraw_by_leadership_not_permitted(notice, leader):
    with pytest.raises(NotPermitted):
        withdraw_notice(notice, actor=leader, reason="x")


def test_withdraw_without_reason_refused(notice, office):
    with pytest.raises(DomainError) as caught:
        withdraw_notice(notice, actor=office, reason=" ")
    assert caught.value.code == "reason_required"


def test_notice_status_follows_the_day(notice):
    assert notice.status_on(START - dt.timedelta(days=1)) == "scheduled"
    assert notice.status_on(START) == "running"
    assert notice.status_on(END) == "running"
    assert notice.status_on(END + dt.timedelta(days=1)) == "ended"


def test_office_user_is_recorded_as_publisher(edition):
    office = UserFactory(roles=["office"])
    notice = publish(edition, office)
    assert notice.published_by == office
