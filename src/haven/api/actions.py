"""The API's writes: making and revoking personal tokens, and recording every call made with one.

Each records its audit entry in the transaction of its change. A call's entry holds the method and path
(references, never names) and who called.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.api.models import ApiToken
from haven.api.tokens import PREFIX, digest
from haven.audit.record import audit_read, audit_record
from haven.errors import NotAllowed


def token_create(*, actor: Actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the actor; returns it with its secret, which is never stored nor shown again."""
    if actor.role is None or not getattr(actor.user, "pk", None):
        raise NotAllowed(_("Only a member of an organisation or the coalition may have API tokens."))
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor.user, name=name.strip()[:100] or "API", prefix=secret[:10], digest=digest(secret)
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
