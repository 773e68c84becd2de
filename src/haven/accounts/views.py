"""Login with throttling, and the second factor: setting up an authenticator, checking its code or a
recovery code, and the user's own page to see how many recovery codes are left and make new ones."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from haven.accounts import recovery, throttle, twofactor
from haven.accounts.access import actor_of, client_ip
from haven.accounts.actions import (
    password_change,
    recovery_codes_regenerate,
    second_factor_enrol,
    second_factor_verify,
)
from haven.accounts.forms import PasswordChangeForm
from haven.errors import HavenError
from haven.submission import submit


class ThrottledLoginForm(AuthenticationForm):
    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        ip = client_ip(self.request) if self.request else None
        if throttle.is_locked(username, ip):
            raise forms.ValidationError(
                _("Too many failed attempts. Logins are paused for a while; try again later."), code="locked"
            )
        try:
            cleaned: dict[str, Any] = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, ip)
            raise
        throttle.clear(username, ip)
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = ThrottledLoginForm
    redirect_authenticated_user = True


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Six-digit code"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Six-digit code, or a recovery code"),
        max_length=24,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False)
    return target if ok and target else "/"


def _show_codes(request: HttpRequest, codes: list[str], *, first: bool) -> HttpResponse:
    """The recovery codes, shown this once (never stored in clear, never shown again)."""
    context = {"codes": codes, "first": first, "next": _next_url(request)}
    return render(request, "accounts/recovery_codes.html", context)


@login_required
def twofactor_setup(request: HttpRequest) -> HttpResponse:
    """Show the QR code of a new authenticator secret and confirm it with a first code."""
    if twofactor.has_device(request.user):
        return redirect("accounts:twofactor_verify")
    device = twofactor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor_enrol(actor=actor_of(request), code=form.cleaned_data["code"])
        if codes is not None:
            twofactor.mark_verified(request)
            messages.success(request, _("Two-factor authentication is on."))
            return _show_codes(request, codes, first=True)
        form.add_error("code", _("That code is not right. Check the time on your phone and try again."))
    context = {
        "form": form,
        "qr_svg": twofactor.provisioning_svg(request.user, device),
        "secret": device.secret,
        "mandatory": twofactor.requires_2fa(request.user),
        "reset": device.required,
    }
    return render(request, "accounts/twofactor_setup.html", context)


@login_required
def twofactor_verify(request: HttpRequest) -> HttpResponse:
    """Ask for the authenticator code (or a recovery code) after the password."""
    if not twofactor.has_device(request.user):
        return redirect("accounts:twofactor_setup")
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if throttle.is_locked(request.user.get_username(), client_ip(request)):
            form.add_error("code", _("Too many failed attempts. Try again later."))
        elif second_factor_verify(actor=actor_of(request), code=code):
            twofactor.mark_verified(request)
            if recovery.looks_like_recovery_code(code):
                left = recovery.remaining(request.user)
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code; %(left)s left. "
                        "Make new ones on your security page."
                    )
                    % {"left": left},
                )
            return redirect(_next_url(request))
        else:
            throttle.record_failure(request.user.get_username(), client_ip(request))
            form.add_error("code", _("That code is not right."))
    return render(request, "accounts/twofactor_verify.html", {"form": form})


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """The user's own second factor: whether it is on and how many recovery codes are left."""
    context = {
        "has_device": twofactor.has_device(request.user),
        "remaining": recovery.remaining(request.user),
        "total": recovery.COUNT,
    }
    return render(request, "accounts/security.html", context)


@login_required
@require_POST
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    try:
        codes = recovery_codes_regenerate(actor=actor_of(request))
    except HavenError as exc:
        messages.error(request, str(exc))
        return redirect("accounts:security")
    return _show_codes(request, codes, first=False)


@login_required
def password(request: HttpRequest) -> HttpResponse:
    """The user changes their own password; this session stays signed in."""
    form = PasswordChangeForm(request.POST or None)
    actor = actor_of(request)

    def change() -> None:
        password_change(
            actor=actor,
            old_password=form.cleaned_data["old_password"],
            new_password=form.cleaned_data["password1"],
        )
        update_session_auth_hash(request, actor.signed_in)  # this session stays signed in

    if done := submit(
        request,
        change,
        form=form,
        success=_("Your password is changed."),
        then=lambda _changed: redirect("accounts:security"),
    ):
        return done
    return render(request, "accounts/password.html", {"form": form}, status=400 if form.errors else 200)
