from django.urls import path

from .views import calendar as calendar_views

app_name = "programs"

urlpatterns = [
    path("calendar/", calendar_views.calendar_year, name="calendar"),
    path("calendar/<int:year>/", calendar_views.calendar_year, name="calendar"),
    path("calendar/overrides/<int:pk>/delete/", calendar_views.calendar_override_delete,
         name="calendar_override_delete"),
]
