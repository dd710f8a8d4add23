from django.contrib import admin
from django.urls import include, path

from qaward.api.root import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("qaward.accounts.urls")),
    path("api/v1/", api.urls),
    path("supervision/", include("qaward.core.urls")),
    path("office/", include("qaward.programs.urls")),
    path("notices/", include("qaward.notices.urls")),
    path("applications/", include("qaward.applications.urls")),
    path("applicants/", include("qaward.applicants.urls")),
    path("", include("qaward.portal.urls")),
]
