"""Rubric checks and edits (第三条: the standard's total is 1000 points).

A rubric is editable while no edition that scores with it has started its evaluation; after that,
scores already refer to its points (DESIGN.md §5.1).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from qaward.core import audit
from qaward.core.errors import DomainError, NotPermitted, enforce
from qaward.core.rulebook import RUBRIC_UNBALANCED, RuleResult, check

from .models import Edition, EditionStage, Rubric, RubricItem
from .models.editions import STAGE_ORDER
from .rules import can_edit_rubrics


def check_rubric(rubric: Rubric | None, label: str = "评分标准") -> list[RuleResult]:
    """One failed RuleResult per category whose items miss its points, and one for the total; a
    rubric not chosen yet (None, named by ``label``) fails as a whole.

    An empty list means the rubric adds up.
    """
    if rubric is None:
        return [check(RUBRIC_UNBALANCED, False, f"尚未选择{label}")]
    results = []
    categories = _categories(rubric)
    for category in categories:
        items_sum = sum(item.points for item in category.items.all())
        if items_sum != category.points:
            results.append(check(
                RUBRIC_UNBALANCED, False,
                f"{rubric.name}：{category.code} {category.name} 各条目合计 {items_sum} 分，类目为 {category.points} 分",
                rubric=rubric.code, category=category.code,
            ))
    categories_sum = sum(category.points for category in categories)
    if categories_sum != rubric.total_points:
        results.append(check(
            RUBRIC_UNBALANCED, False,
            f"{rubric.name}：各类目合计 {categories_sum} 分，总分为 {rubric.total_points} 分",
            rubric=rubric.code,
        ))
    return results


def _categories(rubric: Rubric) -> list:
    # A list page prefetches categories__items for all its rubrics at once (with_structure);
    # a single rubric loads its own.
    if "categories" in getattr(rubric, "_prefetched_objects_cache", {}):
        return list(rubric.categories.all())
    return list(rubric.categories.prefetch_related("items"))


def with_structure(rubrics):
    """Rubrics with their categories and items loaded in two queries, for check_rubric on a list."""
    return rubrics.prefetch_related("categories__items")


def ensure_usable(rubric: Rubric) -> None:
    enforce(check_rubric(rubric))


def locking_editions(rubrics) -> dict[int, Edition]:
    """For each rubric (by pk), the first edition whose evaluation has started with it; one query."""
    pks = [rubric.pk for rubric in rubrics]
    started = STAGE_ORDER[STAGE_ORDER.index(EditionStage.EVALUATION):]
    editions = (Edition.objects.filter(Q(organization_rubric__in=pks) | Q(individual_rubric__in=pks))
                .filter(stage__in=started, is_historical=False).order_by("-year", "-pk"))
    # Newest first, so the oldest edition is the one left in the mapping.
    locks = {}
    for edition in editions:
        for pk in (edition.organization_rubric_id, edition.individual_rubric_id):
            if pk in pks:
                locks[pk] = edition
    return locks


def locking_edition(rubric: Rubric) -> Edition | None:
    """The first edition whose evaluation has started with this rubric, if any."""
    return locking_editions([rubric]).get(rubric.pk)


def is_editable(rubric: Rubric) -> bool:
    return locking_edition(rubric) is None


def ensure_editable(rubric: Rubric) -> None:
    edition = locking_edition(rubric)
    if edition is not None:
        raise DomainError(
            f"「{edition}」已进入{edition.get_stage_display()}阶段，评分标准「{rubric.name}」不得再修改"
            "（评审开始后评分标准锁定）。",
            code="rubric_locked", status=409,
        )


def update_item_points(item: RubricItem, points: int, actor, reason: str = "") -> RubricItem:
    """Change one item's points; the rubric may be unbalanced until the office finishes editing.

    An edition will not open on an unbalanced rubric (guard rubric_unbalanced).
    """
    if not can_edit_rubrics(actor):
        raise NotPermitted()
    if points < 0:
        raise DomainError("分值不能为负数。", code="invalid_points", status=422)
    with transaction.atomic():
        item = RubricItem.objects.select_for_update().select_related("category__rubric").get(pk=item.pk)
        rubric = item.category.rubric
        ensure_editable(rubric)
        before = item.points
        if before == points:
            return item
        item.points = points
        item.save(update_fields=["points"])
        if rubric.verified:
            # A changed split is no longer the one the office confirmed.
            rubric.verified = False
            rubric.save(update_fields=["verified"])
        audit.record("rubric.update_item_points", actor=actor, obj=item, reason=reason,
                     before={"points": before}, after={"points": points, "rubric": rubric.code})
    return item


def update_category_points(category, points: int, actor, reason: str = ""):
    if not can_edit_rubrics(actor):
        raise NotPermitted()
    if points < 0:
        raise DomainError("分值不能为负数。", code="invalid_points", status=422)
    with transaction.atomic():
        category = type(category).objects.select_for_update().select_related("rubric").get(pk=category.pk)
        ensure_editable(category.rubric)
        before = category.points
        if before == points:
            return category
        category.points = points
        category.save(update_fields=["points"])
        if category.rubric.verified:
            category.rubric.verified = False
            category.rubric.save(update_fields=["verified"])
        audit.record("rubric.update_category_points", actor=actor, obj=category, reason=reason,
                     before={"points": before}, after={"points": points, "rubric": category.rubric.code})
    return category


def mark_verified(rubric: Rubric, actor, reason: str = "") -> Rubric:
    """The office confirms the item split against its copy of the standard (RUBRICS.md)."""
    if not can_edit_rubrics(actor):
        raise NotPermitted()
    with transaction.atomic():
        rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
        if rubric.verified:
            return rubric
        ensure_usable(rubric)
        rubric.verified = True
        rubric.save(update_fields=["verified"])
        audit.record("rubric.mark_verified", actor=actor, obj=rubric, reason=reason,
                     before={"verified": False}, after={"verified": True})
    return rubric
