from django.urls import path

from haven.accounts import user_views, views

app_name = "accounts"

urlpatterns = [
    path("2fa/setup/", views.twofactor_setup, name="twofactor_setup"),
    path("2fa/verify/", views.twofactor_verify, name="twofactor_verify"),
    # Not under 2fa/: the middleware lets those through before the second factor is passed.
    path("security/", views.security, name="security"),
    path("security/password/", views.password, name="password"),
    path("security/recovery-codes/", views.recovery_codes_new, name="recovery_codes_new"),
    path("users/", user_views.user_list, name="users"),
    path("users/new/", user_views.user_new, name="user_new"),
    path("users/<str:username>/", user_views.user_detail, name="user"),
    path("users/<str:username>/role/", user_views.user_role, name="user_role"),
    path("users/<str:username>/active/", user_views.user_active, name="user_active"),
    path("users/<str:username>/password/", user_views.user_password, name="user_password"),
    path("users/<str:username>/second-factor/", user_views.user_second_factor, name="user_second_factor"),
]
