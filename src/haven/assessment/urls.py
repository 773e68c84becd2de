"""Assessment pages. Households are named by their reference."""

from django.urls import path

from haven.assessment import views

app_name = "assessment"

urlpatterns = [
    path("", views.assessment_list, name="list"),
    path("<str:reference>/assess/", views.household_assess_view, name="assess"),
    path("<str:reference>/override/", views.assessment_override_view, name="override"),
]
