"""age files (https://age-encryption.org/v1), written and read as streams.

Backups and evidence bundles are age files, so whoever holds the passphrase or an identity can open one
with the ``age`` command (or rage, or any other implementation) without Haven. The format:

    age-encryption.org/v1
    -> scrypt <salt> <log2 N>          (a passphrase; alone)   or   -> X25519 <share>  (one per recipient)
    <the file key, wrapped: base64>
    --- <HMAC-SHA-256 of the header, under a key derived from the file key>
    <16-byte nonce> <payload: ChaCha20-Poly1305 in 64 KiB chunks, nonce = counter ‖ last-chunk flag>

Each chunk is authenticated, and the last one is marked as last, so any changed, reordered or dropped
byte and any truncation fails. The reader tells a wrong passphrase or identity (no stanza opens) apart
from damage (a stanza opens but the header's MAC or a chunk fails).

Why written here rather than called: pyrage streams only to X25519 recipients (its passphrase functions
take and return whole buffers), and the ``age`` command reads passphrases only from a terminal, so
neither can write a many-gigabyte passphrase backup from cron without holding it in memory. This module
uses ``cryptography``'s primitives only; the tests check every kind of file against both pyrage (rage)
and the ``age`` command, in both directions.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from haven_core.crypto import agekeys

MAGIC = b"age-encryption.org/v1\n"
CHUNK = 64 * 1024
_SEALED_CHUNK = CHUNK + 16
WORK_FACTOR = 18  # log2 of scrypt's N, as the age command chooses (about a second, 256 MiB)
MAX_WORK_FACTOR = 22  # what a reader accepts: a file cannot make Haven spend minutes or gigabytes
_MAX_LINE = 1024
_MAX_STANZAS = 64
_MAX_BODY = 16 * 1024  # a stanza's body: X25519 and scrypt bodies are 32 bytes
_ZERO_NONCE = bytes(12)
DAMAGED = "integrity check failed"


class AgeError(Exception):
    """The file cannot be opened; the message says why, for the person running the command."""


class WrongKey(AgeError):
    pass


def is_age(head: bytes) -> bool:
    """Whether bytes starting a file (at least the magic line's length) are an age file's."""
    return head.startswith(MAGIC[: len(head)]) and len(head) > 0


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _unb64(text: bytes) -> bytes:
    """age's base64: standard alphabet, no padding, canonical (decoding and encoding again gives it back)."""
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise AgeError(DAMAGED + " (the header is unreadable)") from None
    if b"=" in text or _b64(data) != text:
        raise AgeError(DAMAGED + " (the header is unreadable)")
    return data


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _scrypt_key(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=b"age-encryption.org/v1/scrypt" + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase)


def _x25519_key(shared: bytes, share: bytes, recipient: bytes) -> bytes:
    if shared == bytes(32):
        raise AgeError(DAMAGED + " (a recipient stanza is invalid)")
    return _hkdf(shared, share + recipient, b"age-encryption.org/v1/X25519")


@dataclass(frozen=True)
class Stanza:
    kind: str
    args: tuple[str, ...]
    body: bytes

    def encode(self) -> bytes:
        text = _b64(self.body)
        lines = [text[i : i + 64] for i in range(0, len(text), 64)]
        if not lines or len(lines[-1]) == 64:
            lines.append(b"")  # the body ends with a line shorter than 64 columns, possibly empty
        head = " ".join(("->", self.kind, *self.args)).encode("ascii")
        return head + b"\n" + b"".join(line + b"\n" for line in lines)


def _scrypt_stanza(file_key: bytes, passphrase: bytes, work_factor: int) -> Stanza:
    salt = os.urandom(16)
    wrap = ChaCha20Poly1305(_scrypt_key(passphrase, salt, work_factor))
    return Stanza(
        "scrypt", (_b64(salt).decode(), str(work_factor)), wrap.encrypt(_ZERO_NONCE, file_key, None)
    )


def _x25519_stanza(file_key: bytes, recipient: bytes) -> Stanza:
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    wrap = ChaCha20Poly1305(_x25519_key(shared, share, recipient))
    return Stanza("X25519", (_b64(share).decode(),), wrap.encrypt(_ZERO_NONCE, file_key, None))


def _mac(file_key: bytes, header: bytes) -> bytes:
    return hmac.digest(_hkdf(file_key, b"", b"header"), header, "sha256")


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class AgeWriter:
    """A binary file-like object: what is written to it goes to ``out`` as an age file.

    Give a passphrase (scrypt) or one or more ``age1…`` recipients, not both: age lets a passphrase
    stanza stand only alone. Nothing is held but one 64 KiB chunk. ``close`` writes the last chunk and
    leaves ``out`` open.
    """

    def __init__(
        self,
        out: IO[bytes],
        *,
        passphrase: bytes | None = None,
        recipients: Sequence[str] = (),
        work_factor: int = WORK_FACTOR,
    ) -> None:
        if (passphrase is None) == (not recipients):
            raise ValueError("an age file needs either a passphrase or recipients")
        file_key = os.urandom(16)
        if passphrase is not None:
            stanzas = [_scrypt_stanza(file_key, passphrase, work_factor)]
        else:
            stanzas = [_x25519_stanza(file_key, agekeys.recipient_bytes(r)) for r in recipients]
        header = MAGIC + b"".join(s.encode() for s in stanzas) + b"---"
        nonce = os.urandom(16)
        out.write(header + b" " + _b64(_mac(file_key, header)) + b"\n" + nonce)
        self._aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
        self._out = out
        self._buffer = bytearray()
        self._counter = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # more follows, so this chunk is not the last
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def flush(self) -> None:
        """Chunks are written as they fill; there is nothing to flush early."""

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True

    def _emit(self, plain: bytes, *, last: bool) -> None:
        self._out.write(self._aead.encrypt(_chunk_nonce(self._counter, last), plain, None))
        self._counter += 1


@dataclass(frozen=True)
class Header:
    stanzas: tuple[Stanza, ...]
    signed: bytes  # the header up to and including "---", what the MAC covers
    mac: bytes

    @property
    def passphrase(self) -> bool:
        return any(s.kind == "scrypt" for s in self.stanzas)

    def describe(self) -> str:
        if self.passphrase:
            return "age, passphrase (scrypt)"
        kinds = sorted({s.kind for s in self.stanzas})
        count = len(self.stanzas)
        return f"age, {count} recipient{'s' if count != 1 else ''} ({', '.join(kinds)})"


def _line(source: IO[bytes]) -> bytes:
    line = source.readline(_MAX_LINE) if hasattr(source, "readline") else _slow_line(source)
    if not line.endswith(b"\n"):
        raise AgeError(DAMAGED + " (the header is cut short or unreadable)")
    return line


def _slow_line(source: IO[bytes]) -> bytes:
    line = bytearray()
    while len(line) < _MAX_LINE and not line.endswith(b"\n"):
        byte = source.read(1)
        if not byte:
            break
        line += byte
    return bytes(line)


def read_header(source: IO[bytes]) -> Header:
    """Read an age header (binary, not armored); raise :class:`AgeError` if it is not one or is damaged."""
    first = source.read(len(MAGIC))
    if first != MAGIC:
        raise AgeError("this is not an age file (or its first bytes are damaged)")
    signed, stanzas = bytearray(MAGIC), list[Stanza]()
    line = _line(source)
    while line.startswith(b"-> "):
        if len(stanzas) >= _MAX_STANZAS:
            raise AgeError(DAMAGED + " (too many stanzas)")
        signed += line
        kind, *args = line[3:-1].decode("ascii", errors="replace").split(" ")
        if not kind or any(not a for a in args):
            raise AgeError(DAMAGED + " (the header is unreadable)")
        body = bytearray()
        while True:
            part = _line(source)
            signed += part
            body += part[:-1]
            if len(part) - 1 > 64 or len(body) > _MAX_BODY:
                raise AgeError(DAMAGED + " (the header is unreadable)")
            if len(part) - 1 < 64:
                break
        stanzas.append(Stanza(kind, tuple(args), _unb64(bytes(body))))
        line = _line(source)
    if not line.startswith(b"--- ") or not stanzas:
        raise AgeError(DAMAGED + " (the header is unreadable)")
    signed += b"---"
    return Header(tuple(stanzas), bytes(signed), _unb64(line[4:-1]))


def _scrypt_unwrap(stanza: Stanza, passphrase: bytes) -> bytes | None:
    if len(stanza.args) != 2 or not stanza.args[1].isdigit() or stanza.args[1].startswith("0"):
        raise AgeError(DAMAGED + " (the passphrase stanza is unreadable)")
    salt, work_factor = _unb64(stanza.args[0].encode()), int(stanza.args[1])
    if len(salt) != 16 or len(stanza.body) != 32:
        raise AgeError(DAMAGED + " (the passphrase stanza is unreadable)")
    if work_factor > MAX_WORK_FACTOR:
        raise AgeError(
            f"its passphrase needs scrypt work factor {work_factor}, over the {MAX_WORK_FACTOR} allowed"
        )
    try:
        return ChaCha20Poly1305(_scrypt_key(passphrase, salt, work_factor)).decrypt(
            _ZERO_NONCE, stanza.body, None
        )
    except InvalidTag:
        return None


def _x25519_unwrap(stanza: Stanza, identity: X25519PrivateKey) -> bytes | None:
    if len(stanza.args) != 1 or len(stanza.body) != 32:
        raise AgeError(DAMAGED + " (a recipient stanza is unreadable)")
    share = _unb64(stanza.args[0].encode())
    if len(share) != 32:
        raise AgeError(DAMAGED + " (a recipient stanza is unreadable)")
    shared = identity.exchange(X25519PublicKey.from_public_bytes(share))
    mine = identity.public_key().public_bytes_raw()
    try:
        return ChaCha20Poly1305(_x25519_key(shared, share, mine)).decrypt(_ZERO_NONCE, stanza.body, None)
    except InvalidTag:
        return None


def file_key(
    header: Header, *, passphrase: bytes | None = None, identities: Sequence[X25519PrivateKey] = ()
) -> bytes:
    """The file key from the first stanza that opens, with the header's MAC checked."""
    if header.passphrase and len(header.stanzas) != 1:
        raise AgeError(DAMAGED + " (a passphrase stanza must stand alone)")
    key = None
    for stanza in header.stanzas:
        if stanza.kind == "scrypt" and passphrase is not None:
            key = _scrypt_unwrap(stanza, passphrase)
        elif stanza.kind == "X25519":
            key = next(filter(None, (_x25519_unwrap(stanza, i) for i in identities)), None)
        if key is not None:
            break
    if key is None:
        raise WrongKey("it cannot be opened with this passphrase or identity")
    if not hmac.compare_digest(_mac(key, header.signed), header.mac):
        raise AgeError(DAMAGED + " (its header was changed)")
    return key


class AgeReader:
    """The plaintext of the age file in ``source`` after :func:`read_header`, as a binary file-like object.

    Every chunk is authenticated before its bytes are returned; truncation is found only at the end, so
    callers that act on the contents should read the whole file once first.
    """

    def __init__(self, source: IO[bytes], key: bytes) -> None:
        nonce = _read_exactly(source, 16)
        if len(nonce) != 16:
            raise AgeError(DAMAGED + " (it is cut short)")
        self._aead = ChaCha20Poly1305(_hkdf(key, nonce, b"payload"))
        self._source = source
        self._counter = 0
        self._peeked = b""
        self._done = False
        self._buffer = b""
        self._pos = 0

    def _next_chunk(self) -> bytes | None:
        if self._done:
            return None
        sealed = self._peeked + _read_exactly(self._source, _SEALED_CHUNK - len(self._peeked))
        self._peeked = self._source.read(1) if len(sealed) == _SEALED_CHUNK else b""
        last = not self._peeked
        try:
            plain = self._aead.decrypt(_chunk_nonce(self._counter, last), sealed, None)
        except InvalidTag:
            cut = last and len(sealed) == _SEALED_CHUNK
            raise AgeError(DAMAGED + (" (it is cut short)" if cut else "")) from None
        if last and not plain and self._counter > 0:
            raise AgeError(DAMAGED + " (an empty last chunk)")
        self._counter += 1
        self._done = last
        return plain

    def read(self, size: int = -1) -> bytes:
        parts = []
        while size != 0:
            if self._pos >= len(self._buffer):
                chunk = self._next_chunk()
                if chunk is None:
                    break
                self._buffer, self._pos = chunk, 0
                continue
            available = len(self._buffer) - self._pos
            take = available if size < 0 else min(size, available)
            parts.append(self._buffer[self._pos : self._pos + take])
            self._pos += take
            if size > 0:
                size -= take
        return b"".join(parts)

    def readable(self) -> bool:
        return True


def _read_exactly(source: IO[bytes], size: int) -> bytes:
    """``size`` bytes, or fewer only at the end of ``source`` (some streams return short reads)."""
    data = source.read(size)
    while 0 < len(data) < size and (more := source.read(size - len(data))):
        data += more
    return data


def verify(source: IO[bytes], key: bytes) -> int:
    """Read the whole payload after the header and check it; return the number of plaintext bytes."""
    reader, total = AgeReader(source, key), 0
    while chunk := reader.read(CHUNK):
        total += len(chunk)
    return total
