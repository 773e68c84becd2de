from django.urls import path

from haven.accounts import views

app_name = "accounts"

urlpatterns = [
    path("2fa/setup/", views.twofactor_setup, name="twofactor_setup"),
    path("2fa/verify/", views.twofactor_verify, name="twofactor_verify"),
]
