"""The review queue, under ``/evidence/review/``: across the households the reviewer may see, so outside
the per-case prefix. Items by UUID, files by SHA-256."""

from django.urls import path

from haven.evidence.views import queue

app_name = "review"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("search/", queue.queue_search, name="search"),
    path("<uuid:item_id>/", queue.queue_item_page, name="item"),
    path("<uuid:item_id>/verify/", queue.queue_verify, name="verify"),
    path("<uuid:item_id>/send-back/", queue.queue_send_back, name="send_back"),
    path("<uuid:item_id>/files/<str:sha256>/pictures/<int:number>/", queue.queue_picture, name="picture"),
]
