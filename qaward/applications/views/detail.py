"""The application page: the applicant's form while it is in their hands, the review page otherwise.

Each section of the form saves on its own (htmx posts a section on change; without JavaScript the
section's button posts it), and the checklist beside it re-reads the rules after every save, so
the applicant sees at once what is still missing and which article asks for it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from qaward.core.masking import contact_for
from qaward.core.web import domain_errors

from .. import presenters, services
from ..content import char_count, required_sections
from ..downloads import attachment_response
from ..enums import EDITABLE_STATES, ApplicationState, AttachmentKind
from ..forms import (
    ActionForm,
    AttachmentForm,
    BasicForm,
    CommitmentForm,
    ModeForm,
    OpinionAnswerForm,
    OpinionRequestForm,
    ProfileForm,
    PublicityForm,
    SelfAssessmentForm,
    TalentForm,
    VerifyTalentForm,
)
from ..models import Application, Attachment, TalentRecord
from ..notifications import mark_read
from ..queries import for_page

SAVED_EVENT = "applicationSaved"


def visible_or_404(request, pk: int) -> Application:
    try:
        return for_page(request.user).get(pk=pk)
    except Application.DoesNotExist:
        raise Http404 from None


def _editable(request, application) -> bool:
    return (application.state in EDITABLE_STATES
            and request.user.has_perm("applications.change_application", application))


def _section_forms(application) -> dict:
    publicity = getattr(application, "publicity", None)
    return {
        "basic": BasicForm(application=application, initial={
            "contact_name": application.contact_name, "contact_phone": application.contact_phone,
            "contact_email": application.contact_email, "receiver": application.receiver_id,
        }),
        "profile": ProfileForm(initial={"profile": application.profile}),
        "mode": ModeForm(initial={"quality_mode_summary": application.quality_mode_summary}),
        "assessment": SelfAssessmentForm(application=application),
        "attachment": AttachmentForm(),
        "talent": TalentForm(),
        "publicity": PublicityForm(initial={
            "start_on": publicity.start_on, "end_on": publicity.end_on, "scope": publicity.scope,
            "result": publicity.result, "result_note": publicity.result_note,
        } if publicity else None),
        "commitment": CommitmentForm(initial={"signer": application.commitment_signed_by}),
    }


def _office_forms(application) -> dict:
    return {
        "opinion": OpinionRequestForm(initial={"requested_on": timezone.localdate()}),
        "answer": OpinionAnswerForm(initial={"answered_on": timezone.localdate()}),
        "verify": VerifyTalentForm(),
    }


def page_context(request, application, *, forms=None) -> dict:
    editable = _editable(request, application)
    answers = application.self_assessment or {}
    program = application.program
    checklist = presenters.summary(application)
    actions = presenters.actions_for(application, request.user, checked=checklist)
    context = {
        "application": application,
        "applicant": application.applicant,
        "editable": editable,
        "checklist": checklist,
        "actions": [(view, ActionForm(action=view.action)) for view in actions],
        "sections": [(code, name, answers.get(code, ""), char_count(answers.get(code, "")))
                     for code, name in required_sections(application)],
        "assessment_chars": sum(char_count(str(v)) for v in answers.values()),
        "profile_chars": char_count(application.profile),
        "program": program,
        "attachments": application.attachments.all(),
        "talents": application.talents.select_related("evidence", "application__edition__program"),
        "publicity": getattr(application, "publicity", None),
        "opinions": application.opinion_requests.select_related("department"),
        "rounds": _rounds(application),
        "steps": chain_steps(application),
        "last_return": application.events.filter(action="return").order_by("-created_at").first()
        if application.state == ApplicationState.RETURNED else None,
        "can_review": request.user.has_perm("applications.formal_review", application)
        and application.state in (ApplicationState.RECOMMENDED, ApplicationState.ACCEPTED),
        "can_open_secret": request.user.has_perm("applications.open_trade_secret", application),
        "contact": contact_for(request.user, application.contact_phone, application.contact_email),
        "back_link": presenters.back_link(application, request.user),
    }
    if editable:
        context["forms"] = _with_counters({**_section_forms(application), **(forms or {})}, program)
    if context["can_review"]:
        context["office_forms"] = {**_office_forms(application), **(forms or {})}
    return context


def _with_counters(forms: dict, program) -> dict:
    """Mark the texts with length limits so the page can count as the applicant types."""
    forms["profile"].fields["profile"].widget.attrs.update(
        {"data-counter": "profile-count", "data-count-max": program.profile_max_chars})
    for field in forms["assessment"].fields.values():
        field.widget.attrs.update({"data-counter": "assessment-count", "data-count-group": "assessment",
                                   "data-count-max": program.self_assessment_max_chars})
    return forms


CHAIN = [
    (ApplicationState.DRAFT, gettext_lazy("填写申报材料")),
    (ApplicationState.SUBMITTED, gettext_lazy("接收部门审核")),
    (ApplicationState.DEPT_APPROVED, gettext_lazy("推荐")),
    (ApplicationState.RECOMMENDED, gettext_lazy("形式审查")),
    (ApplicationState.ACCEPTED, gettext_lazy("受理")),
]


def chain_steps(application) -> list[tuple[str, str]]:
    """第十五～十七条 as steps: (label, done|current|todo) for the stepper at the top of the page."""
    order = [state for state, _ in CHAIN]
    state = application.state
    position = {ApplicationState.RETURNED: 0}.get(state, order.index(state) if state in order else len(order))
    return [(str(label), "done" if i < position else "current" if i == position else "todo")
            for i, (_, label) in enumerate(CHAIN)]


def _rounds(application) -> list[tuple[int, list]]:
    rounds: dict[int, list] = {}
    for event in application.events.select_related("actor", "organization"):
        rounds.setdefault(event.round, []).append(event)
    return sorted(rounds.items(), reverse=True)


@login_required
def detail(request, pk: int):
    application = visible_or_404(request, pk)
    mark_read(request.user, request.user.notifications.filter(application=application).values_list("pk", flat=True))
    return render(request, "applications/detail.html", page_context(request, application))


@login_required
@require_GET
def checklist(request, pk: int):
    application = visible_or_404(request, pk)
    return render(request, "applications/_checklist.html", {
        "application": application, "checklist": presenters.summary(application),
    })


def _saved(request, application, anchor: str, message: str):
    if request.htmx:
        response = render(request, "applications/_save_status.html", {"ok": True, "at": timezone.localtime()})
        return trigger_client_event(response, SAVED_EVENT)
    messages.success(request, message)
    return redirect(reverse("applications:detail", args=[application.pk]) + f"#{anchor}")


def _refused(request, application, anchor: str, outcome=None, form=None, forms=None):
    if request.htmx:
        detail = outcome.detail if outcome is not None and outcome.failed else _form_problem(form)
        return render(request, "applications/_save_status.html", {"ok": False, "detail": detail}, status=422)
    context = page_context(request, application, forms=forms)
    return render(request, "applications/detail.html", context, status=outcome.status if outcome else 422)


def _form_problem(form) -> str:
    if form is None:
        return ""
    return "；".join(f"{form.fields[name].label if name in form.fields else ''}{' ' if name in form.fields else ''}{e}"
                    for name, errors in form.errors.items() for e in errors)


SECTIONS = {
    "basic": (lambda app, data: BasicForm(data, application=app), "basic"),
    "profile": (lambda app, data: ProfileForm(data), "profile"),
    "mode": (lambda app, data: ModeForm(data), "mode"),
    "assessment": (lambda app, data: SelfAssessmentForm(data, application=app), "assessment"),
}


@login_required
@require_POST
def save_section(request, pk: int, section: str):
    application = visible_or_404(request, pk)
    if section not in SECTIONS:
        raise Http404
    build, anchor = SECTIONS[section]
    form = build(application, request.POST)
    if not form.is_valid():
        return _refused(request, application, anchor, form=form, forms={section: form})
    changes = {"self_assessment": form.sections()} if section == "assessment" else dict(form.cleaned_data)
    with domain_errors(request, form=None if request.htmx else form) as outcome:
        services.update_application(application, request.user, **changes)
    if outcome.failed:
        return _refused(request, application, anchor, outcome=outcome, forms={section: form})
    return _saved(request, application, anchor, _("已保存。"))


@login_required
@require_POST
def upload(request, pk: int):
    application = visible_or_404(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            attachment = services.add_attachment(application, request.user, d["file"], kind=d["kind"],
                                                 trade_secret=d["trade_secret"], description=d["description"])
        if outcome.ok:
            messages.success(request, _("已上传「%(name)s」。") % {"name": attachment.original_name})
            return redirect(reverse("applications:detail", args=[pk]) + "#attachments")
    return render(request, "applications/detail.html",
                  page_context(request, application, forms={"attachment": form}), status=422)


@login_required
@require_POST
def remove_attachment(request, pk: int):
    attachment = get_object_or_404(Attachment, pk=pk)
    application = visible_or_404(request, attachment.application_id)
    with domain_errors(request) as outcome:
        services.remove_attachment(attachment, request.user)
    if outcome.ok:
        messages.success(request, _("已删除「%(name)s」。") % {"name": attachment.original_name})
    return redirect(reverse("applications:detail", args=[application.pk]) + "#attachments")


@login_required
@require_GET
def download(request, pk: int):
    attachment = get_object_or_404(Attachment, pk=pk)
    visible_or_404(request, attachment.application_id)
    with domain_errors(request) as outcome:
        response = attachment_response(attachment, request.user)
    if outcome.failed:
        return redirect(reverse("applications:detail", args=[attachment.application_id]) + "#attachments")
    return response


@login_required
@require_POST
def add_talent(request, pk: int):
    application = visible_or_404(request, pk)
    form = TalentForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            _talent_with_evidence(application, request.user, d)
        if outcome.ok:
            messages.success(request, _("已登记引进人才「%(name)s」，待领导小组办公室核实。") % {"name": d["name"]})
            return redirect(reverse("applications:detail", args=[pk]) + "#talents")
    return render(request, "applications/detail.html",
                  page_context(request, application, forms={"talent": form}), status=422)


def _with_evidence(application, user, upload, *, kind: str, description: str = "", then):
    """Store the evidence file, then run ``then(evidence)``; a refused operation takes its file with it."""
    evidence = None
    if upload:
        evidence = services.add_attachment(application, user, upload, kind=kind, description=description)
    try:
        with transaction.atomic():
            return then(evidence)
    except BaseException:
        if evidence is not None:
            services.remove_attachment(evidence, user)
        raise


def _talent_with_evidence(application, user, d):
    return _with_evidence(
        application, user, d["evidence"], kind=AttachmentKind.TALENT,
        description=_("%(name)s 的证明材料") % {"name": d["name"]},
        then=lambda evidence: services.add_talent(
            application, user, name=d["name"], level=d["level"], introduced_on=d["introduced_on"],
            title=d["title"], field=d["field"], evidence=evidence),
    )


@login_required
@require_POST
def remove_talent(request, pk: int):
    talent = get_object_or_404(TalentRecord, pk=pk)
    visible_or_404(request, talent.application_id)
    with domain_errors(request) as outcome:
        services.remove_talent(talent, request.user)
    if outcome.ok:
        messages.success(request, _("已删除引进人才记录。"))
    return redirect(reverse("applications:detail", args=[talent.application_id]) + "#talents")


@login_required
@require_POST
def publicity(request, pk: int):
    application = visible_or_404(request, pk)
    form = PublicityForm(request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        previous = getattr(getattr(application, "publicity", None), "evidence", None)
        with domain_errors(request, form=form) as outcome:
            _with_evidence(application, request.user, d["evidence"], kind=AttachmentKind.PUBLICITY, then=(
                lambda evidence: services.record_publicity(
                    application, request.user, start_on=d["start_on"], end_on=d["end_on"], result=d["result"],
                    scope=d["scope"], result_note=d["result_note"], evidence=evidence or previous)))
        if outcome.ok:
            from ..eligibility import publicity_too_short

            result = publicity_too_short(application)
            (messages.success if result.passed else messages.warning)(
                request, _("内部公示已登记：%(detail)s") % {"detail": result.detail})
            return redirect(reverse("applications:detail", args=[pk]) + "#publicity")
    return render(request, "applications/detail.html",
                  page_context(request, application, forms={"publicity": form}), status=422)


@login_required
@require_POST
def commitment(request, pk: int):
    application = visible_or_404(request, pk)
    form = CommitmentForm(request.POST)
    if form.is_valid():
        with domain_errors(request, form=form) as outcome:
            services.sign_commitment(application, request.user, signer=form.cleaned_data["signer"],
                                     no_state_secret=form.cleaned_data["no_state_secret"])
        if outcome.ok:
            messages.success(request, _("承诺书已签署。"))
            return redirect(reverse("applications:detail", args=[pk]) + "#submit")
    return render(request, "applications/detail.html",
                  page_context(request, application, forms={"commitment": form}), status=422)


ACTION_MESSAGES = {
    "submit": gettext_lazy("申报已提交至%(receiver)s，请留意审核结果。"),
    "dept_approve": gettext_lazy("已审核通过，已通知推荐单位。"),
    "return": gettext_lazy("已退回申报者修改。"),
    "reject": gettext_lazy("已作出不通过决定，并通知申报者。"),
    "recommend": gettext_lazy("已推荐至领导小组办公室。"),
    "accept": gettext_lazy("已受理，列入受理名单。"),
    "withdraw": gettext_lazy("申报已撤回。"),
}


@login_required
@require_POST
def action(request, pk: int, action: str):
    application = visible_or_404(request, pk)
    form = ActionForm(request.POST, action=action)
    form.is_valid()
    with domain_errors(request) as outcome:
        application = services.perform(application, action, request.user,
                                       reason=form.cleaned_data.get("reason", ""), checks=form.checks(),
                                       level=form.cleaned_data.get("level", ""))
    if outcome.ok:
        template = ACTION_MESSAGES.get(action, gettext_lazy("操作已完成。"))
        messages.success(request, template % {"receiver": application.receiver})
    return redirect("applications:detail", pk=pk)
