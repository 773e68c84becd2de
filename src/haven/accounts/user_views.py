"""The user-management page of Haven's own UI, for administrators: who works in Haven with which role,
their second factor, and the changes an administrator makes (each through an audited action)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from haven.accounts import actions
from haven.accounts.access import GuardedView, P, View, role_required
from haven.accounts.actor import ActorRequest
from haven.accounts.forms import (
    PasswordResetForm,
    ReasonForm,
    RoleForm,
    SecondFactorResetForm,
    UserCreateForm,
)
from haven.audit.models import AuditEntry
from haven.submission import submit
from haven_core.roles import Role


def admin_required(view: GuardedView[P]) -> View[P]:
    """Log-in required; then 403 for anyone but a Haven administrator."""
    return role_required(lambda role: role is Role.ADMIN)(view)


def _users() -> Any:
    return (
        get_user_model()
        .objects.select_related("membership__organisation", "totp_device")
        .annotate(codes_left=Count("recovery_codes", filter=Q(recovery_codes__used_at__isnull=True)))
        .order_by("username")
    )


def _user(username: str) -> Any:
    return get_object_or_404(_users(), username=username)


@admin_required
def user_list(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/users/list.html", {"users": _users(), "nav": "users"})


@admin_required
def user_new(request: ActorRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)

    def create() -> Any:
        data = form.cleaned_data
        return actions.user_create(
            actor=request.actor,
            username=data["username"],
            password=data["password1"],
            role=Role(data["role"]),
            organisation=data["organisation"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
        )

    if done := submit(
        request,
        create,
        form=form,
        success=lambda user: _("User %(name)s created.") % {"name": user.username},
        then=lambda user: redirect("accounts:user", username=user.username),
    ):
        return done
    return render(request, "accounts/users/new.html", {"form": form, "nav": "users"})


def _history(user: Any, limit: int = 50) -> list[dict[str, Any]]:
    """The latest audit entries about this account: changes made to it, its sign-ins, its second factor."""
    entries = AuditEntry.objects.filter(target=f"user:{user.pk}").select_related("actor")[:limit]
    rows = []
    for entry in entries:
        facts = {k: v for k, v in entry.detail.items() if k != "username" and v not in ("", None)}
        text = "; ".join(
            f"{key}: {' → '.join(str(v) or '—' for v in value) if isinstance(value, list) else value}"
            for key, value in facts.items()
        )
        rows.append({"at": entry.at, "action": entry.action, "actor": entry.actor, "detail": text})
    return rows


def _detail(request: HttpRequest, user: Any, **forms: Any) -> HttpResponse:
    membership = getattr(user, "membership", None)
    context = {
        "subject": user,
        "role_form": forms.get("role_form")
        or RoleForm(
            initial={
                "role": membership.role if membership else (Role.ADMIN.value if user.is_superuser else ""),
                "organisation": membership.organisation_id if membership else None,
            }
        ),
        "active_form": forms.get("active_form") or ReasonForm(),
        "reset_form": forms.get("reset_form") or SecondFactorResetForm(),
        "password_form": forms.get("password_form") or PasswordResetForm(),
        "history": _history(user),
        "nav": "users",
    }
    return render(request, "accounts/users/detail.html", context, status=400 if forms else 200)


@admin_required
def user_detail(request: HttpRequest, username: str) -> HttpResponse:
    return _detail(request, _user(username))


Change = Callable[[Any, Any, dict[str, Any]], str]


def _change(
    request: ActorRequest, username: str, form_class: type[Any], form_name: str, act: Change
) -> HttpResponse:
    """One change on the account's page: ``act(actor, user, cleaned_data)`` calls the audited action and
    returns the message to show; a refusal is shown on its form, above the page's other forms."""
    user = _user(username)
    form = form_class(request.POST)
    if done := submit(
        request,
        lambda: act(request.actor, user, form.cleaned_data),
        form=form,
        success=lambda message: message,
        then=lambda _message: redirect("accounts:user", username=user.username),
    ):
        return done
    return _detail(request, user, **{form_name: form})


def _role(actor: Any, user: Any, data: dict[str, Any]) -> str:
    changes = actions.user_change_role(
        actor=actor, user=user, role=Role(data["role"]), organisation=data["organisation"]
    )
    return _("Role saved.") if changes else _("Nothing changed.")


def _active(actor: Any, user: Any, data: dict[str, Any]) -> str:
    if user.is_active:
        actions.user_deactivate(actor=actor, user=user, reason=data["reason"])
        message = _("%(name)s can no longer sign in.")
    else:
        actions.user_reactivate(actor=actor, user=user, reason=data["reason"])
        message = _("%(name)s can sign in again.")
    return message % {"name": user.username}


def _second_factor(actor: Any, user: Any, data: dict[str, Any]) -> str:
    actions.user_second_factor_reset(actor=actor, user=user, reason=data["reason"])
    message = _("Second factor of %(name)s reset: they set up a new one at their next sign-in.")
    return message % {"name": user.username}


def _password(actor: Any, user: Any, data: dict[str, Any]) -> str:
    actions.user_password_reset(actor=actor, user=user, new_password=data["password1"], reason=data["reason"])
    message = _("New password of %(name)s set: give it to them by a safe channel.")
    return message % {"name": user.username}


@admin_required
@require_POST
def user_role(request: ActorRequest, username: str) -> HttpResponse:
    return _change(request, username, RoleForm, "role_form", _role)


@admin_required
@require_POST
def user_active(request: ActorRequest, username: str) -> HttpResponse:
    return _change(request, username, ReasonForm, "active_form", _active)


@admin_required
@require_POST
def user_second_factor(request: ActorRequest, username: str) -> HttpResponse:
    return _change(request, username, SecondFactorResetForm, "reset_form", _second_factor)


@admin_required
@require_POST
def user_password(request: ActorRequest, username: str) -> HttpResponse:
    return _change(request, username, PasswordResetForm, "password_form", _password)
