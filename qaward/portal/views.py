"""Public pages, the to-do list and the role workbench."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils import timezone

from qaward.accounts.enums import Role
from qaward.programs.models import Edition, Program, ProgramLevel, RuleDocument
from qaward.programs.models.editions import STAGE_ORDER, EditionStage

from .measures import parse_rule_text
from .navigation import links_for_role
from .roles import ROLE_PROFILES, WORK_STAGES
from .todo import TodoItem, todos_for


def current_program() -> Program | None:
    programs = Program.objects.select_related("rule_document").order_by("pk")
    return programs.filter(level=ProgramLevel.CITY).first() or programs.first()


def current_edition(program: Program | None) -> Edition | None:
    if program is None:
        return None
    return program.editions.filter(is_historical=False).order_by("-year", "-number").first()


@dataclass(frozen=True)
class NoticeCard:
    title: str
    url: str
    ends_on: object


def running_notices() -> list[NoticeCard]:
    """Notices under way, when the notices app is installed (it is built separately)."""
    if not apps.is_installed("qaward.notices"):
        return []
    try:
        from qaward.notices.queries import public_running_notices
    except ImportError:
        return []
    return [NoticeCard(str(notice), _url_of(notice), getattr(notice, "end", None))
            for notice in public_running_notices()]


def _url_of(notice) -> str:
    # The notice pages may not be mounted yet; the home page lists the notice without a link then.
    try:
        return notice.get_absolute_url()
    except NoReverseMatch:
        return ""


def _stages(edition: Edition | None) -> list[dict]:
    if edition is None:
        return []
    current = edition.stage_index
    return [{"label": stage.label, "state": "done" if i < current else "current" if i == current else "todo"}
            for i, stage in enumerate(EditionStage)]


def home(request):
    program = current_program()
    edition = current_edition(program)
    document = program.rule_document if program else RuleDocument.objects.order_by("-effective_from").first()
    today = timezone.localdate()
    context = {
        "program": program,
        "edition": edition,
        "stages": _stages(edition),
        "document": document,
        "document_in_force": document.in_force_on(today) if document else False,
        "accepting": bool(edition and edition.stage == EditionStage.OPEN
                          and (edition.application_deadline is None or edition.application_deadline >= today)),
        "notices": running_notices(),
    }
    return render(request, "portal/home.html", context)


def rules(request):
    program = current_program()
    document = program.rule_document if program else RuleDocument.objects.order_by("-effective_from").first()
    parsed = parse_rule_text(document.full_text) if document and document.full_text else None
    context = {
        "document": document,
        "parsed": parsed,
        "document_in_force": document.in_force_on(timezone.localdate()) if document else False,
    }
    return render(request, "portal/rules.html", context)


def report_guide(request):
    return render(request, "portal/report_guide.html")


def _group(items: list[TodoItem]) -> list[tuple[str, list[TodoItem]]]:
    groups: dict[str, list[TodoItem]] = {}
    for item in items:  # todos_for() puts urgent items first, so groups holding them lead
        groups.setdefault(item.category, []).append(item)
    return list(groups.items())


@login_required
def todo(request):
    items = todos_for(request.user)
    context = {
        "groups": _group(items),
        "total": sum(item.count for item in items),
        "urgent_total": sum(item.count for item in items if item.urgent),
    }
    return render(request, "portal/todo.html", context)


@dataclass(frozen=True)
class Waiting:
    """The role's work opens in a later stage of the current edition."""

    task: str
    stage_label: str
    edition: str
    current_label: str
    stages_to_go: int


@dataclass(frozen=True)
class RoleCard:
    code: str
    label: str
    summary: str
    icon: str
    organizations: list[str]
    articles: list[tuple[str, str]]
    links: list
    waiting: Waiting | None = None


def _waiting(role: str, edition: Edition | None) -> Waiting | None:
    work = WORK_STAGES.get(role)
    if work is None or edition is None or edition.has_reached(work.stage):
        return None
    return Waiting(str(work.task), str(EditionStage(work.stage).label), edition.title,
                   edition.get_stage_display(), STAGE_ORDER.index(work.stage) - edition.stage_index)


def role_cards(user) -> list[RoleCard]:
    grants = user.role_grants.filter(is_active=True).select_related("organization")
    organizations: dict[str, list[str]] = {}
    for grant in grants:
        organizations.setdefault(grant.role, []).append(str(grant.organization))
    edition = current_edition(current_program()) if organizations.keys() & WORK_STAGES.keys() else None
    cards = []
    for role in Role:
        if role.value not in organizations:
            continue
        profile = ROLE_PROFILES[role.value]
        cards.append(RoleCard(role.value, str(role.label), str(profile.summary), profile.icon,
                              organizations[role.value], profile.article_links, links_for_role(role.value),
                              _waiting(role.value, edition)))
    return cards


@login_required
def workbench(request):
    return render(request, "portal/workbench.html", {"cards": role_cards(request.user)})
