from django.urls import path

from haven.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.jobs, name="jobs"),
    path("<uuid:public_id>/", views.detail, name="detail"),
    path("<uuid:public_id>/status/", views.status, name="status"),
    path("<uuid:public_id>/retry/", views.retry, name="retry"),
    path("<uuid:public_id>/files/<str:name>", views.download, name="download"),
]
