from django.urls import path

from .views import public, staff

app_name = "notices"

urlpatterns = [
    # Public (第十七、十九、二十、二十七、二十八条)
    path("", public.notice_list, name="public_list"),
    path("past/", public.past_list, name="past"),
    path("<int:pk>/", public.notice_detail, name="detail"),
    path("<int:pk>/print/", public.notice_print, name="print"),
    path("<int:pk>/object/", public.object_to_notice, name="object"),
    path("objections/receipt/", public.receipt, name="receipt"),
    path("track/", public.track_objection, name="track"),
    path("how-to-object/", public.how_to_object, name="how_to_object"),
    path("winners/", public.winners, name="winners"),
    # Office, leadership group, supervision group
    path("manage/", staff.manage, name="manage"),
    path("manage/editions/<int:edition_pk>/publish/<slug:kind>/", staff.publish, name="publish"),
    path("manage/<int:pk>/", staff.manage_notice, name="manage_notice"),
    path("manage/<int:pk>/withdraw/", staff.withdraw, name="withdraw"),
    path("objections/", staff.objection_list, name="objections"),
    path("objections/<int:pk>/", staff.objection_detail, name="objection_detail"),
    path("objections/<int:pk>/findings/", staff.findings, name="findings"),
    path("objections/<int:pk>/decide/", staff.decide, name="decide"),
    path("objections/<int:pk>/evidence/<int:evidence_pk>/", staff.evidence_file, name="evidence"),
    path("supervision/objections/", staff.reports_inbox, name="reports_inbox"),
    path("supervision/objections/<int:pk>/identity/", staff.identity, name="identity"),
]
