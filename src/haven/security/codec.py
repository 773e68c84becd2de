"""The encrypting codec: what ``settings.HAVEN_FIELD_CODEC`` names by default; and stored files.

Every sensitive field goes through it (see ``haven.security.sensitive`` and ``haven.security.fields``):
values are sealed with AES-256-GCM under the current data key, and search-index columns hold keyed
blind indexes.
Stored files (evidence) go through :func:`encrypt_bytes` and :func:`decrypt_bytes` under the same keys.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings

from haven.security import keys
from haven_core.crypto.sealing import DecryptionError, Sealer, blob_key_id, key_id_of


def _sealer_for(key_id: str | None) -> Sealer:
    sealer = keys.sealer()
    if key_id is not None and key_id not in sealer.ring.data.keys:
        sealer = keys.source().reload()  # written by a process that rotated the keys moments ago
    return sealer


def encrypt_bytes(data: bytes, *, context: bytes) -> bytes:
    """Seal a stored file's bytes. ``context`` (e.g. its name under HAVEN_FILES_DIR) binds them to it."""
    return keys.sealer().seal_bytes(data, context=context)


def decrypt_bytes(blob: bytes, *, context: bytes) -> bytes:
    """Open bytes sealed by :func:`encrypt_bytes` with the same ``context``; refuse damaged ones."""
    return _sealer_for(blob_key_id(blob)).open_bytes(blob, context=context)


def stored_files() -> list[Path]:
    """Every stored file under HAVEN_FILES_DIR (links are not followed)."""
    root = Path(settings.HAVEN_FILES_DIR)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def files_not_current() -> list[Path]:
    """Stored files sealed under a data key that is not the current one (only their headers are read)."""
    current, found = keys.sealer().current, []
    for path in stored_files():
        with open(path, "rb") as stored:
            key_id = blob_key_id(stored.read(64))
        if key_id is not None and key_id != current:
            found.append(path)
    return found


def file_context(path: Path) -> bytes:
    """The context a stored file is sealed with: its path under HAVEN_FILES_DIR (``evidence/ab/cd/…``)."""
    return path.relative_to(Path(settings.HAVEN_FILES_DIR)).as_posix().encode("utf-8")


def reseal_file(path: Path) -> bool:
    """Re-seal one stored file under the current data key, in place and atomically; the bytes it opens to
    do not change. Returns False (and leaves it alone) if it does not open with its path as context."""
    context = file_context(path)
    try:
        data = decrypt_bytes(path.read_bytes(), context=context)
    except (DecryptionError, OSError):
        return False
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".reseal-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encrypt_bytes(data, context=context))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return True


class EncryptingCodec:
    def encode(self, text: str) -> str:
        return keys.sealer().seal_text(text)

    def decode(self, stored: str) -> str:
        sealer = _sealer_for(key_id_of(stored))
        try:
            return sealer.open_text(stored)
        except DecryptionError as exc:
            raise DecryptionError(
                f"{exc}. If this database was written before encryption was switched on, run "
                "`haven rotate-keys` once to encrypt it; otherwise check HAVEN_KEYS / HAVEN_KEYS_FILE."
            ) from None

    def index(self, text: str) -> str:
        return keys.sealer().blind_index(text)

    def index_candidates(self, text: str) -> list[str]:
        return keys.sealer().blind_indexes(text)
