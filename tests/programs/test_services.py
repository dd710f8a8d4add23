import datetime as dt

import pytest

from qaward.core.errors import DomainError, InvalidTransition, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from qaward.programs.models import EditionApproval, EditionStage, Rubric
from qaward.programs.services import (
    choose_rubrics,
    create_edition,
    publish_call,
    record_approval,
    update_plan,
)
from tests.factories import EditionFactory, RubricFactory

pytestmark = pytest.mark.django_db
S = EditionStage


def test_create_edition_starts_preparing_with_program_rubrics_and_audits(office, yuncheng):
    edition = create_edition(yuncheng, 2, 2026, "第二届运城市市长质量奖", office, plan="评选方案")

    record = AuditRecord.objects.get(action="edition.create")
    assert (edition.stage, edition.is_historical, edition.plan) == (S.PREPARING, False, "评选方案")
    assert edition.organization_rubric.code == "gbt19580-2004"
    assert edition.individual_rubric.code == "individual-2023"
    assert (record.actor, record.object_id) == (office, str(edition.pk))
    assert record.after["year"] == 2026
    assert record.after["organization_rubric"] == "gbt19580-2004"


def test_create_historical_edition_is_decided_without_rubrics(office, yuncheng):
    edition = create_edition(yuncheng, 1, 2018, "第一届运城市市长质量奖", office, is_historical=True,
                             decision_document="运政发〔2018〕40号", decided_on=dt.date(2018, 12, 20))

    assert (edition.stage, edition.is_historical) == (S.DECIDED, True)
    assert (edition.decision_document, edition.decided_on) == ("运政发〔2018〕40号", dt.date(2018, 12, 20))
    assert (edition.organization_rubric, edition.individual_rubric) == (None, None)


def test_create_edition_four_years_after_previous_refused_by_cycle_rule(office, yuncheng):
    create_edition(yuncheng, 1, 2021, "第一届", office, is_historical=True)

    with pytest.raises(RuleViolation) as refused:
        create_edition(yuncheng, 2, 2025, "第二届", office)

    assert (refused.value.code, refused.value.article) == ("edition_cycle", "4")
    assert "2025年与「第一届」（2021年）相距不足5年" in refused.value.detail
    assert yuncheng.editions.count() == 1


def test_create_edition_five_years_after_previous_allowed(office, yuncheng):
    create_edition(yuncheng, 1, 2021, "第一届", office, is_historical=True)

    edition = create_edition(yuncheng, 2, 2026, "第二届", office)

    assert edition.year == 2026


def test_create_historical_edition_within_cycle_before_existing_one_refused(office, yuncheng):
    create_edition(yuncheng, 2, 2026, "第二届", office)

    with pytest.raises(RuleViolation) as refused:
        create_edition(yuncheng, 1, 2022, "第一届", office, is_historical=True)

    assert refused.value.code == "edition_cycle"


def test_create_edition_duplicate_number_refused(office, yuncheng):
    create_edition(yuncheng, 1, 2016, "第一届", office, is_historical=True)

    with pytest.raises(DomainError) as refused:
        create_edition(yuncheng, 1, 2026, "又一届", office)

    assert (refused.value.code, refused.value.status) == ("edition_number_taken", 409)


def test_create_historical_edition_in_a_future_year_refused(office, yuncheng):
    with pytest.raises(DomainError) as refused:
        create_edition(yuncheng, 1, 2099, "第一届", office, is_historical=True)

    assert refused.value.code == "invalid_year"


@pytest.mark.parametrize("role", ["supervision", "leadership", "applicant"])
def test_create_edition_by_non_office_not_permitted(role, yuncheng):
    from tests.factories import UserFactory

    with pytest.raises(NotPermitted):
        create_edition(yuncheng, 2, 2026, "第二届", UserFactory(roles=[role]))


def test_record_approval_records_and_corrects_with_audit(office):
    edition = EditionFactory()

    record_approval(edition, "city", "中共运城市委、运城市人民政府", "运办字〔2026〕1号", dt.date(2026, 1, 5), office)
    record_approval(edition, "city", "中共运城市委、运城市人民政府", "运办字〔2026〕2号", dt.date(2026, 1, 6), office)

    approval = edition.approvals.get()
    records = list(AuditRecord.objects.filter(action="edition.record_approval").order_by("sequence"))
    assert (approval.kind, approval.document_number, approval.approved_on) == (
        EditionApproval.Kind.CITY, "运办字〔2026〕2号", dt.date(2026, 1, 6))
    assert len(records) == 2
    assert records[1].before["document_number"] == "运办字〔2026〕1号"
    assert records[1].after["document_number"] == "运办字〔2026〕2号"


def test_record_approval_after_preparing_invalid(office):
    edition = EditionFactory(stage=S.APPROVED)

    with pytest.raises(InvalidTransition):
        record_approval(edition, "province", "中共山西省委、山西省人民政府", "晋办〔2026〕3号", dt.date(2026, 2, 1),
                        office)


def test_record_approval_incomplete_refused(office):
    with pytest.raises(DomainError) as refused:
        record_approval(EditionFactory(), "province", "", "晋办〔2026〕3号", dt.date(2026, 2, 1), office)

    assert refused.value.code == "approval_incomplete"


def test_publish_call_sets_the_call_and_audits(office):
    edition = EditionFactory(stage=S.APPROVED)

    publish_call(edition, "关于开展申报工作的通知", "正文", dt.date(2026, 3, 10), dt.date(2026, 5, 31), office)

    edition.refresh_from_db()
    record = AuditRecord.objects.get(action="edition.publish_call")
    assert (edition.call_title, edition.call_published_on, edition.application_deadline) == (
        "关于开展申报工作的通知", dt.date(2026, 3, 10), dt.date(2026, 5, 31))
    assert record.after["application_deadline"] == "2026-05-31"
    assert record.before["call_title"] == ""


def test_publish_call_deadline_not_after_publication_refused(office):
    edition = EditionFactory(stage=S.APPROVED)

    with pytest.raises(RuleViolation) as refused:
        publish_call(edition, "通知", "正文", dt.date(2026, 3, 10), dt.date(2026, 3, 9), office)

    edition.refresh_from_db()
    assert (refused.value.code, refused.value.article) == ("call_not_published", "14")
    assert edition.call_title == ""


def test_publish_call_while_preparing_invalid(office):
    with pytest.raises(InvalidTransition):
        publish_call(EditionFactory(), "通知", "正文", dt.date(2026, 3, 10), dt.date(2026, 5, 31), office)


def test_update_plan_while_preparing_audits(office):
    edition = EditionFactory(plan="")

    update_plan(edition, "  新方案  ", "标准说明", office)

    edition.refresh_from_db()
    assert (edition.plan, edition.criteria) == ("新方案", "标准说明")
    assert AuditRecord.objects.get(action="edition.update_plan").before == {"plan": "", "criteria": ""}


def test_choose_rubrics_2012_edition(office):
    edition = EditionFactory()
    rubric_2012 = Rubric.objects.get(code="gbt19580-2012")

    choose_rubrics(edition, rubric_2012, Rubric.objects.get(code="individual-2023"), office)

    edition.refresh_from_db()
    assert edition.organization_rubric == rubric_2012


def test_choose_rubrics_wrong_track_refused(office):
    edition = EditionFactory()

    with pytest.raises(DomainError) as refused:
        choose_rubrics(edition, RubricFactory(track="individual", total_points=100),
                       RubricFactory(track="individual", total_points=100), office)

    assert refused.value.code == "rubric_track_mismatch"
