"""Backups as age files: opened with the ``age`` command and rage, and old-format backups still restore."""

from __future__ import annotations

import gzip
import hashlib
import io
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pyrage
import pytest
from django.core.management import CommandError, call_command

from haven.security import keys
from haven.security.backup import Reporter, _write_archive, non_empty
from haven.security.backup_files import OLD_PURPOSE
from haven_core.crypto import container
from tests.support.security import SECRETS, empty_installation, finds, snapshot

pytestmark = pytest.mark.django_db
AGE = shutil.which("age") or "age"
needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
PASSPHRASE = "a long passphrase kept in the coalition's safe"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def age(*args: str) -> bytes:
    return subprocess.run([AGE, *args], capture_output=True, check=True).stdout  # noqa: S603


def new_keys(settings: Any, tmp_path: Path) -> None:
    """Another installation: nothing on its key ring opens the backup."""
    settings.HAVEN_KEYS_FILE = tmp_path / "new-installation-keys.json"
    keys.reset()


def counts(rows: dict[str, dict[Any, dict[str, Any]]]) -> dict[str, int]:
    """Rows per model, but the audit trail's (a restore adds its own entry)."""
    return {model: len(found) for model, found in rows.items() if model != "audit.auditentry"}


@needs_age
def test_a_backup_opened_with_the_age_command_restores(
    own_keys: Path, caseload: Any, tmp_path: Path, settings: Any
) -> None:
    identity = pyrage.x25519.Identity.generate()
    key_file = tmp_path / "offline-key.txt"
    key_file.write_text(f"# kept in the coalition's safe\n{identity}\n")
    settings.HAVEN_BACKUP_RECIPIENTS = [str(identity.to_public())]
    backup = tmp_path / "haven.backup.age"
    said = run("backup", str(backup))
    assert "the identity of one of its 1 HAVEN_BACKUP_RECIPIENTS" in said and "Only Haven" not in said
    before = snapshot()

    archive = age("-d", "-i", str(key_file), str(backup))  # by hand, without Haven
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        names = tar.getnames()
        rows = b"".join(tar.extractfile(n).read() for n in names if n.startswith("data/"))  # type: ignore[union-attr]
    assert names[0] == "manifest.json"
    assert [s for s in SECRETS if s.casefold() in rows.decode("utf-8").casefold()] == list(SECRETS)

    (tmp_path / "archive.tar.gz").write_bytes(archive)  # sealed again by the age command itself
    resealed = tmp_path / "resealed.age"
    age("-r", str(identity.to_public()), "-o", str(resealed), str(tmp_path / "archive.tar.gz"))
    empty_installation()
    new_keys(settings, tmp_path)
    with pytest.raises(CommandError, match="not on this installation's key ring"):
        run("restore", str(resealed))
    assert "Format: age, 1 recipient (X25519)" in run(
        "restore", "--check", "--identity-file", str(key_file), str(resealed)
    )
    run("restore", "--identity-file", str(key_file), str(resealed))
    assert counts(snapshot()) == counts(before)
    assert finds("Котова Юлия") != set()


def test_a_passphrase_backup_is_an_age_file_rage_opens(own_keys: Path, caseload: Any, tmp_path: Path) -> None:
    phrase, backup = tmp_path / "passphrase", tmp_path / "haven.backup.age"
    phrase.write_text(PASSPHRASE + "\n")
    said = run("backup", "--passphrase-file", str(phrase), str(backup))
    assert backup.read_bytes().startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert f"SHA-256 of haven.backup.age: {hashlib.sha256(backup.read_bytes()).hexdigest()}" in said
    archive = gzip.decompress(pyrage.passphrase.decrypt(backup.read_bytes(), PASSPHRASE))
    assert [s for s in SECRETS if s.casefold() in archive.decode("utf-8", "replace").casefold()] == list(
        SECRETS
    )
    said = run("backup", "--check", "--passphrase-file", str(phrase), str(backup))
    assert "Format: age, passphrase (scrypt)." in said and "is intact" in said


def old_backup(target: Path, passphrase: bytes | None) -> None:
    """A backup as Haven wrote it before age: its archive sealed in Haven's own container."""
    salt = container.new_salt()
    if passphrase is None:
        kdf = {"kind": "keyring", "key_id": keys.sealer().current}
        key = keys.sealer().derived_key(kdf["key_id"], salt=salt, purpose=OLD_PURPOSE)
    else:
        kdf = container.scrypt_kdf()
        key = container.passphrase_key(passphrase, salt, kdf)
    with open(target, "wb") as out:
        writer = container.SealedWriter(out, key, kdf=kdf, salt=salt)
        _write_archive(writer, Reporter())
        writer.close()


@pytest.mark.parametrize("with_passphrase", [False, True])
def test_a_backup_in_the_old_format_still_checks_and_restores(
    own_keys: Path, caseload: Any, tmp_path: Path, with_passphrase: bool
) -> None:
    phrase, backup = tmp_path / "passphrase", tmp_path / "old.backup"
    phrase.write_text(PASSPHRASE)
    old_backup(backup, PASSPHRASE.encode() if with_passphrase else None)
    assert backup.read_bytes().startswith(container.MAGIC)
    before = snapshot()
    extra = ["--passphrase-file", str(phrase)] if with_passphrase else []
    said = run("backup", "--check", *extra, str(backup))
    assert "Format: Haven container v1 (written before backups were age files)" in said
    assert ("passphrase (scrypt)" in said) == with_passphrase
    empty_installation()
    assert "search indexes rebuilt" in run("restore", *extra, str(backup))
    assert counts(snapshot()) == counts(before)
    assert finds("Котова Юлия") != set()


@pytest.mark.parametrize("damage", ["flip a byte", "cut short", "the old format cut short"])
def test_a_damaged_backup_fails_its_check_and_restores_nothing(
    own_keys: Path, caseload: Any, tmp_path: Path, damage: str
) -> None:
    backup = tmp_path / "haven.backup"
    if damage.startswith("the old format"):
        old_backup(backup, None)
    else:
        run("backup", str(backup))
    data = bytearray(backup.read_bytes())
    if damage == "flip a byte":
        data[len(data) - 3] ^= 0x01
    else:
        del data[-(len(data) // 3) :]
    backup.write_bytes(bytes(data))
    with pytest.raises(
        CommandError, match="does not check out: this backup is damaged: integrity check failed"
    ):
        run("backup", "--check", str(backup))
    empty_installation()
    with pytest.raises(CommandError, match="Nothing was restored: this backup is damaged"):
        run("restore", str(backup))
    assert non_empty() == []


def test_a_recipient_that_is_not_an_age_key_stops_the_backup(
    own_keys: Path, tmp_path: Path, settings: Any
) -> None:
    settings.HAVEN_BACKUP_RECIPIENTS = ["age1notakey"]
    with pytest.raises(CommandError, match="HAVEN_BACKUP_RECIPIENTS: 'age1notakey' is not an age public key"):
        run("backup", str(tmp_path / "haven.backup"))
    assert [p.name for p in tmp_path.iterdir() if "backup" in p.name] == []  # no file, no partial one
