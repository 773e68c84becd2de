"""The evidence pages, under ``/cases/<reference>/evidence/``: people and items by UUID, files by SHA-256."""

from django.urls import path

from haven.evidence.views import edit, files, pages, reading, review

app_name = "evidence"
FILE = "<uuid:item_id>/files/<str:sha256>"

urlpatterns = [
    path("people/<uuid:person_id>/", pages.person_evidence, name="person"),
    path("people/<uuid:person_id>/new/", edit.evidence_new, name="new"),
    path("people/<uuid:person_id>/capture/", edit.evidence_capture, name="capture"),
    path("<uuid:item_id>/", pages.item_detail, name="item"),
    path("<uuid:item_id>/edit/", edit.evidence_edit, name="edit"),
    path("<uuid:item_id>/working-copy/", edit.working_copy_new, name="working_copy"),
    path("<uuid:item_id>/verify/", review.item_verify, name="verify"),
    path("<uuid:item_id>/read/", reading.item_read, name="read"),
    path("<uuid:item_id>/facts/<int:number>/", reading.proposal_decide, name="decide_fact"),
    path(f"{FILE}/download/", files.file_download, name="download"),
    path(f"{FILE}/preview/", files.file_preview, name="preview"),
    path(f"{FILE}/pictures/<int:number>/", files.file_picture, name="picture"),
]
