"""How a backup file is encrypted: written as an age file, read as age or as the container used before it.

A backup is written as an age file (https://age-encryption.org), so it can be opened without Haven by
the ``age`` command (docs/backup-recovery.md):

- with ``--passphrase-file``, under that passphrase (scrypt), for restoring into an installation with
  other keys or keeping off-site;
- otherwise to X25519 recipients: one derived from this installation's current data key (so the key file
  alone restores it, as before), plus every public key in ``HAVEN_BACKUP_RECIPIENTS`` (made with
  ``age-keygen`` and kept off the machine, so a backup can be opened by hand if the key file is lost).

Backups written before age (``haven_core.crypto.container``, magic ``HAVENBK1``) still restore and check.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.conf import settings

from haven.security import keys
from haven_core.crypto import agefile, agekeys, container
from haven_core.crypto.agefile import AgeError, AgeWriter
from haven_core.crypto.container import ContainerError
from haven_core.crypto.sealing import DecryptionError

OLD_PURPOSE = b"haven backup v1"  # the old container's key, derived from a data key by HKDF
IDENTITY_PURPOSE = b"haven backup age identity v1"
AGE_FORMAT = "age"
OLD_FORMAT = "Haven container v1 (written before backups were age files)"
DAMAGED = "this backup is damaged: "


class BackupError(Exception):
    """A backup cannot be written or restored; the message is meant for the person running Haven."""


def _ring_identity(key_id: str) -> X25519PrivateKey:
    secret = keys.sealer().derived_key(key_id, salt=b"", purpose=IDENTITY_PURPOSE)
    return X25519PrivateKey.from_private_bytes(secret)


def ring_recipient() -> str:
    """The age recipient of this installation's current data key."""
    return agekeys.recipient_text(_ring_identity(keys.sealer().current).public_key())


def configured_recipients() -> list[str]:
    recipients = list(getattr(settings, "HAVEN_BACKUP_RECIPIENTS", []))
    for recipient in recipients:
        try:
            agekeys.recipient_bytes(recipient)
        except agekeys.KeyFormatError as exc:
            raise BackupError(
                f"HAVEN_BACKUP_RECIPIENTS: {recipient!r} is not an age public key ({exc})"
            ) from None
    return recipients


def writer(out: IO[bytes], *, passphrase: bytes | None) -> AgeWriter:
    """The age file a new backup is written through (``close`` it when the archive is complete)."""
    if passphrase is not None:
        return AgeWriter(out, passphrase=passphrase)
    return AgeWriter(out, recipients=[ring_recipient(), *configured_recipients()])


def read_identities(path: Path) -> list[X25519PrivateKey]:
    """The identities in an age identity file (as ``age-keygen`` writes it)."""
    try:
        return agekeys.identities_in(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BackupError(f"cannot read the identity file {path}: {exc.strerror}") from None
    except (agekeys.KeyFormatError, UnicodeDecodeError) as exc:
        raise BackupError(f"{path} is not an age identity file ({exc})") from None


@dataclass
class Opened:
    reader: Any  # a binary file-like object: the backup's plaintext (a gzip-compressed tar archive)
    format: str  # which format was read, and how it was opened, in words
    created_at: str = ""  # only the old format says it outside the archive


class _Translating:
    """The plaintext, with damage found while reading it said as a backup error."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader

    def read(self, size: int = -1) -> bytes:
        try:
            data: bytes = self._reader.read(size)
        except AgeError as exc:
            raise BackupError(DAMAGED + str(exc)) from None
        except ContainerError as exc:
            raise BackupError(str(exc)) from None
        return data


def _open_age(source: IO[bytes], passphrase: bytes | None, identities: Sequence[X25519PrivateKey]) -> Opened:
    try:
        header = agefile.read_header(source)
        if header.passphrase and passphrase is None:
            raise BackupError("this backup is protected by a passphrase: give it with --passphrase-file")
        ring = [_ring_identity(key_id) for key_id in keys.sealer().ring.data.keys]
        key = agefile.file_key(header, passphrase=passphrase, identities=[*identities, *ring])
        return Opened(_Translating(agefile.AgeReader(source, key)), header.describe())
    except agefile.WrongKey:
        if header.passphrase:
            raise BackupError("this backup cannot be opened with this key or passphrase") from None
        raise BackupError(
            "this backup is encrypted to age recipients that are not on this installation's key ring: "
            "restore with the key file that was in use when it was made (HAVEN_KEYS_FILE), or give the "
            "identity of one of its HAVEN_BACKUP_RECIPIENTS with --identity-file"
        ) from None
    except AgeError as exc:
        raise BackupError(DAMAGED + str(exc)) from None


def _old_key(header: container.Header, passphrase: bytes | None) -> bytes:
    kind = header.kdf.get("kind")
    if kind == "scrypt":
        if passphrase is None:
            raise BackupError("this backup is protected by a passphrase: give it with --passphrase-file")
        return container.passphrase_key(passphrase, header.salt, header.kdf)
    if kind == "keyring":
        try:
            return keys.sealer().derived_key(str(header.kdf["key_id"]), salt=header.salt, purpose=OLD_PURPOSE)
        except DecryptionError:
            raise BackupError(
                f"this backup was made under data key {header.kdf['key_id']!r}, which is not on this "
                "installation's key ring: restore with the key file that was in use when it was made "
                "(HAVEN_KEYS_FILE)"
            ) from None
    raise BackupError(container.DAMAGED + " (unknown key kind)")


def _open_old(source: IO[bytes], passphrase: bytes | None) -> Opened:
    try:
        header = container.read_header(source)
        key = _old_key(header, passphrase)
        container.check_key(header, key)
    except ContainerError as exc:
        raise BackupError(str(exc)) from None
    how = "passphrase (scrypt)" if header.kdf.get("kind") == "scrypt" else f"data key {header.kdf['key_id']}"
    reader = _Translating(container.ChunkReader(container.open_chunks(source, header, key)))
    return Opened(reader, f"{OLD_FORMAT}, {how}", header.created_at)


@contextmanager
def opened(
    path: Path, *, passphrase: bytes | None = None, identities: Sequence[X25519PrivateKey] = ()
) -> Iterator[Opened]:
    """The backup at ``path`` opened for reading, whichever format it is in."""
    with open(path, "rb") as source:
        head = source.read(len(agefile.MAGIC))
        source.seek(0)
        if agefile.is_age(head):
            yield _open_age(source, passphrase, identities)
        elif head.startswith(container.MAGIC):
            yield _open_old(source, passphrase)
        else:
            raise BackupError("this is not a Haven backup (or its first bytes are damaged)")
