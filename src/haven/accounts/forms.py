"""The forms of the user-management page. They check input; the actions check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from haven.accounts.models import Membership, Organisation


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.ROLE_CHOICES)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("— none (coalition-wide) —"),
        help_text=_("Caseworkers and reviewers work for one organisation; other roles may have none."),
    )


class UserCreateForm(RoleForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email"), required=False, help_text=_("Deadline alerts go there."))
    password1 = forms.CharField(
        label=_("Initial password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 12 characters, not a common password and not only digits. "
            "Give it to the user by a safe channel."
        ),
    )
    password2 = forms.CharField(
        label=_("Initial password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["username", "first_name", "last_name", "email", "role", "organisation"]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SecondFactorResetForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (kept in the audit trail)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: phone lost, identity confirmed by a video call with the coordinator."),
    )
    confirm = forms.BooleanField(
        label=_("I confirmed who is asking: their authenticator and recovery codes stop working now."),
    )


def _password_field(label: Any, autocomplete: str = "new-password") -> forms.CharField:
    return forms.CharField(
        label=label, strip=False, widget=forms.PasswordInput(attrs={"autocomplete": autocomplete})
    )


class NewPasswordForm(forms.Form):
    """A new password typed twice."""

    password1 = _password_field(_("New password"))
    password2 = _password_field(_("New password again"))

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return cleaned


class PasswordChangeForm(NewPasswordForm):
    old_password = _password_field(_("Current password"), autocomplete="current-password")
    field_order = ["old_password", "password1", "password2"]


class PasswordResetForm(NewPasswordForm):
    reason = forms.CharField(
        label=_("Why (kept in the audit trail)"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
