"""Making, checking and revoking personal API tokens; each change is audited.

The secret is 32 random bytes, shown once; Haven keeps its SHA-256 (a random secret needs no slow hash)
and its first characters to tell tokens apart on the page.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.api.models import ApiToken
from haven.audit.record import audit_record
from haven.errors import NotAllowed

PREFIX = "hvn_"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(*, actor: Actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the actor; returns it with its secret, which is never stored nor shown again."""
    if actor.role is None or not getattr(actor.user, "pk", None):
        raise NotAllowed(_("Only a member of an organisation or the coalition may have API tokens."))
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor.user, name=name.strip()[:100] or "API", prefix=secret[:10], digest=_digest(secret)
        )
        audit_record(actor=actor.user, action="api_token.create", target=str(token.public_id), ip=actor.ip)
    return token, secret


def token_revoke(*, actor: Actor, token: ApiToken) -> None:
    if token.user_id != getattr(actor.user, "pk", None):
        raise NotAllowed(_("This is not your token."))
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor.user, action="api_token.revoke", target=str(token.public_id), ip=actor.ip)


def user_for_secret(secret: str) -> Any:
    """The active user a live token belongs to, or None."""
    token = (
        ApiToken.objects.select_related("user__membership__organisation")
        .filter(digest=_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
