"""Haven's URL map. Object URLs carry non-guessable references, never sequential ids."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from haven.accounts import views as account_views
from haven.api.v1 import api as api_v1
from haven.work import views as work

urlpatterns = [
    path("", work.home, name="home"),
    path("login/", account_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("account/", include("haven.accounts.urls")),
    path("evidence/review/", include("haven.evidence.review_urls")),
    path("cases/<str:reference>/evidence/", include("haven.evidence.urls")),
    path("cases/<str:reference>/consent/", include("haven.consent.urls")),
    path("cases/", include("haven.cases.urls")),
    path("audit/", include("haven.audit.urls")),
    path("assessment/", include("haven.assessment.urls")),
    path("registries/", include("haven.registries.urls")),
    path("intake/", include("haven.intake.urls")),
    path("api/v1/", api_v1.urls),
    path("api/", include("haven.api.urls")),
    path("selection/", include("haven.selection.urls")),
    path("referrals/", include("haven.referral.urls")),
    path("radar/", include("haven.radar.urls")),
    path("alerts/", include("haven.alerts.urls")),
    path("dashboard/", include("haven.dashboard.urls")),
    path("jobs/", include("haven.jobs.urls")),
    path("admin/", admin.site.urls),
]
