"""Work pages: the office publishes and investigates, the leadership group decides (第七、八条), the
supervision group watches and alone sees who objected (第二十八条)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qaward.core.web import domain_errors
from qaward.programs.models import Edition
from qaward.programs.models.editions import STAGE_ORDER, EditionStage

from .. import queries
from ..enums import PUBLISHABLE_IN, NoticeKind, NoticeScope, ObjectionStatus
from ..forms import DecisionForm, FindingsForm, PublishForm, ReasonForm
from ..models import ObjectionEvidence, PublicNotice
from ..objections import decide_objection, objector_identity, record_findings
from ..rules import (
    can_decide_objections,
    can_investigate_objections,
    can_publish_notices,
    can_view_objections,
    can_view_objector_identity,
)
from ..services import (
    calendar_warnings,
    default_workdays,
    notice_end,
    publish_notice,
    quota_rows,
    withdraw_notice,
)
from ..sources import source_entries
from .public import notice_context


def _require(request, predicate) -> None:
    if not predicate(request.user):
        raise PermissionDenied


def _publishable_kinds(edition: Edition) -> list[NoticeKind]:
    return [NoticeKind(kind) for kind, stages in PUBLISHABLE_IN.items() if edition.stage in stages]


# --- the office: notices -------------------------------------------------------------------

@login_required
def manage(request):
    _require(request, can_view_objections)
    editions = queries.with_notices(
        Edition.objects.filter(is_historical=False, stage__in=STAGE_ORDER[STAGE_ORDER.index("open"):])
        .select_related("program").order_by("-year", "-number"))
    rows = [{"edition": e, "kinds": _publishable_kinds(e), "notices": e.listed_notices} for e in editions]
    return render(request, "notices/manage.html", {
        "rows": rows,
        "to_investigate": queries.count_to_investigate(),
        "to_decide": queries.count_to_decide(),
        "can_publish": can_publish_notices(request.user),
        "today": timezone.localdate(),
    })


def _publish_initial(edition: Edition, kind: str) -> dict:
    today = timezone.localdate()
    workdays = default_workdays(edition.program, kind)
    scope = NoticeScope.CITY if kind != NoticeKind.CANDIDATE else NoticeScope.REGION
    return {
        "title": f"关于{edition.title}{NoticeKind(kind).label.removesuffix('公示')}的公示",
        "scope": scope, "start": today, "workdays": workdays,
        "body": f"根据《{edition.program.rule_document.title}》有关规定，现将{edition.title}"
                f"{NoticeKind(kind).label.removesuffix('公示')}予以公示。",
        "contact": "公示期内，任何单位和个人对名单有异议的，可通过本系统“提出异议”在线提交，"
                   "或向运城市标准化和质量强市领导小组监督组书面反映。",
    }


@login_required
def publish(request, edition_pk: int, kind: str):
    _require(request, can_publish_notices)
    edition = get_object_or_404(Edition.objects.select_related("program", "program__rule_document"), pk=edition_pk)
    if kind not in NoticeKind.values:
        raise Http404
    source_label, source = source_entries(edition, kind)
    if request.method == "POST":
        form = PublishForm(request.POST, source=source)
    else:
        form = PublishForm(initial={**_publish_initial(edition, kind), "selected": list(range(len(source)))},
                           source=source)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            notice = publish_notice(
                edition, kind=kind, entries=form.entries(), title=data["title"], actor=request.user,
                start=data["start"], workdays=data["workdays"], scope=data["scope"], division=data["division"],
                industry=data["industry"], body=data["body"], contact=data["contact"],
                document_number=data["document_number"], reason=data["reason"],
            )
        if outcome.ok:
            messages.success(request, _("已发布「%(title)s」，公示期至%(end)s。") % {
                "title": notice.title, "end": date_format(notice.end)})
            return redirect("notices:manage_notice", pk=notice.pk)
        status = outcome.status
    elif request.method == "POST":
        status = 422
    preview_end, warnings = None, []
    start, workdays = form["start"].value(), form["workdays"].value()
    try:
        start_day = start if isinstance(start, dt.date) else dt.date.fromisoformat(str(start))
        preview_end = notice_end(start_day, int(workdays))
        warnings = calendar_warnings(start_day, preview_end)
    except (TypeError, ValueError):
        pass
    return render(request, "notices/publish.html", {
        "edition": edition, "kind": NoticeKind(kind), "form": form, "source": source, "source_label": source_label,
        "preview_end": preview_end, "calendar_warnings": warnings, "quotas": quota_rows(edition.program, source),
        "program": edition.program, "allowed": kind in [k.value for k in _publishable_kinds(edition)],
        "stage_label": EditionStage(edition.stage).label,
    }, status=status)


@login_required
def manage_notice(request, pk: int):
    _require(request, can_view_objections)
    notice = get_object_or_404(PublicNotice.objects.select_related("edition", "edition__program", "division"), pk=pk)
    context = notice_context(notice)
    context.update({
        "objections": queries.staff_objections().filter(notice=notice).order_by("-filed_at"),
        "withdraw_form": ReasonForm(),
        "can_publish": can_publish_notices(request.user),
    })
    return render(request, "notices/manage_notice.html", context)


@login_required
@require_POST
def withdraw(request, pk: int):
    _require(request, can_publish_notices)
    notice = get_object_or_404(PublicNotice, pk=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        with domain_errors(request) as outcome:
            withdraw_notice(notice, actor=request.user, reason=form.cleaned_data["reason"])
        if outcome.ok:
            messages.success(request, _("公示已撤回；原公示及撤回理由仍公开可查。"))
    else:
        messages.error(request, _("请填写撤回理由。"))
    return redirect("notices:manage_notice", pk=pk)


# --- objections: office, leadership, supervision -------------------------------------------

FILTERS = {
    "investigate": (gettext_lazy("待调查核实"), queries.objections_to_investigate),
    "decide": (gettext_lazy("待领导小组决定"), queries.objections_to_decide),
    "decided": (gettext_lazy("已办结"), lambda: queries.staff_objections().filter(
        status__in=[ObjectionStatus.UPHELD, ObjectionStatus.DISMISSED]).order_by("-decided_at")),
    "all": (gettext_lazy("全部"), lambda: queries.staff_objections().order_by("-filed_at")),
}


def _default_filter(user) -> str:
    if can_decide_objections(user) and not can_investigate_objections(user):
        return "decide"
    if can_investigate_objections(user):
        return "investigate"
    return "all"


@login_required
def objection_list(request):
    _require(request, can_view_objections)
    current = request.GET.get("show") or _default_filter(request.user)
    if current not in FILTERS:
        current = "all"
    label, query = FILTERS[current]
    return render(request, "notices/objection_list.html", {
        "objections": query(), "filters": [(key, text) for key, (text, _q) in FILTERS.items()],
        "current": current, "current_label": label,
        "is_supervision": can_view_objector_identity(request.user),
    })


def _staff_objection(pk: int):
    return get_object_or_404(queries.staff_objections(), pk=pk)


def _objection_page(request, objection, *, findings_form=None, decision_form=None, status=200):
    user = request.user
    return render(request, "notices/objection_detail.html", {
        "objection": objection,
        "notice": objection.notice,
        "evidence": list(objection.evidence.all()),
        "can_investigate": can_investigate_objections(user) and objection.is_open,
        "can_decide": can_decide_objections(user) and objection.status == ObjectionStatus.INVESTIGATING,
        "can_view_identity": can_view_objector_identity(user),
        "findings_form": findings_form or FindingsForm(initial={"findings": objection.findings}),
        "decision_form": decision_form or DecisionForm(),
    }, status=status)


@login_required
def objection_detail(request, pk: int):
    _require(request, can_view_objections)
    return _objection_page(request, _staff_objection(pk))


@login_required
@require_POST
def findings(request, pk: int):
    _require(request, can_investigate_objections)
    objection = _staff_objection(pk)
    form = FindingsForm(request.POST)
    if form.is_valid():
        with domain_errors(request, form=form) as outcome:
            record_findings(objection, actor=request.user, findings=form.cleaned_data["findings"])
        if outcome.ok:
            messages.success(request, _("调查核实情况已记录，提交领导小组决定。"))
            return redirect("notices:objection_detail", pk=pk)
        return _objection_page(request, objection, findings_form=form, status=outcome.status)
    return _objection_page(request, objection, findings_form=form, status=422)


@login_required
@require_POST
def decide(request, pk: int):
    _require(request, can_decide_objections)
    objection = _staff_objection(pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        with domain_errors(request, form=form) as outcome:
            decide_objection(objection, actor=request.user, upheld=form.upheld, reason=form.cleaned_data["reason"],
                             public_reply=form.cleaned_data["public_reply"])
        if outcome.ok:
            messages.success(request, _("处理决定已记录。") + (_("该条目已从公示名单中移除。") if form.upheld else ""))
            return redirect("notices:objection_detail", pk=pk)
        return _objection_page(request, objection, decision_form=form, status=outcome.status)
    return _objection_page(request, objection, decision_form=form, status=422)


@login_required
def evidence_file(request, pk: int, evidence_pk: int):
    _require(request, can_view_objections)
    item = get_object_or_404(ObjectionEvidence.objects.select_related("objection"), pk=evidence_pk, objection_id=pk)
    # FileResponse writes the Chinese name as RFC 5987 filename*, shown inline (not as_attachment).
    response = FileResponse(item.file.open("rb"), content_type=item.content_type, filename=item.label)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def reports_inbox(request):
    """The supervision group's view of every objection (第十八、二十八条)."""
    _require(request, can_view_objector_identity)
    return render(request, "notices/objection_list.html", {
        "objections": queries.staff_objections().order_by("-filed_at"), "filters": [],
        "current": "all", "current_label": _("全部异议"), "is_supervision": True,
    })


@login_required
def identity(request, pk: int):
    """Who objected: shown on an explicit POST only, so no link prefetch ever records a read."""
    _require(request, can_view_objector_identity)
    objection = _staff_objection(pk)
    person = None
    if request.method == "POST":
        person = objector_identity(objection, actor=request.user)
    return render(request, "notices/identity.html", {"objection": objection, "person": person})
