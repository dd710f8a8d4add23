import pytest

from qaward.core.errors import DomainError, NotPermitted, RuleViolation
from qaward.core.models import AuditRecord
from qaward.programs.models import EditionStage, Rubric
from qaward.programs.rubrics import (
    check_rubric,
    ensure_usable,
    mark_verified,
    update_category_points,
    update_item_points,
)
from tests.factories import EditionFactory, RubricCategoryFactory, RubricFactory, RubricItemFactory

pytestmark = pytest.mark.django_db


def unbalanced_rubric() -> Rubric:
    rubric = RubricFactory(balanced=False, name="失衡标准", total_points=1000)
    category = RubricCategoryFactory(rubric=rubric, code="4.1", name="领导", points=1000)
    RubricItemFactory(category=category, code="4.1.1", points=600)
    RubricItemFactory(category=category, code="4.1.2", points=390)
    return rubric


def test_check_rubric_item_sum_short_of_category_reports_rubric_unbalanced():
    results = check_rubric(unbalanced_rubric())

    assert [(r.code, r.article, r.passed) for r in results] == [("rubric_unbalanced", "3", False)]
    assert results[0].detail == "失衡标准：4.1 领导 各条目合计 990 分，类目为 1000 分"


def test_check_rubric_categories_short_of_total_reports_rubric_unbalanced():
    rubric = RubricFactory(balanced=False, name="缺类目", total_points=1000)
    category = RubricCategoryFactory(rubric=rubric, code="4.1", points=100)
    RubricItemFactory(category=category, points=100)

    results = check_rubric(rubric)

    assert [(r.code, r.article, r.detail) for r in results] == [
        ("rubric_unbalanced", "3", "缺类目：各类目合计 100 分，总分为 1000 分")
    ]


def test_ensure_usable_unbalanced_raises_rule_violation_citing_article_3():
    with pytest.raises(RuleViolation) as refused:
        ensure_usable(unbalanced_rubric())

    assert refused.value.code == "rubric_unbalanced"
    assert refused.value.article == "3"
    assert refused.value.as_problem()["status"] == 422
    assert refused.value.detail.startswith("不符合第三条：评定标准各项分值之和须等于标准总分（1000分）")


def test_ensure_usable_shipped_rubric_passes():
    assert ensure_usable(Rubric.objects.get(code="gbt19580-2004")) is None


def test_update_item_points_before_evaluation_changes_and_audits(office):
    rubric = RubricFactory(verified=True)
    item = rubric.categories.get().items.get()
    EditionFactory(organization_rubric=rubric, stage=EditionStage.ACCEPTANCE_NOTICE)

    update_item_points(item, 900, office, reason="按标准文本修正")

    item.refresh_from_db()
    rubric.refresh_from_db()
    record = AuditRecord.objects.get(action="rubric.update_item_points")
    assert item.points == 900
    assert rubric.verified is False
    assert (record.before, record.after["points"], record.reason, record.actor) == (
        {"points": 1000}, 900, "按标准文本修正", office)
    assert [r.code for r in check_rubric(rubric)] == ["rubric_unbalanced"]


def test_update_item_points_once_evaluation_started_refused(office):
    rubric = RubricFactory()
    item = rubric.categories.get().items.get()
    EditionFactory(organization_rubric=rubric, stage=EditionStage.EVALUATION, title="第二届")

    with pytest.raises(DomainError) as refused:
        update_item_points(item, 900, office)

    item.refresh_from_db()
    assert refused.value.code == "rubric_locked"
    assert refused.value.status == 409
    assert "「第二届」已进入评审阶段" in refused.value.detail
    assert item.points == 1000
    assert not AuditRecord.objects.filter(action="rubric.update_item_points").exists()


def test_update_item_points_by_supervision_not_permitted(supervisor):
    item = RubricFactory().categories.get().items.get()

    with pytest.raises(NotPermitted):
        update_item_points(item, 1, supervisor)


def test_update_category_points_rebalances_and_audits(office):
    rubric = RubricFactory(total_points=1000)
    category = rubric.categories.get()
    update_item_points(category.items.get(), 900, office)

    update_category_points(category, 900, office)
    rubric.total_points = 900
    rubric.save()

    assert check_rubric(rubric) == []
    assert AuditRecord.objects.filter(action="rubric.update_category_points").count() == 1


def test_mark_verified_records_audit(office):
    rubric = Rubric.objects.get(code="gbt19580-2012")

    mark_verified(rubric, office)

    rubric.refresh_from_db()
    record = AuditRecord.objects.get(action="rubric.mark_verified")
    assert rubric.verified is True
    assert (record.object_id, record.before, record.after) == (str(rubric.pk), {"verified": False},
                                                               {"verified": True})


def test_mark_verified_unbalanced_rubric_refused(office):
    with pytest.raises(RuleViolation) as refused:
        mark_verified(unbalanced_rubric(), office)

    assert refused.value.code == "rubric_unbalanced"
