"""The office's edition pages (第八、十四条): list, create, and one edition with its stage machine.

The supervision and leadership groups see every page read-only; a user who may fire the
edition's current action (the HR bureau reporting, the city government deciding) sees its page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qaward.core.exports import xlsx_response
from qaward.core.web import domain_errors

from .. import services
from ..forms import ActionForm, ApprovalForm, CallForm, EditionCreateForm, PlanForm, RubricChoiceForm
from ..models import Edition, EditionStage
from ..presenters import action_panels, quotas, stage_steps
from ..queries import default_program
from ..rules import can_manage_editions, can_view_office_pages
from ..workflow import ACTION_FIELDS, EDITION_MACHINE


def _require_viewer(request, edition: Edition | None = None) -> None:
    if can_view_office_pages(request.user):
        return
    if edition is not None and EDITION_MACHINE.available_actions(edition, request.user):
        return
    raise PermissionDenied


def _require_office(request) -> None:
    if not can_manage_editions(request.user):
        raise PermissionDenied


def _editions():
    return Edition.objects.select_related("program").order_by("-year", "program_id")


@login_required
def edition_list(request):
    _require_viewer(request)
    return render(request, "programs/edition_list.html", {
        "editions": _editions(),
        "can_manage": can_manage_editions(request.user),
    })


@login_required
def edition_export(request):
    _require_viewer(request)
    headers = [_("奖项"), _("届次"), _("评选年度"), _("名称"), _("阶段"), _("申报通知发布日期"), _("申报截止日期"),
               _("表彰决定文号"), _("表彰决定日期"), _("历史届次")]
    rows = ([e.program.name, e.number, e.year, e.title, e.get_stage_display(), e.call_published_on,
             e.application_deadline, e.decision_document, e.decided_on, _("是") if e.is_historical else _("否")]
            for e in _editions())
    return xlsx_response("届次列表.xlsx", _("届次"), headers, rows)


@login_required
def edition_create(request):
    _require_office(request)
    program = default_program()
    form = EditionCreateForm(request.POST or None, initial={"program": program})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            edition = services.create_edition(
                data["program"], data["number"], data["year"], data["title"], request.user,
                is_historical=data["is_historical"], decision_document=data["decision_document"],
                decided_on=data["decided_on"], reason=data["reason"],
            )
        if outcome.ok:
            messages.success(request, _("已创建「%(title)s」。") % {"title": edition.title})
            return redirect(edition)
        return render(request, "programs/edition_form.html", {"form": form}, status=outcome.status)
    status = 422 if form.is_bound else 200
    return render(request, "programs/edition_form.html", {"form": form}, status=status)


def _detail(request, edition: Edition, *, status: int = 200, **forms):
    manage = can_manage_editions(request.user)
    stage = edition.stage
    context = {
        "edition": edition,
        "steps": stage_steps(edition),
        "approvals": edition.approvals.order_by("kind"),
        "quotas": quotas(edition.program),
        "rule_document": edition.program.rule_document,
        "actions": action_panels(edition, request.user, forms.get("action_form"), forms.get("action")),
        "can_manage": manage,
        "can_edit_plan": manage and stage == EditionStage.PREPARING,
        "can_record_approval": manage and stage == EditionStage.PREPARING,
        "can_publish_call": manage and stage == EditionStage.APPROVED,
        "can_choose_rubrics": manage and stage in (EditionStage.PREPARING, EditionStage.APPROVED),
        "plan_form": forms.get("plan_form") or PlanForm(initial={"plan": edition.plan, "criteria": edition.criteria}),
        "approval_form": forms.get("approval_form") or ApprovalForm(),
        "call_form": forms.get("call_form") or CallForm(initial={
            "title": edition.call_title, "text": edition.call_text,
            "published_on": edition.call_published_on, "deadline": edition.application_deadline,
        }),
        "rubric_form": forms.get("rubric_form") or RubricChoiceForm(initial={
            "organization_rubric": edition.organization_rubric, "individual_rubric": edition.individual_rubric,
        }),
        "stats": _application_stats(edition, request.user),
    }
    return render(request, "programs/edition_detail.html", context, status=status)


def _application_stats(edition: Edition, user):
    """Applications by state and by county, once the edition has taken applications in the system."""
    if edition.is_historical or not edition.has_reached(EditionStage.OPEN):
        return None
    from qaward.applications.presenters import edition_statistics  # applications builds on programs

    return edition_statistics(edition, user)


def _edition(pk: int) -> Edition:
    return get_object_or_404(
        Edition.objects.select_related("program__rule_document", "organization_rubric", "individual_rubric"), pk=pk,
    )


@login_required
def edition_detail(request, pk: int):
    edition = _edition(pk)
    _require_viewer(request, edition)
    return _detail(request, edition)


def _post_form(request, pk: int, form_class, form_key: str, call):
    """Validate ``form_class``, run ``call(edition, cleaned_data)``, and redirect or re-render."""
    _require_office(request)
    edition = _edition(pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return _detail(request, edition, status=422, **{form_key: form})
    with domain_errors(request, form=form) as outcome:
        message = call(edition, form.cleaned_data)
    if outcome.failed:
        return _detail(request, edition, status=outcome.status, **{form_key: form})
    messages.success(request, message)
    return redirect(edition)


@login_required
@require_POST
def edition_plan(request, pk: int):
    def call(edition, data):
        services.update_plan(edition, data["plan"], data["criteria"], request.user)
        return _("评选方案已保存。")

    return _post_form(request, pk, PlanForm, "plan_form", call)


@login_required
@require_POST
def edition_rubrics(request, pk: int):
    def call(edition, data):
        services.choose_rubrics(edition, data["organization_rubric"], data["individual_rubric"], request.user)
        return _("评分标准已选定。")

    return _post_form(request, pk, RubricChoiceForm, "rubric_form", call)


@login_required
@require_POST
def edition_approval(request, pk: int):
    def call(edition, data):
        services.record_approval(edition, data["kind"], data["authority"], data["document_number"],
                                 data["approved_on"], request.user)
        return _("审批已登记。")

    return _post_form(request, pk, ApprovalForm, "approval_form", call)


@login_required
@require_POST
def edition_call(request, pk: int):
    def call(edition, data):
        services.publish_call(edition, data["title"], data["text"], data["published_on"], data["deadline"],
                              request.user)
        return _("申报通知已登记。")

    return _post_form(request, pk, CallForm, "call_form", call)


@login_required
@require_POST
def edition_action(request, pk: int, action: str):
    edition = _edition(pk)
    _require_viewer(request, edition)
    if action not in {t.action for t in EDITION_MACHINE.transitions}:
        raise Http404
    form = ActionForm(request.POST, prefix=action)
    if not form.is_valid():
        return _detail(request, edition, status=422, action_form=form, action=action)
    payload = form.payload(ACTION_FIELDS.get(action, ()))
    with domain_errors(request) as outcome:
        edition = services.advance(edition, action, request.user, reason=form.cleaned_data["reason"], **payload)
    if outcome.failed:
        return _detail(request, _edition(pk), status=outcome.status, action_form=form, action=action)
    messages.success(request, _("已进入「%(stage)s」阶段。") % {"stage": edition.get_stage_display()})
    return redirect(edition)
