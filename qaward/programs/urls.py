from django.urls import path

from .views import calendar as calendar_views
from .views import editions, rubrics

app_name = "programs"

urlpatterns = [
    path("calendar/", calendar_views.calendar_year, name="calendar"),
    path("calendar/<int:year>/", calendar_views.calendar_year, name="calendar"),
    path("calendar/overrides/<int:pk>/delete/", calendar_views.calendar_override_delete,
         name="calendar_override_delete"),
    # Editions (第四、十四～二十一条)
    path("editions/", editions.edition_list, name="edition_list"),
    path("editions/export.xlsx", editions.edition_export, name="edition_export"),
    path("editions/new/", editions.edition_create, name="edition_create"),
    path("editions/<int:pk>/", editions.edition_detail, name="edition_detail"),
    path("editions/<int:pk>/plan/", editions.edition_plan, name="edition_plan"),
    path("editions/<int:pk>/rubrics/", editions.edition_rubrics, name="edition_rubrics"),
    path("editions/<int:pk>/approvals/", editions.edition_approval, name="edition_approval"),
    path("editions/<int:pk>/call/", editions.edition_call, name="edition_call"),
    path("editions/<int:pk>/actions/<slug:action>/", editions.edition_action, name="edition_action"),
    # Rubrics (第三条)
    path("rubrics/", rubrics.rubric_list, name="rubric_list"),
    path("rubrics/export.xlsx", rubrics.rubric_export, name="rubric_export"),
    path("rubrics/items/<int:pk>/points/", rubrics.rubric_item_points, name="rubric_item_points"),
    path("rubrics/<slug:code>/", rubrics.rubric_detail, name="rubric_detail"),
    path("rubrics/<slug:code>/export.xlsx", rubrics.rubric_items_export, name="rubric_items_export"),
    path("rubrics/<slug:code>/verify/", rubrics.rubric_verify, name="rubric_verify"),
]
