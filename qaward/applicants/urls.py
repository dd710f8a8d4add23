from django.urls import path

from . import views

app_name = "applicants"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/organization/", views.register_organization, name="register_organization"),
    path("register/individual/", views.register_individual, name="register_individual"),
    path("profile/", views.profile, name="profile"),
    path("<int:pk>/", views.applicant_detail, name="detail"),
    path("<int:pk>/update/", views.profile_update, name="update"),
    path("<int:pk>/records/<str:record_type>/", views.record_add, name="record_add"),
    path("records/<str:record_type>/<int:pk>/delete/", views.record_remove, name="record_remove"),
    path("<int:pk>/id-number/", views.reveal_id_number, name="reveal_id_number"),
]
