"""Named querysets for programs and editions."""

from __future__ import annotations

from .models import Edition, EditionStage, Program
from .models.editions import STAGE_ORDER
from .rules import can_view_office_pages

YUNCHENG = "yuncheng-mayor-quality-award"

# Before the call is out an edition is internal work of the office (第十四条).
PUBLIC_STAGES = STAGE_ORDER[STAGE_ORDER.index(EditionStage.OPEN):]


def default_program() -> Program | None:
    return Program.objects.filter(code=YUNCHENG).first() or Program.objects.order_by("pk").first()


def current_edition(program: Program) -> Edition | None:
    """The newest edition run in the system (historical ones are only history), decided or not."""
    return program.editions.filter(is_historical=False).order_by("-year").first()


def editions_visible_to(user):
    editions = Edition.objects.select_related("program").order_by("-year", "program_id")
    if user is not None and user.is_authenticated and can_view_office_pages(user):
        return editions
    return editions.filter(stage__in=PUBLIC_STAGES)
