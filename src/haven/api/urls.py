"""The API (under /api/v1/), its documentation and the personal token pages."""

from django.urls import path

from haven.api import views

app_name = "api"

urlpatterns = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<uuid:token_id>/revoke/", views.revoke, name="revoke"),
    path("docs/", views.docs, name="docs"),
]
