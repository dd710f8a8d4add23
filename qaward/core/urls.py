from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("audit/", views.audit_trail, name="audit_trail"),
    path("audit/verify/", views.verify_trail, name="audit_verify"),
    path("audit/verify/<int:pk>/", views.verification, name="audit_verification"),
    path("audit/verify/<int:pk>/progress/", views.verification_progress, name="audit_verification_progress"),
]
