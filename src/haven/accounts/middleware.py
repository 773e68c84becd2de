"""Request guards: the second factor, and the security headers every response carries."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.accounts import twofactor

# Pages a signed-in user may reach before passing the second factor.
_OPEN_PREFIXES = ("/account/2fa/", "/logout/", "/i18n/", "/static/")


class TwoFactorMiddleware:
    """Holds signed-in users at the second factor until they pass it.

    Users with an authenticator must enter a code each session; users whose role requires one and who
    have none are sent to set it up before they can see anything else.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not twofactor.is_verified(request)
            and not request.path.startswith(_OPEN_PREFIXES)
        ):
            has_device, required = twofactor.second_factor_state(user)  # one query, not two
            if has_device:
                return redirect(f"{reverse('accounts:twofactor_verify')}?next={request.path}")
            if required:
                return redirect(f"{reverse('accounts:twofactor_setup')}?next={request.path}")
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy (no inline scripts or styles, nothing from elsewhere)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.HAVEN_CSP)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response.headers.setdefault("Cache-Control", "no-store")
        return response
