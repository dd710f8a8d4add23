"""The written materials of an application (DESIGN.md §3.2) and how their length is counted."""

from __future__ import annotations


def char_count(text: str) -> int:
    """字数 as an office counts it: every character except white space."""
    return len("".join((text or "").split()))


def required_sections(application) -> list[tuple[str, str]]:
    """(code, name) of each part of the self-assessment: rubric categories for an organisation,
    rubric items for an individual's personal statement (第十二条第（二）～（五）项)."""
    rubric = application.rubric
    if rubric is None:
        return []
    if application.is_organization:
        return [(c.code, c.name) for c in rubric.categories.order_by("order")]
    return [(i.code, i.name) for c in rubric.categories.order_by("order") for i in c.items.order_by("order")]
