"""The container backups and bundles were sealed in before they became age files; kept to read them.

New backups and bundles are age files (:mod:`haven_core.crypto.agefile`). This reader stays so that
backups and bundles written before still restore and verify; the writer stays for the tests that prove
it (they write a file as Haven did then).

A sealed container: a stream of bytes (a backup) encrypted and integrity-checked in chunks.

Layout::

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (JSON, UTF-8) | chunk | chunk | ...
    chunk = ciphertext length (4 bytes, big-endian) | AES-256-GCM ciphertext and tag

The header is readable without a key: format, creation time, how to get the key (a data key id or a
passphrase's scrypt parameters), the salt, a nonce prefix and a *key check* that tells a wrong key or
passphrase apart from damage. It holds nothing about the contents.

Chunk ``n`` is encrypted with nonce ``prefix || n`` and associated data ``SHA-256(magic + header) || n ||
last``. So a changed header, reordered, dropped or changed chunks all fail authentication, and because the
last chunk is marked as last, cutting the file short fails too. The last chunk's plaintext is the SHA-256
of everything before it, checked once more at the end.

Writing and reading stream, so a backup of many gigabytes never sits in memory, and no plaintext is ever
written to disk. Pure Python over ``cryptography``; no Django.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"HAVENBK1"
FORMAT = 1
CHUNK_BYTES = 1 << 20
_TAG_BYTES = 16
_MAX_HEADER = 64 * 1024
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}
DAMAGED = "this backup is damaged: integrity check failed"


class ContainerError(Exception):
    """The container cannot be opened; the message is meant for the person running the command."""


class WrongKey(ContainerError):
    pass


@dataclass(frozen=True)
class Header:
    created_at: str
    kdf: dict[str, Any]  # {"kind": "keyring", "key_id": ...} or {"kind": "scrypt", "n": .., "r": .., "p": ..}
    salt: bytes
    nonce_prefix: bytes
    key_check: str
    raw: bytes  # the header exactly as stored, for binding into every chunk

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(MAGIC + self.raw).digest()


def new_salt() -> bytes:
    return os.urandom(16)


def passphrase_key(passphrase: bytes, salt: bytes, kdf: dict[str, Any]) -> bytes:
    """A 256-bit key from a passphrase by scrypt, slow enough to make guessing expensive."""
    return Scrypt(salt=salt, length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])).derive(passphrase)


def scrypt_kdf() -> dict[str, Any]:
    return {"kind": "scrypt", **_SCRYPT}


def _key_check(key: bytes) -> str:
    return hmac.digest(key, b"haven backup key check", "sha256")[:16].hex()


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + struct.pack(">I", counter)


def _aad(header: Header, counter: int, last: bool) -> bytes:
    return header.digest + struct.pack(">I?", counter, last)


class SealedWriter:
    """A binary file-like object: what is written to it goes to ``out`` encrypted, in chunks."""

    def __init__(self, out: IO[bytes], key: bytes, *, kdf: dict[str, Any], salt: bytes) -> None:
        fields = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "kdf": kdf,
            "salt": base64.b64encode(salt).decode("ascii"),
            "nonce_prefix": base64.b64encode(os.urandom(8)).decode("ascii"),
            "key_check": _key_check(key),
        }
        raw = json.dumps(fields, sort_keys=True).encode("utf-8")
        self.header = _header(fields, raw)
        self._out = out
        self._aead = AESGCM(key)
        self._buffer = bytearray()
        self._counter = 0
        self._hash = hashlib.sha256()
        self.closed = False
        out.write(MAGIC + struct.pack(">I", len(raw)) + raw)

    def write(self, data: bytes) -> int:
        self._buffer += data
        self._hash.update(data)
        while len(self._buffer) >= CHUNK_BYTES:
            self._emit(bytes(self._buffer[:CHUNK_BYTES]), last=False)
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def flush(self) -> None:
        """Chunks are written as they fill; there is nothing to flush early."""

    def close(self) -> None:
        """Write what is left and the last chunk (the SHA-256 of everything); does not close ``out``."""
        if self.closed:
            return
        if self._buffer:
            self._emit(bytes(self._buffer), last=False)
            self._buffer.clear()
        self._emit(self._hash.digest(), last=True)
        self.closed = True

    def _emit(self, plain: bytes, *, last: bool) -> None:
        nonce = _nonce(self.header.nonce_prefix, self._counter)
        sealed = self._aead.encrypt(nonce, plain, _aad(self.header, self._counter, last))
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._counter += 1


def _header(fields: dict[str, Any], raw: bytes) -> Header:
    try:
        return Header(
            created_at=str(fields["created_at"]),
            kdf=dict(fields["kdf"]),
            salt=base64.b64decode(fields["salt"], validate=True),
            nonce_prefix=base64.b64decode(fields["nonce_prefix"], validate=True),
            key_check=str(fields["key_check"]),
            raw=raw,
        )
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise ContainerError(DAMAGED + " (the header is unreadable)") from None


def read_header(source: IO[bytes]) -> Header:
    """Read the header; raise :class:`ContainerError` if this is not a Haven backup or is damaged."""
    if source.read(len(MAGIC)) != MAGIC:
        raise ContainerError("this is not a Haven backup (or its first bytes are damaged)")
    size = source.read(4)
    if len(size) != 4 or not 0 < struct.unpack(">I", size)[0] <= _MAX_HEADER:
        raise ContainerError(DAMAGED + " (the header is unreadable)")
    raw = source.read(struct.unpack(">I", size)[0])
    try:
        fields = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ContainerError(DAMAGED + " (the header is unreadable)") from None
    if not isinstance(fields, dict) or fields.get("format") != FORMAT:
        raise ContainerError(DAMAGED + " (unknown format)")
    return _header(fields, raw)


def check_key(header: Header, key: bytes) -> None:
    if not hmac.compare_digest(_key_check(key), header.key_check):
        raise WrongKey("this backup cannot be opened with this key or passphrase")


def open_chunks(source: IO[bytes], header: Header, key: bytes) -> Iterator[bytes]:
    """Yield the decrypted chunks after ``read_header``; raise :class:`ContainerError` on any damage.

    Every chunk is authenticated before it is yielded. Truncation is detected only at the end, so callers
    that act on the contents should read the whole container once first (see ``verify``).
    """
    check_key(header, key)
    aead = AESGCM(key)
    digest = hashlib.sha256()
    counter = 0
    pending = _read_chunk(source)
    while pending is not None:
        following = _read_chunk(source)
        last = following is None
        try:
            plain = aead.decrypt(_nonce(header.nonce_prefix, counter), pending, _aad(header, counter, last))
        except InvalidTag:
            raise ContainerError(DAMAGED) from None
        if last:
            if not hmac.compare_digest(plain, digest.digest()):
                raise ContainerError(DAMAGED)
            return
        digest.update(plain)
        yield plain
        counter += 1
        pending = following
    raise ContainerError(DAMAGED + " (it is empty after the header)")


def _read_chunk(source: IO[bytes]) -> bytes | None:
    size = source.read(4)
    if not size:
        return None
    if len(size) != 4:
        raise ContainerError(DAMAGED + " (it is cut short)")
    length = struct.unpack(">I", size)[0]
    if not _TAG_BYTES <= length <= CHUNK_BYTES + _TAG_BYTES:
        raise ContainerError(DAMAGED)
    sealed = source.read(length)
    if len(sealed) != length:
        raise ContainerError(DAMAGED + " (it is cut short)")
    return sealed


def verify(source: IO[bytes], header: Header, key: bytes) -> int:
    """Read the whole container and check it; return the number of plaintext bytes."""
    return sum(len(chunk) for chunk in open_chunks(source, header, key))


class ChunkReader:
    """A binary file-like object reading the plaintext of ``open_chunks`` (what ``tarfile`` needs)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        parts = []
        while size != 0:
            if self._pos >= len(self._buffer):
                chunk = next(self._chunks, None)
                if chunk is None:
                    break
                self._buffer, self._pos = chunk, 0
            available = len(self._buffer) - self._pos
            take = available if size < 0 else min(size, available)
            parts.append(self._buffer[self._pos : self._pos + take])
            self._pos += take
            if size > 0:
                size -= take
        return b"".join(parts)
