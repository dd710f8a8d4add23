"""Work queues of the chain (第十六、十七条), the acceptance list, and the Excel exports."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from qaward.accounts.enums import Role
from qaward.programs.models import Edition, EditionStage

from .. import exports
from ..enums import ApplicationState
from ..queries import (
    acceptance_list,
    counts_by_state,
    formal_review_queue,
    listing,
    receiver_queue,
    recommendation_queue,
    visible_applications,
)

# Still with the receiving department or the recommender (第十六条), as the office sees them.
IN_CHAIN = (ApplicationState.SUBMITTED, ApplicationState.DEPT_APPROVED, ApplicationState.RETURNED)


def _handled(user, pending):
    return (listing(visible_applications(user)).exclude(pk__in=[a.pk for a in pending])
            .exclude(state=ApplicationState.DRAFT).order_by("-submitted_at"))


@login_required
def inbox(request):
    """The receiving department's audits and the county government's (or industry authority's) recommendations."""
    user = request.user
    if not ({Role.COUNTY_MSA, Role.INDUSTRY_AUTHORITY, Role.COUNTY_GOVERNMENT} & user.role_codes()):
        raise PermissionDenied
    to_audit = list(receiver_queue(user).order_by("submitted_at"))
    to_recommend = list(recommendation_queue(user).order_by("submitted_at"))
    return render(request, "applications/inbox.html", {
        "to_audit": to_audit, "to_recommend": to_recommend,
        "handled": _handled(user, to_audit + to_recommend)[:100],
        "audits": bool({Role.COUNTY_MSA, Role.INDUSTRY_AUTHORITY} & user.role_codes()),
        "recommends": bool({Role.COUNTY_GOVERNMENT, Role.INDUSTRY_AUTHORITY} & user.role_codes()),
    })


def _current_edition():
    return (Edition.objects.filter(is_historical=False).exclude(stage=EditionStage.PREPARING)
            .order_by("-year").first())


@login_required
def formal_review(request):
    user = request.user
    if not user.has_perm("applications.formal_review"):
        raise PermissionDenied
    edition = _current_edition()
    queue = list(formal_review_queue(user).order_by("submitted_at"))
    counts, in_chain = [], []
    if edition is not None:
        applications = visible_applications(user).filter(edition=edition)
        counts = [(label, state, n) for state, label, n in counts_by_state(applications)]
        in_chain = list(listing(applications).filter(state__in=IN_CHAIN))
    return render(request, "applications/formal_review.html", {
        "edition": edition, "queue": queue, "counts": counts, "in_chain": in_chain,
    })


def _edition_or_current(edition_pk):
    if edition_pk is not None:
        return get_object_or_404(Edition, pk=edition_pk)
    return _current_edition()


@login_required
def acceptance(request, edition_pk: int | None = None):
    """第十七条 受理名单: what the office accepted; its public notice is published from the notices pages."""
    edition = _edition_or_current(edition_pk)
    if edition is None:
        return render(request, "applications/acceptance.html", {"edition": None, "rows": []})
    if edition_pk is None:
        return redirect("applications:acceptance_edition", edition_pk=edition.pk)
    visible = visible_applications(request.user).filter(edition=edition).values("pk")
    rows = list(acceptance_list(edition).filter(pk__in=visible))
    return render(request, "applications/acceptance.html", {
        "edition": edition, "rows": rows,
        "organizations": [a for a in rows if a.applicant.is_organization],
        "individuals": [a for a in rows if not a.applicant.is_organization],
        "editions": Edition.objects.filter(is_historical=False).exclude(stage=EditionStage.PREPARING).order_by("-year"),
    })


@login_required
def acceptance_xlsx(request, edition_pk: int):
    edition = get_object_or_404(Edition, pk=edition_pk)
    visible = visible_applications(request.user).filter(edition=edition).values("pk")
    rows = list(acceptance_list(edition).filter(pk__in=visible))
    return exports.columns_response(f"{edition.title}受理名单.xlsx", f"{edition.title}受理名单",
                                    exports.ACCEPTANCE_COLUMNS, rows)


@login_required
def applications_xlsx(request):
    """The applications the caller may see (their department's, or all for the office), as a workbook."""
    queryset = listing(visible_applications(request.user)).exclude(state=ApplicationState.DRAFT)
    edition = _edition_or_current(request.GET.get("edition") or None)
    if edition is not None:
        queryset = queryset.filter(edition=edition)
    state = request.GET.get("state")
    if state in ApplicationState.values:
        queryset = queryset.filter(state=state)
    title = f"{edition.title if edition else ''}申报汇总"
    stamp = timezone.localdate().strftime("%Y%m%d")
    return exports.columns_response(f"{title}{stamp}.xlsx", title, exports.APPLICATION_COLUMNS,
                                    queryset.order_by("pk"))
