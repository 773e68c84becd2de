"""The file between preview and confirmation: sealed on disk under HAVEN_FILES_DIR, named by a random
token that only the uploader's session holds (never a URL), deleted once imported or replaced."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from haven.security.codec import decrypt_bytes, encrypt_bytes

SESSION_KEY = "haven.intake.upload"


@dataclass(frozen=True)
class Upload:
    token: str
    filename: str
    date_order: str
    organisation_id: int


def _path(token: str) -> Path:
    return Path(settings.HAVEN_FILES_DIR) / "intake" / token


def _context(token: str) -> bytes:
    return f"intake/{token}".encode()


def keep(session: Any, data: bytes, *, filename: str, date_order: str, organisation_id: int) -> Upload:
    discard(session)
    token = secrets.token_hex(16)
    path = _path(token)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encrypt_bytes(data, context=_context(token)))
    upload = Upload(token, filename, date_order, organisation_id)
    session[SESSION_KEY] = upload.__dict__
    return upload


def held(session: Any) -> tuple[Upload, bytes] | None:
    stored = session.get(SESSION_KEY)
    if not stored:
        return None
    upload = Upload(**stored)
    path = _path(upload.token)
    if not path.is_file():
        return None
    return upload, decrypt_bytes(path.read_bytes(), context=_context(upload.token))


def hand_over(session: Any) -> Upload | None:
    """The upload held for this session, now the import job's: the session no longer holds it, and the
    file stays until the job has imported it (:func:`remove_token`)."""
    stored = session.pop(SESSION_KEY, None)
    if not stored or not _path(stored["token"]).is_file():
        return None
    return Upload(**stored)


def read_token(token: str) -> bytes | None:
    path = _path(token)
    if not token.isalnum() or not path.is_file():
        return None
    return decrypt_bytes(path.read_bytes(), context=_context(token))


def remove_token(token: str) -> None:
    if token.isalnum():
        _path(token).unlink(missing_ok=True)


def discard(session: Any) -> None:
    stored = session.pop(SESSION_KEY, None)
    if stored:
        _path(stored["token"]).unlink(missing_ok=True)
