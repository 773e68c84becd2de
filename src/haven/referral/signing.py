"""Haven's Ed25519 key that signs referral packages, kept beside Haven's other keys.

The key lives in its own PEM file (``settings.HAVEN_REFERRAL_SIGNING_KEY_FILE``, by default
``var/referral-signing.key``), readable by its owner only, never in the database. It is made on first
use, and Haven says so: its public half (``haven referral-public-key``) is what recipients check
packages against, so they must be given the new one. A lost key is not a lost archive — packages
already delivered stay readable — but recipients must be told of the new public key out of band.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def key_path() -> Path:
    return Path(settings.HAVEN_REFERRAL_SIGNING_KEY_FILE)


def signing_key(*, say: Callable[[str], None] | None = None) -> Ed25519PrivateKey:
    """The signing key, generated (and announced through ``say``) the first time it is needed."""
    path = key_path()
    if not path.exists():
        _generate(path)
        if say is not None:
            say(
                f"Haven made a new referral signing key in {path}. Keep a copy somewhere safe, and give "
                "recipients its public key (haven referral-public-key)."
            )
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(f"The referral signing key in {path} cannot be read: {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"The referral signing key in {path} is not an Ed25519 key.")
    return key


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def _generate(path: Path) -> None:
    """Write a new key readable by its owner only; if another process wrote one first, keep theirs."""
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    finally:
        temporary.unlink(missing_ok=True)
