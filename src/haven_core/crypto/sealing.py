"""Authenticated encryption of values and files, and keyed blind indexes, under a key ring.

A sealed text value looks like ``v1:d-3f9a1c2e:<base64 of nonce + ciphertext + tag>``. The version and key
id are bound to the ciphertext as associated data, so a value cannot be made to decrypt under another key
id or format version by editing its prefix. A fresh 96-bit random nonce is drawn per value: with at most
a few million values per key this stays far below the point where random nonces might repeat (2^32), and
rotating the data key resets the count.

Stored files come in two forms, both under the current data key and bound to a context (their path):
sealed bytes (``HVB1``: one nonce, one AES-GCM message, for files read and written whole) and sealed
streams (``HVS1``, :meth:`Sealer.seal_stream`: for files too large to hold in memory, such as a referral
package). A stream is cut into chunks of at most 64 KiB, each its own AES-GCM message whose nonce is a
random 7-byte prefix drawn per file, the chunk's number and a flag set on the last chunk only (the STREAM
construction): chunks cannot be reordered, dropped, or cut off at the end without opening failing.

A blind index is HMAC-SHA256 of the exact text under the index key, cut to 128 bits and written in hex:
equal texts give equal index values, so exact search works, but without the index key nobody can compute
the index of a guessed name or A-number.

:class:`Sealer` is built once per key ring and keeps the cipher objects, so encoding 100,000 households
does not rebuild an AES key schedule per value.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import io
import os
from collections.abc import Iterator
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from haven_core.crypto.keyring import KeyRing, KeyRingError

VERSION = "v1"
NONCE_BYTES = 12
INDEX_BYTES = 16
_BLOB_MAGIC = b"HVB1"  # sealed bytes (stored files): magic, key id length, key id, nonce, ciphertext
_STREAM_MAGIC = b"HVS1"  # sealed stream: magic, key id length, key id, nonce prefix, chunk size, chunks
STREAM_CHUNK = 64 * 1024
_PREFIX_BYTES = 7  # + 4 bytes of chunk number + 1 byte "last chunk" flag = a 96-bit nonce
_TAG_BYTES = 16


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


class DecryptionError(ValueError):
    """A stored value could not be decrypted: unknown key, wrong key, or damaged."""


class Sealer:
    """Encrypts and decrypts with one key ring (see the module docstring for the formats)."""

    def __init__(self, ring: KeyRing) -> None:
        self.ring = ring
        self.current = ring.data.current
        self.prefix = f"{VERSION}:{self.current}:"
        self._aead = {key_id: AESGCM(secret) for key_id, secret in ring.data.keys.items()}
        self._current_aead = self._aead[self.current]
        self._current_aad = self.prefix.encode("ascii")
        index_keys = ring.index.keys
        self._index_key = index_keys[ring.index.current]
        self._index_keys = [self._index_key, *(v for k, v in index_keys.items() if k != ring.index.current)]

    # -- text values (database columns) ---------------------------------------------------------------

    def seal_text(self, text: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._current_aead.encrypt(nonce, text.encode("utf-8"), self._current_aad)
        return self.prefix + base64.b64encode(nonce + sealed).decode("ascii")

    def open_text(self, stored: str) -> str:
        key_id = key_id_of(stored)
        if key_id is None:
            raise DecryptionError("the stored value is not encrypted in a format Haven knows")
        aead = self._aead.get(key_id)
        if aead is None:
            raise DecryptionError(f"the stored value needs key {key_id!r}, which is not on the key ring")
        head = f"{VERSION}:{key_id}:"
        try:
            raw = base64.b64decode(stored[len(head) :], validate=True)
            return aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], head.encode("ascii")).decode("utf-8")
        except (binascii.Error, ValueError, InvalidTag):
            raise DecryptionError(f"a value under key {key_id!r} failed its integrity check") from None

    def is_current(self, stored: str) -> bool:
        return stored.startswith(self.prefix)

    # -- blind indexes ----------------------------------------------------------------------------------

    def blind_index(self, text: str) -> str:
        return hmac.digest(self._index_key, text.encode("utf-8"), "sha256")[:INDEX_BYTES].hex()

    def blind_indexes(self, text: str) -> list[str]:
        """The index of ``text`` under every index key on the ring, current first (for searching)."""
        data = text.encode("utf-8")
        return [hmac.digest(key, data, "sha256")[:INDEX_BYTES].hex() for key in self._index_keys]

    # -- bytes (stored files) ---------------------------------------------------------------------------

    def seal_bytes(self, data: bytes, *, context: bytes = b"") -> bytes:
        """Encrypt a file's bytes; ``context`` (e.g. the evidence id) must be given again to open them."""
        key_id = self.current.encode("ascii")
        head = _BLOB_MAGIC + bytes([len(key_id)]) + key_id
        nonce = os.urandom(NONCE_BYTES)
        return head + nonce + self._current_aead.encrypt(nonce, data, head + context)

    def open_bytes(self, blob: bytes, *, context: bytes = b"") -> bytes:
        """Open sealed bytes, or a whole sealed stream held in memory."""
        if blob.startswith(_STREAM_MAGIC):
            return b"".join(self.open_stream(io.BytesIO(blob), context=context))
        key_id = blob_key_id(blob)
        if key_id is None:
            raise DecryptionError("these bytes are not a file sealed by Haven")
        id_end = len(_BLOB_MAGIC) + 1 + len(key_id)
        aead = self._aead.get(key_id)
        if aead is None:
            raise DecryptionError(f"the file needs key {key_id!r}, which is not on the key ring")
        nonce, sealed = blob[id_end : id_end + NONCE_BYTES], blob[id_end + NONCE_BYTES :]
        try:
            return aead.decrypt(nonce, sealed, blob[:id_end] + context)
        except InvalidTag:
            raise DecryptionError(f"a file under key {key_id!r} failed its integrity check") from None

    def seal_stream(self, source: Readable, target: Writable, *, context: bytes = b"") -> None:
        """Encrypt everything ``source`` reads into ``target``, a chunk at a time: memory does not grow
        with the file. ``context`` must be given again to open it."""
        key_id = self.current.encode("ascii")
        prefix = os.urandom(_PREFIX_BYTES)
        head = _STREAM_MAGIC + bytes([len(key_id)]) + key_id + prefix + STREAM_CHUNK.to_bytes(4, "big")
        target.write(head)
        aad, number = head + context, 0
        chunk = _read_full(source, STREAM_CHUNK)
        while True:
            following = _read_full(source, STREAM_CHUNK) if len(chunk) == STREAM_CHUNK else b""
            last = not following
            nonce = prefix + number.to_bytes(4, "big") + bytes([last])
            target.write(self._current_aead.encrypt(nonce, chunk, aad))
            if last:
                return
            chunk, number = following, number + 1

    def open_stream(self, source: Readable, *, context: bytes = b"") -> Iterator[bytes]:
        """The plain chunks of a stream sealed by :meth:`seal_stream`, read from ``source`` as they are
        needed. Its header is checked at once; a damaged, reordered or cut chunk raises when reached."""
        fixed = _read_full(source, len(_STREAM_MAGIC) + 1)
        if len(fixed) <= len(_STREAM_MAGIC) or not fixed.startswith(_STREAM_MAGIC):
            raise DecryptionError("these bytes are not a stream sealed by Haven")
        rest = _read_full(source, fixed[-1] + _PREFIX_BYTES + 4)
        key_id = rest[: fixed[-1]].decode("ascii", errors="replace")
        aead = self._aead.get(key_id)
        if aead is None:
            raise DecryptionError(f"the file needs key {key_id!r}, which is not on the key ring")
        prefix = rest[fixed[-1] : fixed[-1] + _PREFIX_BYTES]
        size = int.from_bytes(rest[fixed[-1] + _PREFIX_BYTES :], "big")
        if len(rest) != fixed[-1] + _PREFIX_BYTES + 4 or not 0 < size <= 1 << 24:
            raise DecryptionError("a sealed stream's header is damaged")
        return self._chunks(aead, source, fixed + rest + context, prefix, size, key_id)

    def _chunks(
        self, aead: AESGCM, source: Readable, aad: bytes, prefix: bytes, size: int, key_id: str
    ) -> Iterator[bytes]:
        number, block = 0, _read_full(source, size + _TAG_BYTES)
        while True:
            following = _read_full(source, size + _TAG_BYTES) if len(block) == size + _TAG_BYTES else b""
            nonce = prefix + number.to_bytes(4, "big") + bytes([not following])
            try:
                yield aead.decrypt(nonce, block, aad)
            except InvalidTag:
                raise DecryptionError(f"a file under key {key_id!r} failed its integrity check") from None
            if not following:
                return
            block, number = following, number + 1

    # -- keys for other purposes ------------------------------------------------------------------------

    def derived_key(self, key_id: str, *, salt: bytes, purpose: bytes) -> bytes:
        """A 256-bit key for ``purpose`` (e.g. one backup) derived from data key ``key_id`` by HKDF."""
        try:
            secret = self.ring.data.secret(key_id)
        except KeyRingError as exc:
            raise DecryptionError(str(exc)) from None
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(secret)


def key_id_of(stored: str) -> str | None:
    """The key id in a sealed text value, or ``None`` if the value is not in the sealed format."""
    version, sep, rest = stored.partition(":")
    key_id, sep2, _ = rest.partition(":")
    if version != VERSION or not sep or not sep2 or not key_id:
        return None
    return key_id


def _read_full(source: Readable, size: int) -> bytes:
    """``size`` bytes from ``source``, fewer only at its end (a pipe or socket may return less)."""
    data = source.read(size)
    while data and len(data) < size:
        more = source.read(size - len(data))
        if not more:
            break
        data += more
    return data


def is_stream(head: bytes) -> bool:
    """Whether (the first bytes of) a stored file are a sealed stream rather than sealed bytes."""
    return head.startswith(_STREAM_MAGIC)


def blob_key_id(blob: bytes) -> str | None:
    """The key id in (the first bytes of) a sealed file, bytes or stream, or ``None`` if it is neither."""
    if not blob.startswith((_BLOB_MAGIC, _STREAM_MAGIC)) or len(blob) <= len(_BLOB_MAGIC):
        return None
    length = blob[len(_BLOB_MAGIC)]
    key_id = blob[len(_BLOB_MAGIC) + 1 : len(_BLOB_MAGIC) + 1 + length]
    return key_id.decode("ascii", errors="replace") if len(key_id) == length else None
