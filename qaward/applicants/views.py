"""Registration (public) and the applicant's profile; the office's view of an applicant."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qaward.accounts.models import User
from qaward.core.masking import contact_for
from qaward.core.web import domain_errors

from . import services
from .forms import (
    RECORD_FORMS,
    IndividualRegistrationForm,
    OrganizationProfileForm,
    OrganizationRegistrationForm,
    PersonProfileForm,
    RevealForm,
)
from .models import AccidentRecord, Applicant, Honour, ViolationRecord
from .rules import applicants_of

RECORD_MODELS = {"honour": Honour, "accident": AccidentRecord, "violation": ViolationRecord}


def register(request):
    return render(request, "applicants/register_choice.html")


def _signed_in(request, username: str):
    user = User.objects.get(username=username.strip())
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("注册成功，欢迎使用。请先核对申报主体信息，然后开始填写本届申报。"))
    return redirect("applicants:profile")


def register_organization(request):
    form = OrganizationRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            services.register_organization(
                form.account(d["contact_name"]), name=d["name"], credit_code=d["credit_code"], kind=d["kind"],
                division=d["division"], established_on=d["established_on"], industry_code=d["industry_code"],
                legal_representative=d["legal_representative"], contact_name=d["contact_name"],
                contact_phone=d.get("phone", ""), address=d["address"],
            )
        if outcome.ok:
            return _signed_in(request, d["username"])
    return render(request, "applicants/register_form.html", {
        "form": form, "title": _("组织申报者注册"), "track": "organization",
    }, status=422 if form.errors else 200)


def register_individual(request):
    form = IndividualRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with domain_errors(request, form=form) as outcome:
            services.register_individual(
                form.account(d["name"]), name=d["name"], id_number=d["id_number"], employer_name=d["employer_name"],
                employer_kind=d["employer_kind"], division=d["division"], position=d["position"],
                quality_work_since=d["quality_work_since"], industry_code=d["industry_code"],
                conduct_declared=d["conduct_declared"], contact_phone=d.get("phone", ""),
            )
        if outcome.ok:
            return _signed_in(request, d["username"])
    return render(request, "applicants/register_form.html", {
        "form": form, "title": _("个人申报者注册"), "track": "individual",
    }, status=422 if form.errors else 200)


def _profile_initial(applicant: Applicant) -> dict:
    fields = services.APPLICANT_FIELDS + (services.ORG_FIELDS if applicant.is_organization else services.PERSON_FIELDS)
    profile = applicant.org_profile if applicant.is_organization else applicant.person_profile
    return {f: getattr(applicant if f in services.APPLICANT_FIELDS else profile, f) for f in fields}


def _profile_form(applicant, data=None):
    form_class = OrganizationProfileForm if applicant.is_organization else PersonProfileForm
    return form_class(data, initial=_profile_initial(applicant))


def _page(request, applicant, *, profile_form=None, record_forms=None, status=200):
    can_edit = request.user.has_perm("applicants.change_applicant", applicant)
    return render(request, "applicants/profile.html", {
        "applicant": applicant,
        "profile_form": profile_form or _profile_form(applicant),
        "record_forms": record_forms or {key: form() for key, form in RECORD_FORMS.items()},
        "can_edit": can_edit,
        "can_record_conduct": request.user.has_perm("applicants.record_conduct", applicant),
        "can_reveal": request.user.has_perm("applicants.read_id_number", applicant),
        "contact_phone": contact_for(request.user, applicant.contact_phone)[0],
        "reveal_form": RevealForm(),
        "locked": applicant.applications.filter(state__in=services.UNDER_REVIEW).exists(),
        "applications": applicant.applications.select_related("edition").order_by("-edition__year"),
    }, status=status)


@login_required
def profile(request):
    applicant = applicants_of(request.user).first()
    if applicant is None:
        return render(request, "applicants/no_applicant.html", status=404)
    return _page(request, applicant)


def _visible_or_404(request, pk: int) -> Applicant:
    """An applicant the user may see; to anyone else it does not exist (its pages and forms alike)."""
    applicant = get_object_or_404(Applicant.objects.select_related("organization__division"), pk=pk)
    if not request.user.has_perm("applicants.view_applicant", applicant):
        raise Http404
    return applicant


@login_required
def applicant_detail(request, pk: int):
    return _page(request, _visible_or_404(request, pk))


@login_required
@require_POST
def profile_update(request, pk: int):
    # A refused or invalid form re-renders the applicant's page: only for those who may see it.
    applicant = _visible_or_404(request, pk)
    form = _profile_form(applicant, request.POST)
    if form.is_valid():
        with domain_errors(request, form=form) as outcome:
            services.update_profile(applicant, request.user, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("申报主体信息已保存。"))
            return redirect(_back(request, applicant))
    return _page(request, applicant, profile_form=form, status=422)


def _back(request, applicant) -> str:
    if request.user.has_perm("applicants.change_applicant", applicant):
        return reverse("applicants:profile")
    return reverse("applicants:detail", args=[applicant.pk])


@login_required
@require_POST
def record_add(request, pk: int, record_type: str):
    applicant = _visible_or_404(request, pk)
    if record_type not in RECORD_FORMS:
        raise Http404
    form = RECORD_FORMS[record_type](request.POST)
    if form.is_valid():
        with domain_errors(request, form=form) as outcome:
            services.add_record(applicant, request.user, record_type, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("记录已添加。"))
            return redirect(_back(request, applicant) + f"#{record_type}s")
    forms = {key: (form if key == record_type else cls()) for key, cls in RECORD_FORMS.items()}
    return _page(request, applicant, record_forms=forms, status=422)


@login_required
@require_POST
def record_remove(request, record_type: str, pk: int):
    model = RECORD_MODELS.get(record_type)
    if model is None:
        raise Http404
    record = get_object_or_404(model, pk=pk)
    applicant = _visible_or_404(request, record.applicant_id)
    with domain_errors(request) as outcome:
        services.remove_record(record, request.user)
    if outcome.ok:
        messages.success(request, _("记录已删除。"))
    return redirect(_back(request, applicant) + f"#{record_type}s")


@login_required
@require_POST
def reveal_id_number(request, pk: int):
    applicant = _visible_or_404(request, pk)
    form = RevealForm(request.POST)
    number = None
    if form.is_valid():
        with domain_errors(request) as outcome:
            number = services.reveal_id_number(applicant, request.user, form.cleaned_data["reason"])
        if outcome.failed:
            raise Http404
    response = render(request, "applicants/id_number.html", {"applicant": applicant, "number": number, "form": form})
    response["Cache-Control"] = "private, no-store"
    return response
