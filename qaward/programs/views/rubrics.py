"""Rubric pages: the points of each category and item, the scoring bands, and the office's edits."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qaward.core.exports import xlsx_response
from qaward.core.web import domain_errors

from .. import rubrics as rubric_service
from ..forms import ItemPointsForm
from ..models import Rubric, RubricItem, ScoringBand
from ..rules import can_edit_rubrics, can_view_office_pages


def _require_viewer(request) -> None:
    if not can_view_office_pages(request.user):
        raise PermissionDenied


def _require_editor(request) -> None:
    if not can_edit_rubrics(request.user):
        raise PermissionDenied


@login_required
def rubric_list(request):
    _require_viewer(request)
    rubrics = list(rubric_service.with_structure(Rubric.objects.order_by("track", "code")))
    locks = rubric_service.locking_editions(rubrics)
    rows = [{"rubric": r, "problems": rubric_service.check_rubric(r), "locked_by": locks.get(r.pk)} for r in rubrics]
    return render(request, "programs/rubric_list.html", {"rows": rows})


@login_required
def rubric_export(request):
    _require_viewer(request)
    headers = [_("代码"), _("名称"), _("依据标准"), _("适用对象"), _("总分"), _("分值核对"), _("已核对")]
    rows = ([r.code, r.name, r.standard, r.get_track_display(), r.total_points,
             _("不平衡") if rubric_service.check_rubric(r) else _("平衡"), _("是") if r.verified else _("否")]
            for r in rubric_service.with_structure(Rubric.objects.order_by("track", "code")))
    return xlsx_response("评分标准列表.xlsx", _("评分标准"), headers, rows)


def _render_detail(request, rubric: Rubric, *, status: int = 200, bound: tuple[int, ItemPointsForm] | None = None):
    categories = list(rubric.categories.prefetch_related("items"))
    editable = can_edit_rubrics(request.user) and rubric_service.is_editable(rubric)
    forms = {}
    if editable:
        for category in categories:
            for item in category.items.all():
                forms[item.pk] = ItemPointsForm(prefix=f"item{item.pk}", initial={"points": item.points})
        if bound is not None:
            forms[bound[0]] = bound[1]
    sections = [
        {"category": c, "items": [(item, forms.get(item.pk)) for item in c.items.all()],
         "items_total": sum(item.points for item in c.items.all())}
        for c in categories
    ]
    return render(request, "programs/rubric_detail.html", {
        "rubric": rubric,
        "sections": sections,
        "categories_total": sum(c.points for c in categories),
        "problems": rubric_service.check_rubric(rubric),
        "bands": ScoringBand.objects.all(),
        "locked_by": rubric_service.locking_edition(rubric),
        "editable": editable,
        "can_verify": can_edit_rubrics(request.user) and not rubric.verified,
    }, status=status)


@login_required
def rubric_detail(request, code: str):
    _require_viewer(request)
    return _render_detail(request, get_object_or_404(Rubric, code=code))


@login_required
def rubric_items_export(request, code: str):
    _require_viewer(request)
    rubric = get_object_or_404(Rubric, code=code)
    headers = [_("类目"), _("类目名称"), _("类目分值"), _("条款"), _("评分条目"), _("分值"), _("条目类型"), _("依据"),
               _("要点")]
    rows = ([i.category.code, i.category.name, i.category.points, i.code, i.name, i.points, i.get_kind_display(),
             i.source, i.guidance]
            for i in RubricItem.objects.filter(category__rubric=rubric).select_related("category")
            .order_by("category__order", "order"))
    return xlsx_response(f"{rubric.code}.xlsx", rubric.code, headers, rows)


@login_required
@require_POST
def rubric_verify(request, code: str):
    _require_editor(request)
    rubric = get_object_or_404(Rubric, code=code)
    with domain_errors(request) as outcome:
        rubric_service.mark_verified(rubric, request.user, reason=request.POST.get("reason", "").strip())
    if outcome.failed:
        return _render_detail(request, rubric, status=outcome.status)
    messages.success(request, _("已确认「%(name)s」的分值与标准文本一致。") % {"name": rubric.name})
    return redirect("programs:rubric_detail", code=rubric.code)


@login_required
@require_POST
def rubric_item_points(request, pk: int):
    _require_editor(request)
    item = get_object_or_404(RubricItem.objects.select_related("category__rubric"), pk=pk)
    rubric = item.category.rubric
    form = ItemPointsForm(request.POST, prefix=f"item{item.pk}")
    if not form.is_valid():
        return _render_detail(request, rubric, status=422, bound=(item.pk, form))
    with domain_errors(request) as outcome:
        rubric_service.update_item_points(item, form.cleaned_data["points"], request.user,
                                          reason=form.cleaned_data["reason"])
    if outcome.failed:
        return _render_detail(request, rubric, status=outcome.status, bound=(item.pk, form))
    messages.success(request, _("「%(item)s」的分值已改为 %(points)s 分。") % {
        "item": f"{item.code} {item.name}", "points": form.cleaned_data["points"]})
    return redirect("programs:rubric_detail", code=rubric.code)
