"""Recovery codes: one-time codes that stand in for the authenticator app when the phone is lost.

Ten codes of ten characters from an alphabet without look-alikes (about 49 bits each), shown to the
user once. Haven keeps only a salted password hash of each (Django's hashers), so a copy of the
database does not hold a usable code.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.hashers import check_password, make_password

from haven.accounts.models import RecoveryCode

COUNT = 10
LENGTH = 10
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read from paper without mistakes


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


def store(user: Any, codes: Iterable[str]) -> None:
    """Replace the user's codes with the hashes of ``codes`` (the old ones stop working)."""
    RecoveryCode.objects.filter(user=user).delete()
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=make_password(normalise(code))) for code in codes
    )


def unused(user: Any) -> Any:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True)


def remaining(user: Any) -> int:
    return int(unused(user).count())


def matching(user: Any, typed: str) -> RecoveryCode | None:
    """The unused code (locked for update) that ``typed`` is, if any. Call inside a transaction."""
    code = normalise(typed)
    for candidate in unused(user).select_for_update().order_by("pk"):
        if check_password(code, candidate.code_hash):
            return candidate
    return None
