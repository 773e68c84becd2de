from django.urls import path

from haven.selection import views

app_name = "selection"

urlpatterns = [
    path("", views.selection_home, name="home"),
    path("runs/<uuid:public_id>/", views.selection_run_view, name="run"),
    path("runs/<uuid:public_id>/approve/", views.selection_approve_view, name="approve"),
]
