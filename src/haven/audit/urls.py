from django.urls import path

from haven.audit import views

app_name = "audit"

urlpatterns = [
    path("households/<str:reference>/", views.household_trail, name="household"),
]
