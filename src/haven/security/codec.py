"""The encrypting codec: what ``settings.HAVEN_FIELD_CODEC`` names by default; and stored files.

Every sensitive field goes through it (see ``haven.security.sensitive`` and ``haven.security.fields``):
values are sealed with AES-256-GCM under the current data key, and search-index columns hold keyed
blind indexes.
Stored files (evidence) go through :func:`encrypt_bytes` and :func:`decrypt_bytes` under the same keys;
files too large to hold in memory (a referral package) through :func:`encrypt_stream` and
:func:`decrypt_stream`, a chunk at a time.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from haven.security import keys
from haven_core.crypto.sealing import (
    DecryptionError,
    Readable,
    Sealer,
    Writable,
    blob_key_id,
    is_stream,
    key_id_of,
)


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


def encrypt_stream(source: Readable, target: Writable, *, context: bytes) -> None:
    """Seal what ``source`` reads into ``target`` a chunk at a time (see :func:`encrypt_bytes`)."""
    keys.sealer().seal_stream(source, target, context=context)


def decrypt_stream(source: Readable, *, context: bytes) -> Iterator[bytes]:
    """The plain chunks of a stream sealed by :func:`encrypt_stream`, read from ``source`` as needed."""
    head = source.read(64)
    rest = _Prefixed(head, source)
    return _sealer_for(blob_key_id(head)).open_stream(rest, context=context)


class _Prefixed:
    """``source`` with ``head`` (already read from it) put back in front."""

    def __init__(self, head: bytes, source: Readable) -> None:
        self._head, self._source = head, source

    def read(self, size: int = -1) -> bytes:
        if not self._head:
            return self._source.read(size)
        if size < 0:
            data, self._head = self._head + self._source.read(), b""
            return data
        data, self._head = self._head[:size], self._head[size:]
        return data


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
        with open(path, "rb") as stored:
            if is_stream(stored.read(4)):
                return _reseal_stream(path, context)
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


def _reseal_stream(path: Path, context: bytes) -> bool:
    """:func:`reseal_file` for a sealed stream, a chunk at a time; the file is replaced only once its
    every chunk has opened."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".reseal-")
    try:
        with open(path, "rb") as stored, os.fdopen(fd, "wb") as handle:
            encrypt_stream(_Chunks(decrypt_stream(stored, context=context)), handle, context=context)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except DecryptionError:
        os.unlink(temporary)
        return False
    except BaseException:
        os.unlink(temporary)
        raise
    return True


class _Chunks:
    """An iterator of byte chunks read as a file (what :func:`encrypt_stream` reads)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buffer = chunks, b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            data, self._buffer = self._buffer, b""
        else:
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data


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
