"""Django's admin behind Haven's own front door.

There is no second login form: ``/admin/login/`` sends the visitor to Haven's login (with its throttle
and lockout) and then to the second factor, and the admin opens only to an active Haven administrator
whose session passed the second factor. Its own password change is closed: passwords, roles and the
active state change only through Haven's audited actions (the Users page).
"""

from __future__ import annotations

from typing import Any, NoReturn
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from haven.accounts import twofactor
from haven.accounts.actor import Actor
from haven_core.roles import Role


class HavenAdminSite(admin.AdminSite):
    site_header = _("Haven administration")
    site_title = _("Haven administration")
    site_url = "/"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(
            user.is_active
            and user.is_staff
            and Actor.for_user(user).role is Role.ADMIN
            and twofactor.is_verified(request)
        )

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """Never a login form of its own: Haven's login, then the second factor, then back here."""
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = ""
        target = target or reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect_to_login(target, settings.LOGIN_URL)
        if not twofactor.is_verified(request):
            step = (
                "accounts:twofactor_verify"
                if twofactor.has_device(request.user)
                else "accounts:twofactor_setup"
            )
            return redirect(f"{reverse(step)}?{urlencode({'next': target})}")
        if self.has_permission(request):
            return redirect(target)
        raise PermissionDenied

    def password_change(self, request: HttpRequest, extra_context: Any = None) -> NoReturn:
        raise Http404

    def password_change_done(self, request: HttpRequest, extra_context: Any = None) -> NoReturn:
        raise Http404
