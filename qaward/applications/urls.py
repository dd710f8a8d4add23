from django.urls import path

from .views import detail

app_name = "applications"

urlpatterns = [
    path("<int:pk>/", detail.detail, name="detail"),
]
