"""Spreadsheet import and export pages. Nothing here carries a name or a file in its URL."""

from django.urls import path

from haven.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("confirm/", views.confirm, name="confirm"),
    path("template/<str:language>/", views.template, name="template"),
    path("export/", views.export, name="export"),
]
