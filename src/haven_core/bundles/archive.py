"""Writing and reading a bundle's archive: a streamed tar archive, optionally sealed with a passphrase."""

from __future__ import annotations

import io
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Protocol, cast

from haven_core.crypto import container


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


@contextmanager
def sealed(out: IO[bytes], passphrase: bytes | None) -> Iterator[IO[bytes]]:
    """The stream to write the archive to: ``out`` itself, or a passphrase-sealed container over it."""
    if passphrase is None:
        yield out
        return
    salt = container.new_salt()
    kdf = container.scrypt_kdf()
    writer = container.SealedWriter(out, container.passphrase_key(passphrase, salt, kdf), kdf=kdf, salt=salt)
    yield writer  # type: ignore[misc]
    writer.close()


def is_sealed(head: bytes) -> bool:
    return head.startswith(container.MAGIC)


def unsealed(source: IO[bytes], passphrase: bytes | None) -> Readable:
    """The archive's bytes from ``source``: as they are, or decrypted when the bundle is sealed.

    A sealed bundle's chunks are authenticated as they are read; cutting it short or changing any byte
    raises :class:`BundleError` by the end of the read at the latest.
    """
    peek = source.read(len(container.MAGIC))
    rest = _Prefixed(peek, source)
    if not is_sealed(peek):
        return rest
    if passphrase is None:
        raise BundleError("this bundle is encrypted: give its passphrase with --passphrase-file")
    try:
        header = container.read_header(cast(IO[bytes], rest))
        if header.kdf.get("kind") != "scrypt":
            raise BundleError("this file is sealed with a key ring, not a passphrase: it is not a bundle")
        key = container.passphrase_key(passphrase, header.salt, header.kdf)
        container.check_key(header, key)
    except container.WrongKey:
        raise BundleError("this bundle cannot be opened with this passphrase") from None
    except container.ContainerError:
        raise BundleError("this encrypted bundle is damaged: its header cannot be read") from None
    return _Translating(container.ChunkReader(container.open_chunks(cast(IO[bytes], rest), header, key)))


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
            return data
        return self._source.read(size)

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _Translating:
    """A sealed bundle's plaintext, with the container's backup-worded errors said about a bundle."""

    def __init__(self, reader: container.ChunkReader) -> None:
        self._reader = reader

    def read(self, size: int = -1) -> bytes:
        try:
            return self._reader.read(size)
        except container.ContainerError:
            raise BundleError(
                "this encrypted bundle is damaged or cut short: integrity check failed"
            ) from None
