"""Logins, failed logins and logouts go into the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from haven.accounts.throttle import username_key
from haven.audit.record import audit_record


def _ip(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action="auth.login", target=f"user:{user.pk}", ip=_ip(request))


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(actor=user, action="auth.logout", target=f"user:{user.pk}", ip=_ip(request))


@receiver(user_login_failed)
def _login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    # The name typed is kept only as a keyed hash: it may be a password typed in the wrong field. The
    # same name gives the same hash, so repeated failures on one account still show as such.
    username = str(credentials.get("username", ""))
    target = f"username-key:{username_key(username)[:32]}"
    audit_record(actor=None, action="auth.login_failed", target=target, ip=_ip(request))
