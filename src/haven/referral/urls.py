from django.urls import path

from haven.referral import views
from haven.referral.information import views as requests

app_name = "referral"

urlpatterns = [
    path("", views.batches, name="batches"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/<uuid:public_id>/answer/", requests.request_answer, name="answer"),
    path("<uuid:public_id>/", views.batch_view, name="batch"),
    path("<uuid:public_id>/package/", views.package, name="package"),
    path("<uuid:public_id>/households/<str:reference>/", views.entry_view, name="entry"),
    path("<uuid:public_id>/households/<str:reference>/withdraw/", views.entry_withdraw, name="withdraw"),
    path(
        "<uuid:public_id>/households/<str:reference>/dossier.<str:language>.pdf",
        views.dossier,
        name="dossier",
    ),
]
