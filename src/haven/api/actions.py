"""The API's writes: making and revoking personal tokens, and recording every call made with one.

Each records its audit entry in the transaction of its change. A call's entry holds the method and path
(references, never names) and who called.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.twofactor import has_device, requires_2fa
from haven.api.models import ApiToken, TokenScope
from haven.api.tokens import PREFIX, digest
from haven.audit.record import audit_read, audit_record
from haven.errors import InvalidChange, NotAllowed


def token_create(
    *,
    actor: Actor,
    name: str,
    scope: str = TokenScope.WRITE,
    days: int | None = None,
    second_factor_passed: bool = False,
) -> tuple[ApiToken, str]:
    """A new token for the actor; returns it with its secret, which is never stored nor shown again.

    It expires after ``days`` (``HAVEN_API_TOKEN_DAYS``, 90, by default; never longer). A user who must
    use a second factor (a coordinator, liaison or administrator, or anyone who set one up) makes a
    token only from a session that passed it: otherwise a stolen password alone would yield a token
    that skips the second factor for months.
    """
    if actor.role is None or not actor.user_id:
        raise NotAllowed(_("Only a member of an organisation or the coalition may have API tokens."))
    if scope not in TokenScope.values:
        raise InvalidChange(_("A token reads only, or reads and writes."))
    if (requires_2fa(actor.user) or has_device(actor.user)) and not second_factor_passed:
        raise NotAllowed(_("Pass your second factor in this session before making a token."))
    longest = int(settings.HAVEN_API_TOKEN_DAYS)
    days = longest if days is None else days
    if not 1 <= days <= longest:
        raise InvalidChange(_("A token lasts from 1 to %(days)d days.") % {"days": longest})
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor.signed_in,
            name=name.strip()[:100] or "API",
            prefix=secret[:10],
            digest=digest(secret),
            scope=scope,
            expires_at=timezone.now() + dt.timedelta(days=days),
        )
        audit_record(
            actor=actor.user,
            action="api_token.create",
            target=str(token.public_id),
            ip=actor.ip,
            detail={"scope": scope, "days": days},
        )
    return token, secret


def token_revoke(*, actor: Actor, token: ApiToken) -> None:
    if token.user_id != actor.user_id:
        raise NotAllowed(_("This is not your token."))
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor.user, action="api_token.revoke", target=str(token.public_id), ip=actor.ip)


def tokens_revoke_all(*, actor: Actor, user: Any, reason: str) -> int:
    """Revoke every live token of ``user``, each with its audit entry naming why (the audit code of the
    change of credentials that caused it). Runs inside the caller's transaction."""
    now = timezone.now()
    revoked = 0
    for token in ApiToken.objects.filter(user=user, revoked_at__isnull=True).order_by("pk"):
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor.user,
            action="api_token.revoke",
            target=str(token.public_id),
            ip=actor.ip,
            detail={"because": reason},
        )
        revoked += 1
    return revoked


def api_call(*, user: Any, actor: Actor, method: str, path: str) -> None:
    """Record a call of the API by the owner of a token, before it is answered: staged, so calls do not
    queue behind the audit chain's lock (:func:`haven.audit.record.audit_read`)."""
    audit_read(
        actor=user,
        action="api.call",
        organisation=actor.organisation,
        target=f"{method} {path}"[:200],
        ip=actor.ip,
    )
