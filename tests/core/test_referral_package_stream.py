"""A package written as its files come (``PackageWriter``): the recipient opens and verifies it as any
package; memory does not grow with the number of files; a failed export leaves no file behind."""

from __future__ import annotations

import os
import tarfile
import tracemalloc
from io import BytesIO
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from haven_core.referral.package import MANIFEST, SIGNATURE, PackageError, PackageWriter, open_package

MB = 1 << 20


def test_a_streamed_package_opens_verifies_and_ends_with_its_signed_manifest(tmp_path: Path) -> None:
    identity, key = pyrage.x25519.Identity.generate(), Ed25519PrivateKey.generate()
    path = tmp_path / "RB-1.tar.age"
    with PackageWriter(path, recipient=str(identity.to_public())) as writer:
        writer.add("dossiers/H-1.en.pdf", b"%PDF one")
        writer.add("dossiers/H-1.fr.pdf", b"%PDF un")
        writer.add("households.csv", "Котова\n".encode())
        size = writer.finish(signing_key=key, about={"batch": "RB-1"})
    assert size == path.stat().st_size and writer.count == 3
    opened = open_package(path.read_bytes(), identity=str(identity), verify_key=key.public_key())
    assert opened.files["households.csv"] == "Котова\n".encode()
    assert [f["name"] for f in opened.manifest["files"]] == sorted(opened.files)  # type: ignore[index]
    plain = pyrage.decrypt(path.read_bytes(), [identity])
    with tarfile.open(fileobj=BytesIO(plain)) as tar:
        assert tar.getnames()[-2:] == [MANIFEST, SIGNATURE]


def test_memory_does_not_grow_with_the_package(tmp_path: Path) -> None:
    identity = pyrage.x25519.Identity.generate()
    tracemalloc.start()
    try:
        with PackageWriter(tmp_path / "big.tar.age", recipient=str(identity.to_public())) as writer:
            for n in range(40):
                writer.add(f"dossiers/H-{n}.en.pdf", os.urandom(MB))
            writer.finish(signing_key=Ed25519PrivateKey.generate(), about={})
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (tmp_path / "big.tar.age").stat().st_size > 40 * MB
    assert peak < 8 * MB  # a few files' worth, not the package's 40


def test_a_failed_export_leaves_nothing_and_names_are_checked(tmp_path: Path) -> None:
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    path = tmp_path / "RB-2.tar.age"
    with pytest.raises(RuntimeError), PackageWriter(path, recipient=recipient) as writer:
        writer.add("dossiers/H-1.en.pdf", b"%PDF")
        raise RuntimeError("rendering failed")
    assert not path.exists()
    with PackageWriter(path, recipient=recipient) as writer:
        for bad in (MANIFEST, "../escape.pdf", "/etc/passwd"):
            with pytest.raises(PackageError):
                writer.add(bad, b"x")
        writer.add("a.pdf", b"x")
        with pytest.raises(PackageError, match="twice"):
            writer.add("a.pdf", b"y")
    assert not path.exists()  # left without its manifest: not a package
    with pytest.raises(PackageError, match="age public key"):
        PackageWriter(path, recipient="not-a-key")
