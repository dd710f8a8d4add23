"""The application page: the applicant's form, the departments' review page, and its history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from ..models import Application


def visible_or_404(request, pk: int) -> Application:
    application = get_object_or_404(Application.objects.select_related("edition__program", "applicant"), pk=pk)
    if not request.user.has_perm("applications.view_application", application):
        raise Http404
    return application


@login_required
def detail(request, pk: int):
    application = visible_or_404(request, pk)
    return render(request, "applications/detail.html", {"application": application})
