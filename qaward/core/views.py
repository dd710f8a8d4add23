"""The supervision group's view of the audit trail (第十八条: 监督组 watches every step)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from . import audit
from . import verification as verification_service
from .audit_labels import action_label
from .forms import AuditFilterForm, object_type_label
from .models import AuditRecord, AuditVerification

PER_PAGE = 50
# Records shown on each side of a broken link, so the reader sees it in its neighbourhood.
BROKEN_CONTEXT = 5


def _rows(records) -> list[dict]:
    return [{"record": r, "object_type_label": object_type_label(r.object_type), "action_label": action_label(r.action)}
            for r in records]


def _context(request, form: AuditFilterForm, **extra) -> dict:
    page = Paginator(form.filter(AuditRecord.objects.order_by("-sequence")), PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return {"form": form, "page": page, "rows": _rows(page.object_list), "query": query.urlencode(),
            "filtered": bool(form.applied()), **extra}


@login_required
@permission_required("core.view_audit_trail", raise_exception=True)
def audit_trail(request):
    form = AuditFilterForm(request.GET or None)
    context = _context(request, form)
    # Reading the trail is itself a sensitive read; it is recorded after the page was read, so the
    # reader's own record shows up on the next visit.
    audit.record_read("audit.view_trail", actor=request.user,
                      after={"filters": form.applied(), "page": context["page"].number})
    return render(request, "core/audit_trail.html", context)


def _around(broken_at: int) -> list[dict]:
    """The records around a broken link, newest first, with a placeholder where one is missing."""
    low, high = max(1, broken_at - BROKEN_CONTEXT), broken_at + BROKEN_CONTEXT
    found = {r.sequence: r for r in AuditRecord.objects.filter(sequence__range=(low, high))}
    rows = []
    for sequence in range(high, low - 1, -1):
        if sequence in found:
            rows.extend(_rows([found[sequence]]))
        elif sequence == broken_at:
            rows.append({"missing": sequence})
    return rows


@login_required
@permission_required("core.verify_audit_trail", raise_exception=True)
@require_POST
def verify_trail(request):
    """Start a check of the whole chain in the background and show its page, which follows it."""
    verification = verification_service.start(request.user)
    return redirect("core:audit_verification", pk=verification.pk)


@login_required
@permission_required("core.verify_audit_trail", raise_exception=True)
def verification(request, pk: int):
    """A check's page: its progress while it runs, then the result above the trail, with the
    records around the first broken link when there is one."""
    check = get_object_or_404(AuditVerification.objects.select_related("started_by"), pk=pk)
    report = check if check.finished else None
    context = _context(request, AuditFilterForm(None), verification=check, report=report)
    if report is not None and not report.intact:
        context["rows"] = _around(report.broken_at)
        context["page"] = None
    return render(request, "core/audit_trail.html", context)


@login_required
@permission_required("core.verify_audit_trail", raise_exception=True)
@require_GET
def verification_progress(request, pk: int):
    """The panel the page polls every 2 s; once the check has ended, htmx loads its page again."""
    check = get_object_or_404(AuditVerification.objects.select_related("started_by"), pk=pk)
    if request.htmx and not check.under_way:
        return HttpResponseClientRedirect(reverse("core:audit_verification", args=[check.pk]))
    return render(request, "core/_verification.html", {"verification": check})
