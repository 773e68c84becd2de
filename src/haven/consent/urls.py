from django.urls import path

from haven.consent import views

app_name = "consent"

urlpatterns = [
    path("", views.consent_page, name="household"),
    path("<uuid:public_id>/withdraw/", views.consent_withdraw_view, name="withdraw"),
]
