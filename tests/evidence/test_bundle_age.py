"""Encrypted bundles are age files that the ``age`` command and rage open; old sealed ones still verify."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pyrage
import pytest

from haven_core.crypto import container
from tests.support.evidence_bundle import PASSPHRASE, evidence_fixture, export, verify  # noqa: F401
from tests.support.timestamp_authority import Authority, built_authority_fixture, needs_openssl, tsa_fixture  # noqa: F401

pytestmark = needs_openssl
AGE = shutil.which("age") or "age"
needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")


def age(*args: str) -> bytes:
    return subprocess.run([AGE, *args], capture_output=True, check=True).stdout  # noqa: S603


@needs_age
def test_a_bundle_for_a_recipient_opens_with_the_age_command_and_verifies(
    evidence: Any, tmp_path: Path
) -> None:
    household, *_ = evidence
    identity = pyrage.x25519.Identity.generate()
    key_file, path = tmp_path / "lawyer-key.txt", tmp_path / "bundle.age"
    key_file.write_text(f"{identity}\n")
    said = export(household, path, "--recipient", str(identity.to_public()))
    assert "Encrypted (age) to 1 recipient key(s)" in said
    assert "Котова".encode() not in path.read_bytes()

    opened = tmp_path / "bundle.tar"
    opened.write_bytes(age("-d", "-i", str(key_file), str(path)))  # the lawyer, without Haven
    ok, report = verify(opened)
    assert (
        ok and "Format: unencrypted tar archive." in report and "3 files and 5 timestamps checked" in report
    )

    ok, report = verify(path, "--identity-file", str(key_file))
    assert ok and "Format: age, 1 recipient (X25519)." in report
    other = tmp_path / "other-key.txt"
    other.write_text(f"{pyrage.x25519.Identity.generate()}\n")
    assert "cannot be opened with this identity" in verify(path, "--identity-file", str(other))[1]
    assert "give an identity with --identity-file" in verify(path)[1]


def test_a_passphrase_bundle_opens_in_rage_and_says_its_format(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    phrase, path = tmp_path / "phrase", tmp_path / "bundle.age"
    phrase.write_text(PASSPHRASE)
    export(household, path, "--passphrase-file", str(phrase))
    opened = tmp_path / "bundle.tar"
    opened.write_bytes(pyrage.passphrase.decrypt(path.read_bytes(), PASSPHRASE))
    assert verify(opened)[0]
    ok, report = verify(path, "--passphrase-file", str(phrase))
    assert ok and "Format: age, passphrase (scrypt)." in report


def test_a_bundle_sealed_in_the_old_container_still_verifies(evidence: Any, tmp_path: Path) -> None:
    household, *_ = evidence
    phrase, plain, path = tmp_path / "phrase", tmp_path / "bundle.tar", tmp_path / "old.sealed"
    phrase.write_text(PASSPHRASE)
    export(household, plain)
    salt, kdf = container.new_salt(), container.scrypt_kdf()  # as Haven sealed bundles before age
    out = io.BytesIO()
    writer = container.SealedWriter(
        out, container.passphrase_key(PASSPHRASE.encode(), salt, kdf), kdf=kdf, salt=salt
    )
    writer.write(plain.read_bytes())
    writer.close()
    path.write_bytes(out.getvalue())
    ok, report = verify(path, "--passphrase-file", str(phrase))
    assert ok and "Format: Haven container v1 (sealed before bundles were age files)" in report, report
    ok, _ = verify(path, "--passphrase-file", str(phrase), "--extract", str(tmp_path / "out"))
    assert ok and (tmp_path / "out" / "manifest.json").is_file()


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_age_bundle_is_refused(evidence: Any, tmp_path: Path, damage: str) -> None:
    household, *_ = evidence
    phrase, path = tmp_path / "phrase", tmp_path / "bundle.age"
    phrase.write_text(PASSPHRASE)
    export(household, path, "--passphrase-file", str(phrase))
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    else:
        del data[-200:]
    path.write_bytes(bytes(data))
    ok, report = verify(path, "--passphrase-file", str(phrase), "--extract", str(tmp_path / "out"))
    assert not ok and "damaged or cut short: integrity check failed" in report
    assert not (tmp_path / "out").exists()
