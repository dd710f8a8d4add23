"""Public pages (第二十七、二十八条): notices, objections without login, tracking, winners."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qaward.core.web import domain_errors
from qaward.programs.calendar import count_workdays

from .. import queries
from ..enums import KIND_ARTICLE
from ..forms import ObjectionForm, TrackForm
from ..models import PublicNotice
from ..models.notices import NoticeStatus
from ..objections import UPHELD_PUBLIC_NOTE, check_open_for_objections, file_objection, track
from ..pdf import render_notice_pdf
from ..services import quota_rows
from ..throttle import objection_throttle

RECEIPT_SESSION_KEY = "notices_objection_receipt"


def notice_list(request):
    today = timezone.localdate()
    return render(request, "notices/public_list.html", {
        "running": queries.with_workdays_left(queries.public_running_notices(today), today),
        "upcoming": queries.upcoming_notices(today),
        "recent_past": queries.past_notices(today)[:5],
        "today": today,
    })


def past_list(request):
    page = Paginator(queries.past_notices(), 20).get_page(request.GET.get("page"))
    return render(request, "notices/past_list.html", {"page": page})


def _public_notice(pk: int) -> PublicNotice:
    return get_object_or_404(PublicNotice.objects.select_related("edition", "edition__program", "division"), pk=pk)


def notice_context(notice: PublicNotice, *, today=None) -> dict:
    today = today or timezone.localdate()
    entries = list(queries.entries_of(notice))
    status = notice.status_on(today)
    return {
        "notice": notice,
        "entries": entries,
        "active_entries": [e for e in entries if not e.is_removed],
        "removed_entries": [e for e in entries if e.is_removed],
        "status": status,
        "status_label": NoticeStatus(status).label,
        "is_running": status == NoticeStatus.RUNNING,
        "workdays_left": count_workdays(today, notice.end) if status == NoticeStatus.RUNNING else None,
        "article": KIND_ARTICLE[notice.kind],
        "quotas": quota_rows(notice.edition.program, entries),
        "shows_levels": any(e.level for e in entries),
        "has_units": any(e.unit for e in entries),
        "has_regions": any(e.region for e in entries),
        "program": notice.edition.program,
    }


def notice_detail(request, pk: int):
    notice = _public_notice(pk)
    context = notice_context(notice)
    if context["is_running"]:
        initial = {"entry": request.GET.get("entry")} if request.GET.get("entry") else None
        context["form"] = ObjectionForm(initial=initial, entries=context["active_entries"])
    return render(request, "notices/detail.html", context)


def notice_print(request, pk: int):
    notice = _public_notice(pk)
    pdf = render_notice_pdf(notice, notice_context(notice))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-{notice.pk}.pdf"'
    return response


@require_POST
def object_to_notice(request, pk: int):
    notice = _public_notice(pk)
    context = notice_context(notice)
    if not context["is_running"]:
        # Refused politely before reading the form: the notice itself says when objections were taken.
        messages.error(request, check_open_for_objections(notice, timezone.localdate()).message)
        return render(request, "notices/detail.html", context, status=422)
    form = ObjectionForm(request.POST, request.FILES, entries=context["active_entries"])
    if not objection_throttle().allow_request(request):
        messages.error(request, _("提交过于频繁，请稍后再试；也可以向监督组书面反映。"))
        return render(request, "notices/detail.html", {**context, "form": form, "form_open": True}, status=429)
    if form.is_valid():
        entry = next(e for e in context["active_entries"] if e.pk == form.cleaned_data["entry"])
        with domain_errors(request, form=form) as outcome:
            objection = file_objection(
                notice, entry, content=form.cleaned_data["content"], anonymous=form.anonymous,
                identity=form.identity(), files=form.cleaned_data["evidence"],
            )
        if outcome.ok:
            # The code is shown once, on the next page, and never travels in a URL (logs, history).
            request.session[RECEIPT_SESSION_KEY] = objection.tracking_code
            return redirect("notices:receipt")
    return render(request, "notices/detail.html", {**context, "form": form, "form_open": True}, status=422)


def receipt(request):
    code = request.session.pop(RECEIPT_SESSION_KEY, None)
    if code is None:
        return redirect("notices:track")
    objection = track(code)
    return render(request, "notices/receipt.html", {"objection": objection})


def track_objection(request):
    form = TrackForm(request.POST or None)
    objection, searched = None, False
    if request.method == "POST" and form.is_valid():
        searched = True
        objection = track(form.cleaned_data["code"])
    status = 200 if not searched or objection else 404
    return render(request, "notices/track.html", {
        "form": form, "objection": objection, "searched": searched, "upheld_note": UPHELD_PUBLIC_NOTE,
    }, status=status)


def how_to_object(request):
    return render(request, "notices/how_to_object.html", {
        "running": queries.public_running_notices(),
        "track_url": reverse("notices:track"),
    })


def winners(request):
    return render(request, "notices/winners.html", {"editions": queries.winners()})
