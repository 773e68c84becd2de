"""A referral package: files, a manifest of their SHA-256 hashes signed with Haven's Ed25519 key, the
whole encrypted to the recipient's ``age`` public key.

Layout before encryption: a tar archive (fixed order, times and owners, so the same files give the same
bytes) holding ``MANIFEST.json``, ``MANIFEST.json.sig`` (the raw Ed25519 signature of the manifest's
bytes) and the files. The recipient decrypts with standard tooling (``age -d -i key.txt package.age >
package.tar``), checks the signature of ``MANIFEST.json`` against Haven's published public key and the
hash of every file (``sha256sum``); :func:`open_package` does the same in Python.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from collections.abc import Mapping
from dataclasses import dataclass

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


def manifest_bytes(files: Mapping[str, bytes], about: Mapping[str, object]) -> bytes:
    entries = [
        {"name": n, "sha256": hashlib.sha256(files[n]).hexdigest(), "size": len(files[n])}
        for n in sorted(files)
    ]
    return json.dumps({**about, "files": entries}, ensure_ascii=False, indent=2, sort_keys=True).encode(
        "utf-8"
    )


def seal(
    files: Mapping[str, bytes], *, recipient: str, signing_key: Ed25519PrivateKey, about: Mapping[str, object]
) -> bytes:
    """The encrypted package for one ``age`` recipient (``age1…``)."""
    for name in files:
        if name in (MANIFEST, SIGNATURE) or name.startswith(("/", "..")) or "/../" in name:
            raise PackageError(f"a file cannot be named {name!r}")
    try:
        key = pyrage.x25519.Recipient.from_str(recipient.strip())
    except Exception as exc:  # pyrage raises its own error types
        raise PackageError("not an age public key (age1…)") from exc
    manifest = manifest_bytes(files, about)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, MANIFEST, manifest)
        _add(tar, SIGNATURE, signing_key.sign(manifest))
        for name in sorted(files):
            _add(tar, name, files[name])
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
