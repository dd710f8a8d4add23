from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("rules/", views.rules, name="rules"),
    path("how-to-report/", views.report_guide, name="report_guide"),
    path("todo/", views.todo, name="todo"),
    path("workbench/", views.workbench, name="workbench"),
]
