from django.urls import path

from .views import detail, mine, office, queues

app_name = "applications"

urlpatterns = [
    path("", mine.my_applications, name="list"),
    path("start/<int:edition_pk>/", mine.start, name="start"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/checklist/", detail.checklist, name="checklist"),
    path("<int:pk>/save/<str:section>/", detail.save_section, name="save"),
    path("<int:pk>/attachments/", detail.upload, name="upload"),
    path("attachments/<int:pk>/", detail.download, name="download"),
    path("attachments/<int:pk>/delete/", detail.remove_attachment, name="remove_attachment"),
    path("<int:pk>/talents/", detail.add_talent, name="add_talent"),
    path("talents/<int:pk>/delete/", detail.remove_talent, name="remove_talent"),
    path("talents/<int:pk>/verify/", office.verify_talent, name="verify_talent"),
    path("<int:pk>/publicity/", detail.publicity, name="publicity"),
    path("<int:pk>/commitment/", detail.commitment, name="commitment"),
    path("<int:pk>/actions/<str:action>/", detail.action, name="action"),
    path("<int:pk>/opinions/", office.request_opinion, name="request_opinion"),
    path("opinions/<int:pk>/answer/", office.answer_opinion, name="answer_opinion"),
    path("inbox/", queues.inbox, name="inbox"),
    path("formal-review/", queues.formal_review, name="formal_review"),
    path("acceptance/", queues.acceptance, name="acceptance"),
    path("acceptance/<int:edition_pk>/", queues.acceptance, name="acceptance_edition"),
    path("acceptance/<int:edition_pk>/export.xlsx", queues.acceptance_xlsx, name="acceptance_xlsx"),
    path("export.xlsx", queues.applications_xlsx, name="export"),
    path("history/", office.history, name="history"),
    path("history/<int:pk>/revoke/", office.revoke, name="revoke"),
    path("outbox/", office.outbox, name="outbox"),
    path("outbox/<int:pk>/<str:verb>/", office.outbox_action, name="outbox_action"),
    path("notifications/", office.inbox_notifications, name="notifications"),
]
