"""Who works in Haven: creating accounts, changing a role or organisation, deactivating, and resetting a
lost second factor. Only a Haven administrator may; each change is audited in its own transaction.

Django's ``is_staff`` and ``is_superuser`` follow the Haven role (both set for an administrator, both
cleared for anyone else), so that no one keeps the admin site after losing the role.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pyotp
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts import recovery
from haven.accounts.actor import Actor
from haven.accounts.models import Membership, Organisation, TOTPDevice
from haven.accounts.signals import credentials_changed
from haven.audit.record import audit_record
from haven.errors import InvalidChange, NotAllowed
from haven_core.roles import Role

ORGANISATION_ROLES = frozenset({Role.CASEWORKER, Role.REVIEWER})


def ensure_admin(actor: Actor) -> None:
    if actor.role is not Role.ADMIN:
        raise NotAllowed(_("Only a Haven administrator may manage users."))


def role_of(user: Any) -> Role | None:
    return Actor.for_user(user).role


def active_admins() -> Any:
    """Active accounts with the administrator role (a superuser with no membership counts as one)."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(membership__role=Role.ADMIN.value) | Q(membership__isnull=True, is_superuser=True))
    )


def _check_role(role: Role, organisation: Organisation | None) -> None:
    if role in ORGANISATION_ROLES and organisation is None:
        raise InvalidChange(_("A caseworker or a reviewer works for an organisation: choose one."))


def _keep_an_admin(user: Any) -> None:
    if role_of(user) is Role.ADMIN and user.is_active and not active_admins().exclude(pk=user.pk).exists():
        raise InvalidChange(_("Haven must keep at least one active administrator."))


def _slug(organisation: Organisation | None) -> str:
    return organisation.slug if organisation is not None else ""


def _audit(actor: Actor, action: str, user: Any, detail: dict[str, Any], scope: Any = None) -> None:
    """The entry of a change to ``user``; ``scope`` is the organisation it concerns, if any."""
    audit_record(
        actor=actor.user,
        action=action,
        organisation=scope,
        target=f"user:{user.pk}",
        ip=actor.ip,
        detail={"username": user.get_username(), **detail},
    )


def end_sessions(user: Any) -> int:
    """Sign the user out everywhere. Haven's sessions are sealed in the database
    (``haven.security.sessions``), so each live one is opened to find whose it is."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if store.decode(session.session_data).get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


def user_create(
    *,
    actor: Actor,
    username: str,
    password: str,
    role: Role,
    organisation: Organisation | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> Any:
    """A new account with its role (and organisation), and the initial password the administrator gives."""
    ensure_admin(actor)
    _check_role(role, organisation)
    User = get_user_model()
    username = username.strip()
    if not username:
        raise InvalidChange(_("A user needs a username."))
    if User.objects.filter(username__iexact=username).exists():
        raise InvalidChange(_("That username is taken."))
    candidate = User(username=username, first_name=first_name, last_name=last_name, email=email)
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        raise InvalidChange(" ".join(exc.messages)) from exc
    admin = role is Role.ADMIN
    with transaction.atomic():
        user = User.objects.create_user(
            username=username,
            password=password,
            email=email,
            first_name=first_name,
            last_name=last_name,
            is_staff=admin,
            is_superuser=admin,
        )
        Membership.objects.create(user=user, role=role.value, organisation=organisation)
        detail = {"role": role.value, "organisation_slug": _slug(organisation)}
        _audit(actor, "user.create", user, detail, scope=organisation)
    return user


def user_change_role(
    *, actor: Actor, user: Any, role: Role, organisation: Organisation | None
) -> dict[str, list[str]]:
    """Give the user another role and/or organisation; returns what changed as ``{field: [old, new]}``."""
    ensure_admin(actor)
    _check_role(role, organisation)
    if role is not Role.ADMIN:
        _keep_an_admin(user)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(user=user).first()
        old_role = role_of(user)
        old_org = membership.organisation if membership is not None else None
        changes: dict[str, list[str]] = {}
        if old_role is not role:
            changes["role"] = [old_role.value if old_role else "", role.value]
        if _slug(old_org) != _slug(organisation):
            changes["organisation"] = [_slug(old_org), _slug(organisation)]
        if not changes:
            return changes
        if membership is None:
            membership = Membership(user=user)
        membership.role, membership.organisation = role.value, organisation
        membership.save()
        admin = role is Role.ADMIN
        if (user.is_staff, user.is_superuser) != (admin, admin):
            user.is_staff = user.is_superuser = admin
            user.save(update_fields=["is_staff", "is_superuser"])
        _audit(actor, "user.role_change", user, dict(changes), scope=organisation or old_org)
    return changes


def user_deactivate(*, actor: Actor, user: Any, reason: str = "") -> None:
    """The user can no longer sign in or use an API token; their sessions end now. Nothing is deleted."""
    ensure_admin(actor)
    if user.pk == actor.user_id:
        raise InvalidChange(_("You cannot deactivate your own account."))
    if not user.is_active:
        return
    _keep_an_admin(user)
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        ended = end_sessions(user)
        _audit(actor, "user.deactivate", user, {"reason": reason.strip(), "sessions_ended": ended})


def user_reactivate(*, actor: Actor, user: Any, reason: str = "") -> None:
    ensure_admin(actor)
    if user.is_active:
        return
    with transaction.atomic():
        user.is_active = True
        user.save(update_fields=["is_active"])
        _audit(actor, "user.reactivate", user, {"reason": reason.strip()})


def user_second_factor_reset(*, actor: Actor, user: Any, reason: str) -> None:
    """Remove a lost authenticator and its recovery codes; the user must set up a new one at next sign-in.

    Never silent: the reason is required and kept in the audit entry, and the user's sessions end.
    """
    ensure_admin(actor)
    if not reason.strip():
        raise InvalidChange(
            _("Say why the second factor is reset (for example how the user proved who they are).")
        )
    if user.pk == actor.user_id:
        raise InvalidChange(_("Another administrator must reset your own second factor."))
    with transaction.atomic():
        had_authenticator = TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()
        unused_codes = recovery.remaining(user)
        TOTPDevice.objects.filter(user=user).delete()
        recovery.store(user, [])
        TOTPDevice.objects.create(user=user, secret=pyotp.random_base32(), required=True)
        ended = end_sessions(user)
        _audit(
            actor,
            "user.second_factor_reset",
            user,
            {
                "reason": reason.strip(),
                "had_authenticator": had_authenticator,
                "unused_recovery_codes": unused_codes,
                "sessions_ended": ended,
            },
        )
        credentials_changed.send(
            sender=user_second_factor_reset, user=user, actor=actor, reason="user.second_factor_reset"
        )


def organisation_save(*, actor: Actor, organisation: Organisation, changed: list[str]) -> None:
    """Add an organisation or rename it (from the admin), audited."""
    ensure_admin(actor)
    created = organisation.pk is None
    with transaction.atomic():
        organisation.save()
        audit_record(
            actor=actor.user,
            action="organisation.create" if created else "organisation.update",
            organisation=organisation,
            target=f"organisation:{organisation.slug}",
            ip=actor.ip,
            detail={"fields": sorted(changed)},
        )
