"""Recovery codes: one-time codes that stand in for the authenticator app when the phone is lost.

Ten codes of ten characters from an alphabet without look-alikes (about 49 bits each), shown to the
user once. Haven keeps only a keyed hash of each (HMAC-SHA256 under the secret key, bound to the user),
so a copy of the database neither holds a usable code nor lets anyone test guesses offline without the
key. A keyed hash rather than a slow password hash: the codes are random (no dictionary to try), and
the check is one indexed look-up instead of ten Argon2 runs at each use. ``SECRET_KEY_FALLBACKS`` keeps
codes working across a change of secret key, as it does sessions.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils.crypto import salted_hmac

from haven.accounts.models import RecoveryCode

COUNT = 10
LENGTH = 10
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read from paper without mistakes
_SALT = "haven.accounts.recovery"


def new_codes(count: int = COUNT) -> list[str]:
    """Fresh codes as the user reads them: ``abcde-fghjk``."""
    codes = []
    for _ in range(count):
        raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def normalise(typed: str) -> str:
    """What the user typed, without spaces, dashes or capitals."""
    return "".join(c for c in typed.lower() if c.isalnum())


def looks_like_recovery_code(typed: str) -> bool:
    """A recovery code, not a six-digit authenticator code."""
    return len(normalise(typed)) == LENGTH


def digest(user: Any, code: str, secret: str | bytes | None = None) -> str:
    """The keyed hash Haven stores for ``code`` of ``user``."""
    value = f"{user.pk}:{normalise(code)}"
    return salted_hmac(_SALT, value, secret=secret or settings.SECRET_KEY, algorithm="sha256").hexdigest()


def store(user: Any, codes: Iterable[str]) -> None:
    """Replace the user's codes with the hashes of ``codes`` (the old ones stop working)."""
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(RecoveryCode(user=user, code_hash=digest(user, code)) for code in codes)


def unused(user: Any) -> Any:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True)


def remaining(user: Any) -> int:
    return int(unused(user).count())


def matching(user: Any, typed: str) -> RecoveryCode | None:
    """The unused code (locked for update) that ``typed`` is, if any. Call inside a transaction."""
    secrets_in_use = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    digests = [digest(user, typed, secret) for secret in secrets_in_use]
    found: RecoveryCode | None = unused(user).select_for_update().filter(code_hash__in=digests).first()
    return found
