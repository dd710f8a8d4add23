"""The applicant's own list: their applications and the editions open for a new one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qaward.applicants.rules import applicants_of
from qaward.core.web import domain_errors
from qaward.programs.models import Edition, EditionStage

from .. import services
from ..models import Application
from ..queries import listing


@login_required
def my_applications(request):
    applicants = list(applicants_of(request.user).select_related("organization__division"))
    applications = (listing(Application.objects.filter(applicant__in=applicants))
                    .select_related("edition", "applicant", "receiver").order_by("-edition__year", "-pk"))
    started = {a.edition_id for a in applications if a.state != "withdrawn"}
    open_editions = [e for e in Edition.objects.filter(stage=EditionStage.OPEN).select_related("program")
                     if e.pk not in started]
    return render(request, "applications/mine.html", {
        "applicants": applicants, "applications": applications, "open_editions": open_editions,
    })


@login_required
@require_POST
def start(request, edition_pk: int):
    edition = get_object_or_404(Edition, pk=edition_pk)
    applicant = applicants_of(request.user).first()
    if applicant is None:
        messages.error(request, _("您的账号尚未关联申报者，请先注册。"))
        return redirect("applicants:register")
    with domain_errors(request) as outcome:
        application = services.start_application(edition, applicant, request.user)
    if outcome.failed:
        return redirect("applications:list")
    messages.success(request, _("已创建申报，请逐项填写。右侧清单会随时告诉您还缺什么。"))
    return redirect("applications:detail", pk=application.pk)
