"""Passwords change only here: the user's own change (knowing the old one), and an administrator's reset
to a new initial password for a user who lost theirs. Both audited; the password itself never is."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actions.users import end_sessions, ensure_admin
from haven.accounts.actor import Actor
from haven.accounts.signals import credentials_changed
from haven.audit.record import audit_record
from haven.errors import InvalidChange, NotAllowed


def _validated(password: str, user: Any) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise InvalidChange(" ".join(exc.messages)) from exc


def password_change(*, actor: Actor, old_password: str, new_password: str) -> None:
    """The actor changes their own password. The caller keeps the current session signed in."""
    user = actor.user
    if user is None or not user.pk:
        raise NotAllowed(_("Sign in to change your password."))
    if not user.check_password(old_password):
        raise InvalidChange(_("Your current password is not right."))
    _validated(new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit_record(actor=user, action="user.password_change", target=f"user:{user.pk}", ip=actor.ip)
        credentials_changed.send(
            sender=password_change, user=user, actor=actor, reason="user.password_change"
        )


def user_password_reset(*, actor: Actor, user: Any, new_password: str, reason: str) -> None:
    """An administrator gives ``user`` a new password (to pass on by a safe channel); their sessions end."""
    ensure_admin(actor)
    if not reason.strip():
        raise InvalidChange(_("Say why the password is reset."))
    if user.pk == actor.user_id:
        raise InvalidChange(_("Change your own password on your security page."))
    _validated(new_password, user)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        ended = end_sessions(user)
        audit_record(
            actor=actor.user,
            action="user.password_reset",
            target=f"user:{user.pk}",
            ip=actor.ip,
            detail={"username": user.get_username(), "reason": reason.strip(), "sessions_ended": ended},
        )
        credentials_changed.send(
            sender=user_password_reset, user=user, actor=actor, reason="user.password_reset"
        )
