"""A referral package opens only with the recipient's key, and shows any change to its files."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from haven_core.referral.package import (
    MANIFEST,
    SIGNATURE,
    PackageError,
    _add,
    manifest_bytes,
    open_package,
    seal,
)

FILES = {
    "dossier-en.pdf": b"%PDF-1.4 Kotova",
    "dossier-fr.pdf": b"%PDF-1.4 Kotova (fr)",
    "batch.csv": "Котова\n".encode(),
}
ABOUT = {"batch": "B-1", "created": "2026-11-24"}


@pytest.fixture
def keys() -> tuple[pyrage.x25519.Identity, Ed25519PrivateKey]:
    return pyrage.x25519.Identity.generate(), Ed25519PrivateKey.generate()


def test_the_recipient_decrypts_and_verifies_every_file(keys: tuple[Any, Ed25519PrivateKey]) -> None:
    identity, signer = keys
    sealed = seal(FILES, recipient=str(identity.to_public()), signing_key=signer, about=ABOUT)
    assert b"Kotova" not in sealed and sealed.startswith(b"age-encryption.org/v1")
    opened = open_package(sealed, identity=str(identity), verify_key=signer.public_key())
    assert opened.files == FILES
    assert opened.manifest["batch"] == "B-1"
    assert [f["name"] for f in opened.manifest["files"]] == sorted(FILES)


def test_the_decrypted_archive_checks_with_standard_tools(
    keys: tuple[Any, Ed25519PrivateKey], tmp_path: Path
) -> None:
    identity, signer = keys
    sealed = seal(FILES, recipient=str(identity.to_public()), signing_key=signer, about=ABOUT)
    sha256sum = shutil.which("sha256sum")
    if sha256sum is None:
        pytest.skip("sha256sum (coreutils) is not installed")
    plain = pyrage.decrypt(sealed, [identity])  # what `age -d -i key.txt` writes
    with tarfile.open(fileobj=io.BytesIO(plain)) as tar:
        tar.extractall(tmp_path, filter="data")
    lines = "".join(
        f"{e['sha256']}  {e['name']}\n" for e in json.loads((tmp_path / MANIFEST).read_text())["files"]
    )
    check = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sha256sum, "-c", "-"], input=lines.encode(), cwd=tmp_path, capture_output=True, check=False
    )
    assert check.returncode == 0, check.stdout


def test_another_key_cannot_open_it(keys: tuple[Any, Ed25519PrivateKey]) -> None:
    identity, signer = keys
    sealed = seal(FILES, recipient=str(identity.to_public()), signing_key=signer, about=ABOUT)
    with pytest.raises(PackageError, match="cannot be decrypted"):
        open_package(sealed, identity=str(pyrage.x25519.Identity.generate()), verify_key=signer.public_key())


def test_a_package_signed_by_someone_else_is_refused(keys: tuple[Any, Ed25519PrivateKey]) -> None:
    identity, signer = keys
    forged = seal(
        FILES, recipient=str(identity.to_public()), signing_key=Ed25519PrivateKey.generate(), about=ABOUT
    )
    with pytest.raises(PackageError, match="signature"):
        open_package(forged, identity=str(identity), verify_key=signer.public_key())


def test_a_file_changed_after_signing_is_refused(keys: tuple[Any, Ed25519PrivateKey]) -> None:
    identity, signer = keys
    manifest = manifest_bytes(FILES, ABOUT)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        _add(tar, MANIFEST, manifest)
        _add(tar, SIGNATURE, signer.sign(manifest))
        for name, data in {**FILES, "batch.csv": b"someone else"}.items():
            _add(tar, name, data)
    sealed = pyrage.encrypt(buffer.getvalue(), [identity.to_public()])
    with pytest.raises(PackageError, match=r"batch\.csv does not match"):
        open_package(sealed, identity=str(identity), verify_key=signer.public_key())


def test_a_bad_recipient_or_file_name_is_refused(keys: tuple[Any, Ed25519PrivateKey]) -> None:
    identity, signer = keys
    with pytest.raises(PackageError, match="age public key"):
        seal(FILES, recipient="ssh-rsa AAAA", signing_key=signer, about=ABOUT)
    with pytest.raises(PackageError):
        seal({"../x": b""}, recipient=str(identity.to_public()), signing_key=signer, about=ABOUT)
