"""Writing and reading a bundle's archive: a streamed tar archive, optionally sealed as an age file.

A sealed bundle is an age file (under a passphrase, or to the recipients' age public keys), which
the recipient can open with the ``age`` command. Bundles sealed before in Haven's own container
(magic ``HAVENBK1``, passphrase only) are still read.
"""

from __future__ import annotations

import io
import tarfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Protocol, cast

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from haven_core.crypto import agefile, container


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class BundleError(Exception):
    """The bundle cannot be written or opened; the message is for the person running the command."""


class BundleArchive:
    """Adds members to a tar stream written to ``out``; no member is ever written to disk in clear."""

    def __init__(self, out: IO[bytes]) -> None:
        self._tar = tarfile.open(fileobj=out, mode="w|")
        self._now = int(time.time())

    def add(self, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = len(data), 0o600, self._now
        self._tar.addfile(info, io.BytesIO(data))

    def close(self) -> None:
        self._tar.close()


CLEAR = "unencrypted tar archive"
OLD_FORMAT = "Haven container v1 (sealed before bundles were age files), passphrase (scrypt)"


@contextmanager
def sealed(out: IO[bytes], passphrase: bytes | None, recipients: Sequence[str] = ()) -> Iterator[IO[bytes]]:
    """The stream to write the archive to: ``out`` itself, or an age file over it."""
    if passphrase is None and not recipients:
        yield out
        return
    writer = agefile.AgeWriter(out, passphrase=passphrase, recipients=recipients)
    yield writer  # type: ignore[misc]
    writer.close()


def opened(
    source: IO[bytes], passphrase: bytes | None, identities: Sequence[X25519PrivateKey] = ()
) -> tuple[Readable, str]:
    """The archive's bytes from ``source``, decrypted if the bundle is sealed, and which format it is in.

    A sealed bundle's chunks are authenticated as they are read; cutting it short or changing any byte
    raises :class:`BundleError` by the end of the read at the latest.
    """
    peek = source.read(len(agefile.MAGIC))
    rest = cast(IO[bytes], _Prefixed(peek, source))
    if agefile.is_age(peek) and len(peek) == len(agefile.MAGIC):
        return _open_age(rest, passphrase, identities)
    if not peek.startswith(container.MAGIC):
        return rest, CLEAR
    if passphrase is None:
        raise BundleError("this bundle is encrypted: give its passphrase with --passphrase-file")
    try:
        header = container.read_header(rest)
        if header.kdf.get("kind") != "scrypt":
            raise BundleError("this file is sealed with a key ring, not a passphrase: it is not a bundle")
        key = container.passphrase_key(passphrase, header.salt, header.kdf)
        container.check_key(header, key)
    except container.WrongKey:
        raise BundleError("this bundle cannot be opened with this passphrase") from None
    except container.ContainerError:
        raise BundleError("this encrypted bundle is damaged: its header cannot be read") from None
    return _Translating(container.ChunkReader(container.open_chunks(rest, header, key))), OLD_FORMAT


def _open_age(
    source: IO[bytes], passphrase: bytes | None, identities: Sequence[X25519PrivateKey]
) -> tuple[Readable, str]:
    try:
        header = agefile.read_header(source)
        if header.passphrase and passphrase is None:
            raise BundleError("this bundle is encrypted: give its passphrase with --passphrase-file")
        if not header.passphrase and not identities:
            raise BundleError("this bundle is encrypted to age keys: give an identity with --identity-file")
        key = agefile.file_key(header, passphrase=passphrase, identities=identities)
    except agefile.WrongKey:
        what = "passphrase" if header.passphrase else "identity"
        raise BundleError(f"this bundle cannot be opened with this {what}") from None
    except agefile.AgeError as exc:
        raise BundleError(f"this encrypted bundle is damaged: {exc}") from None
    return _Translating(agefile.AgeReader(source, key)), header.describe()


class _Prefixed(io.RawIOBase):
    """``source`` with ``prefix`` (already read from it) put back in front."""

    def __init__(self, prefix: bytes, source: IO[bytes]) -> None:
        self._prefix, self._source = prefix, source

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            if size < 0:
                data, self._prefix = self._prefix + self._source.read(), b""
                return data
            data, self._prefix = self._prefix[:size], self._prefix[size:]
            return data + self._source.read(size - len(data)) if len(data) < size else data
        return self._source.read(size)

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Translating:
    """A sealed bundle's plaintext, with the decryption's errors said about a bundle."""

    def __init__(self, reader: container.ChunkReader | agefile.AgeReader) -> None:
        self._reader = reader

    def read(self, size: int = -1) -> bytes:
        try:
            return self._reader.read(size)
        except (container.ContainerError, agefile.AgeError):
            raise BundleError(
                "this encrypted bundle is damaged or cut short: integrity check failed"
            ) from None
