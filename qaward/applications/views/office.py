"""The office's formal-review tools (第十七条), the history of winners (第十三、三十条) and the outbox."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qaward.core.web import domain_errors
from qaward.programs.models import Edition

from .. import notifications, services
from ..enums import OutboxStatus
from ..forms import AwardRecordForm, OpinionAnswerForm, OpinionRequestForm, RevocationForm, VerifyTalentForm
from ..models import AwardRecord, OpinionRequest, OutboxEmail, TalentRecord
from .detail import page_context, visible_or_404


def _back(pk: int, anchor: str) -> str:
    return reverse("applications:detail", args=[pk]) + f"#{anchor}"


@login_required
@require_POST
def request_opinion(request, pk: int):
    application = visible_or_404(request, pk)
    form = OpinionRequestForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            services.request_opinion(application, request.user, department=d["department"],
                                     request_text=d["request_text"], requested_on=d["requested_on"])
        if outcome.ok:
            messages.success(request, _("已登记向%(dept)s书面征求意见。") % {"dept": d["department"]})
            return redirect(_back(pk, "opinions"))
    return render(request, "applications/detail.html",
                  page_context(request, application, forms={"opinion": form}), status=422)


@login_required
@require_POST
def answer_opinion(request, pk: int):
    opinion = get_object_or_404(OpinionRequest, pk=pk)
    application = visible_or_404(request, opinion.application_id)
    form = OpinionAnswerForm(request.POST)
    if form.is_valid():
        with domain_errors(request) as outcome:
            services.answer_opinion(opinion, request.user, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("已登记%(dept)s的书面意见。") % {"dept": opinion.department})
    else:
        messages.error(request, _("请填写复函日期和书面意见。"))
    return redirect(_back(application.pk, "opinions"))


@login_required
@require_POST
def verify_talent(request, pk: int):
    talent = get_object_or_404(TalentRecord, pk=pk)
    visible_or_404(request, talent.application_id)
    form = VerifyTalentForm(request.POST)
    if form.is_valid():
        with domain_errors(request) as outcome:
            services.verify_talent(talent, request.user, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("已核实「%(name)s」。") % {"name": talent.name})
    return redirect(_back(talent.application_id, "talents"))


@login_required
def history(request):
    """Past winners and revocations, by edition: what the repeat-application rules read."""
    if not request.user.has_perm("applications.manage_history"):
        raise PermissionDenied
    form = AwardRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            services.record_award(d["edition"], d["applicant"], d["level"], request.user)
        if outcome.ok:
            messages.success(request, _("已登记获奖记录。"))
            return redirect("applications:history")
    records = AwardRecord.objects.select_related("edition", "applicant").order_by("-edition__year", "level")
    return render(request, "applications/history.html", {
        "form": form, "records": records, "revocation_form": RevocationForm(),
        "historical_editions": Edition.objects.filter(is_historical=True).count(),
    }, status=422 if form.errors else 200)


@login_required
@require_POST
def revoke(request, pk: int):
    record = get_object_or_404(AwardRecord, pk=pk)
    form = RevocationForm(request.POST)
    if form.is_valid():
        with domain_errors(request) as outcome:
            services.record_revocation(record, request.user, revoked_on=form.cleaned_data["revoked_on"],
                                       note=form.cleaned_data["note"])
        if outcome.ok:
            messages.success(request, _("已登记撤销，自撤销当年起3个评选周期内不得申报（第三十条）。"))
    else:
        messages.error(request, _("请填写撤销日期和撤销依据。"))
    return redirect("applications:history")


@login_required
def outbox(request):
    if not request.user.has_perm("applications.view_outbox"):
        raise PermissionDenied
    status = request.GET.get("status", "")
    emails = OutboxEmail.objects.all()
    if status in OutboxStatus.values:
        emails = emails.filter(status=status)
    counts = dict(OutboxEmail.objects.values_list("status").annotate(n=Count("pk")))
    return render(request, "applications/outbox.html", {
        "emails": emails[:200], "status": status,
        "statuses": [(value, label, counts.get(value, 0)) for value, label in OutboxStatus.choices],
    })


@login_required
@require_POST
def outbox_action(request, pk: int, verb: str):
    if not request.user.has_perm("applications.view_outbox"):
        raise PermissionDenied
    email = get_object_or_404(OutboxEmail, pk=pk)
    if verb == "retry":
        notifications.retry(email, request.user)
        messages.success(request, _("已重新加入发送队列：%(to)s") % {"to": email.to_address})
    elif verb == "hold":
        notifications.hold(email, request.user)
        messages.success(request, _("已暂停发送：%(to)s") % {"to": email.to_address})
    return redirect("applications:outbox")


@login_required
def inbox_notifications(request):
    if request.method == "POST":
        count = notifications.mark_read(request.user)
        messages.success(request, _("已将 %(n)s 条通知标为已读。") % {"n": count})
        return redirect("applications:notifications")
    notes = request.user.notifications.select_related("application")[:200]
    return render(request, "applications/notifications.html", {"notes": notes})
