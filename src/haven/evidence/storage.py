"""Content-addressed, encrypted storage of evidence files.

Every file is stored once, named by the SHA-256 of its plaintext: ``evidence/ab/cd/<sha256>`` under
``settings.HAVEN_FILES_DIR``, sealed with :func:`haven.security.codec.encrypt_bytes` whose context is that
relative path (so a file moved to another name no longer opens). A stored file is never overwritten or
modified; storing the same bytes again returns the existing :class:`StoredBlob`. Reading decrypts and
checks the hash again, so a file altered on disk is refused instead of shown.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from haven.evidence.errors import BlobIntegrityError
from haven.evidence.models import StoredBlob
from haven.security.codec import decrypt_bytes, encrypt_bytes
from haven_core.crypto.sealing import DecryptionError
from haven_core.evidence.sniff import sniff_media_type

__all__ = ["BlobIntegrityError", "blob_path", "read_blob", "relative_path", "sniff_media_type", "store_blob"]

FOLDER = "evidence"


def relative_path(sha256: str) -> str:
    """Where the file with this hash lives under HAVEN_FILES_DIR, and the context it is sealed with."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError("not a lower-case hex SHA-256")
    return f"{FOLDER}/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def blob_path(blob: StoredBlob) -> Path:
    return Path(settings.HAVEN_FILES_DIR) / relative_path(blob.sha256)


def store_blob(data: bytes) -> StoredBlob:
    """Store ``data`` (once) and return its :class:`StoredBlob`; the same bytes give the same blob."""
    sha256 = hashlib.sha256(data).hexdigest()
    existing = StoredBlob.objects.filter(sha256=sha256).first()
    if existing is not None:
        return existing
    _write_once(sha256, data)
    try:
        with transaction.atomic():
            return StoredBlob.objects.create(sha256=sha256, size=len(data), media_type=sniff_media_type(data))
    except IntegrityError:  # stored at the same moment by another request
        return StoredBlob.objects.get(sha256=sha256)


def read_blob(blob: StoredBlob) -> bytes:
    """The plaintext of ``blob``, after checking that it still has the SHA-256 it was stored under."""
    name = relative_path(blob.sha256)
    try:
        sealed = (Path(settings.HAVEN_FILES_DIR) / name).read_bytes()
    except FileNotFoundError:
        raise BlobIntegrityError(f"stored file {blob.sha256[:12]}… is missing") from None
    try:
        data = decrypt_bytes(sealed, context=name.encode("ascii"))
    except DecryptionError:
        raise BlobIntegrityError(f"stored file {blob.sha256[:12]}… failed its integrity check") from None
    if hashlib.sha256(data).hexdigest() != blob.sha256 or len(data) != blob.size:
        raise BlobIntegrityError(f"stored file {blob.sha256[:12]}… no longer matches its SHA-256")
    return data


def _write_once(sha256: str, data: bytes) -> None:
    """Write the sealed file atomically; keep a file already there if it holds these very bytes."""
    name = relative_path(sha256)
    path = Path(settings.HAVEN_FILES_DIR) / name
    if path.exists():
        _check_existing(path, name, sha256)
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    sealed = encrypt_bytes(data, context=name.encode("ascii"))
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(sealed)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)  # fails if the name exists: a stored file is never overwritten
        except FileExistsError:
            _check_existing(path, name, sha256)
    finally:
        os.unlink(temporary)
    _sync_directory(path.parent)


def _check_existing(path: Path, name: str, sha256: str) -> None:
    """A file left by an earlier attempt (its row rolled back) is reused only if it opens to these bytes."""
    try:
        data = decrypt_bytes(path.read_bytes(), context=name.encode("ascii"))
    except DecryptionError:
        raise BlobIntegrityError(
            f"stored file {sha256[:12]}… exists but is damaged; not overwritten"
        ) from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BlobIntegrityError(f"stored file {sha256[:12]}… exists with other content; not overwritten")


def _sync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
