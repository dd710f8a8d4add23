from django.urls import path

from . import user_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("login/verify/", views.verify, name="verify"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("two-factor/", views.two_factor, name="two_factor"),
    path("two-factor/remove/", views.two_factor_remove, name="two_factor_remove"),
    # The office's management of department staff accounts.
    path("users/", user_views.user_list, name="user_list"),
    path("users/export.xlsx", user_views.user_export, name="user_export"),
    path("users/new/", user_views.user_create, name="user_create"),
    path("users/<int:pk>/", user_views.user_detail, name="user_detail"),
    path("users/<int:pk>/grants/", user_views.grant_add, name="grant_add"),
    path("users/<int:pk>/grants/<int:grant_pk>/revoke/", user_views.grant_revoke, name="grant_revoke"),
    path("users/<int:pk>/deactivate/", user_views.user_deactivate, name="user_deactivate"),
    path("users/<int:pk>/reactivate/", user_views.user_reactivate, name="user_reactivate"),
    path("users/<int:pk>/reset-password/", user_views.user_reset_password, name="user_reset_password"),
]
