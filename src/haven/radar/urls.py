from django.urls import path

from haven.radar import views

app_name = "radar"

urlpatterns = [
    path("", views.radar_home, name="home"),
]
