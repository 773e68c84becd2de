"""Personal API tokens: how a secret is made and kept, and finding the user a secret belongs to. Making
and revoking a token are actions (:mod:`haven.api.actions`), audited.

The secret is 32 random bytes, shown once; Haven keeps its SHA-256 (a random secret needs no slow hash)
and its first characters to tell tokens apart on the page.
"""

from __future__ import annotations

import hashlib

from django.utils import timezone

from haven.api.models import ApiToken

PREFIX = "hvn_"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_for_secret(secret: str) -> ApiToken | None:
    """The live token (not revoked, not expired, its user active) a secret opens, or None."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user__membership__organisation")
        .filter(digest=digest(secret), revoked_at__isnull=True, user__is_active=True, expires_at__gt=now)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
