"""Login with throttling, and the second factor: setting up an authenticator and checking its code."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haven.accounts import throttle, twofactor
from haven.accounts.access import client_ip


class ThrottledLoginForm(auth_views.AuthenticationForm):
    def clean(self) -> dict[str, Any]:
        username = self.data.get("username", "")
        ip = client_ip(self.request) if self.request else None
        if throttle.is_locked(username, ip):
            raise forms.ValidationError(
                _("Too many failed attempts. Logins are paused for a while; try again later."), code="locked"
            )
        try:
            cleaned = super().clean()
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


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False)
    return target if ok and target else "/"


@login_required
def twofactor_setup(request: HttpRequest) -> HttpResponse:
    """Show the QR code of a new authenticator secret and confirm it with a first code."""
    if twofactor.has_device(request.user):
        return redirect("accounts:twofactor_verify")
    device = twofactor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.totp_confirm(request=request, user=request.user, code=form.cleaned_data["code"]):
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_next_url(request))
        form.add_error("code", _("That code is not right. Check the time on your phone and try again."))
    context = {
        "form": form,
        "qr_svg": twofactor.provisioning_svg(request.user, device),
        "secret": device.secret,
        "mandatory": twofactor.requires_2fa(request.user),
    }
    return render(request, "accounts/twofactor_setup.html", context)


@login_required
def twofactor_verify(request: HttpRequest) -> HttpResponse:
    """Ask for the authenticator code after the password."""
    if not twofactor.has_device(request.user):
        return redirect("accounts:twofactor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttle.is_locked(request.user.get_username(), client_ip(request)):
            form.add_error("code", _("Too many failed attempts. Try again later."))
        elif twofactor.totp_verify(request=request, user=request.user, code=form.cleaned_data["code"]):
            return redirect(_next_url(request))
        else:
            throttle.record_failure(request.user.get_username(), client_ip(request))
            form.add_error("code", _("That code is not right."))
    return render(request, "accounts/twofactor_verify.html", {"form": form})
