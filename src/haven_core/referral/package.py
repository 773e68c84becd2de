"""A referral package: files, a manifest of their SHA-256 hashes signed with Haven's Ed25519 key, the
whole encrypted to the recipient's ``age`` public key.

Layout before encryption: a tar archive (fixed order, times and owners, so the same files give the same
bytes) holding the files, then ``MANIFEST.json`` and ``MANIFEST.json.sig`` (the raw Ed25519 signature of
the manifest's bytes). The manifest comes last so that a package can be written as its files are made,
encrypted on the way, without holding them all in memory (:class:`PackageWriter`). The recipient
decrypts with standard tooling (``age -d -i key.txt package.age > package.tar``), checks the signature
of ``MANIFEST.json`` against Haven's published public key and the hash of every file (``sha256sum``);
:func:`open_package` does the same in Python.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

MANIFEST = "MANIFEST.json"
SIGNATURE = "MANIFEST.json.sig"


class PackageError(Exception):
    """A package that cannot be opened, or whose signature or hashes do not match."""


@dataclass(frozen=True)
class Opened:
    files: dict[str, bytes]
    manifest: dict[str, object]


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode, info.uname, info.gname = len(data), 0, 0o644, "haven", "haven"
    tar.addfile(info, io.BytesIO(data))


def _entry(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _manifest(entries: list[dict[str, Any]], about: Mapping[str, object]) -> bytes:
    entries = sorted(entries, key=lambda e: str(e["name"]))
    return json.dumps({**about, "files": entries}, ensure_ascii=False, indent=2, sort_keys=True).encode(
        "utf-8"
    )


def manifest_bytes(files: Mapping[str, bytes], about: Mapping[str, object]) -> bytes:
    return _manifest([_entry(n, files[n]) for n in files], about)


def _check_name(name: str) -> None:
    if name in (MANIFEST, SIGNATURE) or name.startswith(("/", "..")) or "/../" in name:
        raise PackageError(f"a file cannot be named {name!r}")


def _recipient(recipient: str) -> Any:
    try:
        return pyrage.x25519.Recipient.from_str(recipient.strip())
    except Exception as exc:  # pyrage raises its own error types
        raise PackageError("not an age public key (age1…)") from exc


class PackageWriter:
    """A package written as its files come: each file goes into the tar, encrypted to the recipient on
    the way to ``path``, and only its name, hash and size stay in memory; :meth:`finish` appends the
    signed manifest. Nothing unencrypted touches the disk, and memory does not grow with the package.

    Use as a context manager: leaving it on an error removes the half-written file."""

    def __init__(self, path: Path, *, recipient: str) -> None:
        key = _recipient(recipient)
        self.path = path
        self._entries: list[dict[str, Any]] = []
        self._names: set[str] = set()
        read_end, write_end = os.pipe()
        self._output = path.open("wb")
        self._failure: BaseException | None = None
        self._closed = False

        def encrypt() -> None:  # age reads the tar from the pipe as the writer fills it
            with os.fdopen(read_end, "rb") as plain:
                try:
                    pyrage.encrypt_io(plain, self._output, [key])
                except BaseException as exc:  # reported by finish()
                    self._failure = exc
                    plain.read()  # drain, so that the writer is never blocked on a full pipe

        self._encrypting = threading.Thread(target=encrypt, name="package-encryption", daemon=True)
        self._encrypting.start()
        self._plain = os.fdopen(write_end, "wb")
        self._tar = tarfile.open(fileobj=self._plain, mode="w|", format=tarfile.PAX_FORMAT)

    def add(self, name: str, data: bytes) -> None:
        _check_name(name)
        if name in self._names:
            raise PackageError(f"{name!r} is in the package twice")
        self._names.add(name)
        _add(self._tar, name, data)
        self._entries.append(_entry(name, data))

    @property
    def count(self) -> int:
        return len(self._entries)

    def finish(self, *, signing_key: Ed25519PrivateKey, about: Mapping[str, object]) -> int:
        """Append the signed manifest, close the tar and the encryption; the package's size in bytes."""
        manifest = _manifest(self._entries, about)
        _add(self._tar, MANIFEST, manifest)
        _add(self._tar, SIGNATURE, signing_key.sign(manifest))
        self._close()
        if self._failure is not None:
            raise PackageError(f"the package could not be encrypted: {self._failure}")
        return self.path.stat().st_size

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._tar.close()
            self._plain.close()
        finally:
            self._encrypting.join()
            self._output.close()

    def __enter__(self) -> PackageWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        unfinished = not self._closed
        self._close()
        if kind is not None or unfinished:  # an error, or a package left without its manifest
            self.path.unlink(missing_ok=True)


def seal(
    files: Mapping[str, bytes], *, recipient: str, signing_key: Ed25519PrivateKey, about: Mapping[str, object]
) -> bytes:
    """The encrypted package for one ``age`` recipient (``age1…``), in memory: for small packages and
    tests; an export writes with :class:`PackageWriter`."""
    for name in files:
        _check_name(name)
    key = _recipient(recipient)
    manifest = manifest_bytes(files, about)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(files):
            _add(tar, name, files[name])
        _add(tar, MANIFEST, manifest)
        _add(tar, SIGNATURE, signing_key.sign(manifest))
    encrypted: bytes = pyrage.encrypt(buffer.getvalue(), [key])
    return encrypted


def open_package(data: bytes, *, identity: str, verify_key: Ed25519PublicKey) -> Opened:
    """Decrypt, check the manifest's signature and every file's hash; the recipient's side."""
    try:
        plain: bytes = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity.strip())])
    except Exception as exc:
        raise PackageError("the package cannot be decrypted with this key") from exc
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r") as tar:
        members = {}
        for m in tar.getmembers():
            f = tar.extractfile(m)
            if f is not None:
                members[m.name] = f.read()
    manifest, signature = members.pop(MANIFEST, None), members.pop(SIGNATURE, None)
    if manifest is None or signature is None:
        raise PackageError("the package has no signed manifest")
    try:
        verify_key.verify(signature, manifest)
    except InvalidSignature as exc:
        raise PackageError("the manifest's signature does not match Haven's key") from exc
    listed = json.loads(manifest)
    named = {e["name"]: e["sha256"] for e in listed["files"]}
    if set(named) != set(members):
        raise PackageError("the files do not match the manifest")
    for name, digest in named.items():
        if hashlib.sha256(members[name]).hexdigest() != digest:
            raise PackageError(f"{name} does not match its hash in the manifest")
    return Opened(members, listed)
