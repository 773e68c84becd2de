"""``haven backup`` and ``haven restore``: nothing lost or changed, nothing readable, damage refused."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.security import keys
from haven.security.backup import non_empty
from haven.security.backup_files import opened
from haven.security.sensitive import index_value
from tests.support.security import SECRETS, empty_installation, finds, snapshot, unchanged

pytestmark = pytest.mark.django_db
EVIDENCE = b"HVB1 stored file bytes, already sealed by the evidence store"


@pytest.fixture
def files_dir(settings: Any, tmp_path: Path) -> Path:
    settings.HAVEN_FILES_DIR = tmp_path / "files"
    (settings.HAVEN_FILES_DIR / "evidence" / "ab").mkdir(parents=True)
    (settings.HAVEN_FILES_DIR / "evidence" / "ab" / "court-order.bin").write_bytes(EVIDENCE)
    return Path(settings.HAVEN_FILES_DIR)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def plaintext_of(backup: Path) -> bytes:
    """The backup opened with this installation's keys: what the encryption hides."""
    with opened(backup) as plain:
        return gzip.decompress(plain.reader.read())


def test_round_trip_restores_everything_unchanged(
    own_keys: Path, caseload: Any, files_dir: Path, tmp_path: Path
) -> None:
    before, kotova = snapshot(), finds("Iuliia Kotova")
    backup = tmp_path / "haven.backup"
    said = run("backup", str(backup))
    assert "Backup written (age)" in said and "Only Haven with this key file can open it" in said
    empty_installation(files_dir)
    assert finds("Iuliia Kotova") == set()

    out = run("restore", str(backup))

    assert "search indexes rebuilt" in out
    assert unchanged(before, snapshot())
    assert finds("Iuliia Kotova") == finds("Котова Юлия") == kotova != set()
    assert (files_dir / "evidence" / "ab" / "court-order.bin").read_bytes() == EVIDENCE
    assert "The audit trail holds" in run("audit-verify")


def test_a_backup_made_before_us_records_kept_their_household_restores_them_in_it(
    own_keys: Path, caseload: Any, files_dir: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    from haven.cases.models import USRecord
    from haven.security import backup as written

    kept = dict(USRecord.objects.values_list("pk", "household_id"))
    assert kept
    dump_rows = written.dump_rows

    def as_before(model: Any, *, batch: int) -> Any:  # US records' rows as an earlier Haven wrote them
        for piece in dump_rows(model, batch=batch):
            if model is not USRecord:
                yield piece
                continue
            rows = [json.loads(line) for line in piece.splitlines()]
            for row in rows:
                del row["fields"]["household"]
            yield b"".join(json.dumps(row).encode() + b"\n" for row in rows)

    monkeypatch.setattr(written, "dump_rows", as_before)
    backup = tmp_path / "haven.backup"
    run("backup", str(backup))
    monkeypatch.undo()
    assert b'"household":' not in plaintext_of(backup).split(b'"cases.usrecord"', 1)[1][:2000]
    empty_installation(files_dir)

    run("restore", str(backup))

    assert dict(USRecord.objects.values_list("pk", "household_id")) == kept


def test_the_backup_shows_nothing_without_the_key(own_keys: Path, caseload: Any, tmp_path: Path) -> None:
    backup = tmp_path / "haven.backup"
    run("backup", str(backup))
    raw = backup.read_bytes().decode("utf-8", errors="replace").casefold()
    assert [s for s in SECRETS if s.casefold() in raw] == []
    opened = plaintext_of(backup).decode("utf-8", errors="replace").casefold()  # control: they are in it
    assert [s for s in SECRETS if s.casefold() in opened] == list(SECRETS)


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_backup_is_refused_and_nothing_restored(
    own_keys: Path, caseload: Any, tmp_path: Path, damage: str
) -> None:
    backup = tmp_path / "haven.backup"
    run("backup", str(backup))
    data = bytearray(backup.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x40
    else:
        del data[-100:]
    backup.write_bytes(bytes(data))
    empty_installation()

    with pytest.raises(CommandError, match="this backup is damaged: integrity check failed"):
        run("restore", str(backup))
    with pytest.raises(CommandError, match="this backup is damaged: integrity check failed"):
        run("restore", "--check", str(backup))
    assert non_empty() == []


def test_restoring_into_a_non_empty_installation_is_refused(
    own_keys: Path, caseload: Any, tmp_path: Path
) -> None:
    backup = tmp_path / "haven.backup"
    run("backup", str(backup))
    with pytest.raises(CommandError, match="this installation is not empty"):
        run("restore", str(backup))


def test_another_installations_keys_cannot_open_it(
    own_keys: Path, caseload: Any, tmp_path: Path, settings: Any
) -> None:
    backup = tmp_path / "haven.backup"
    run("backup", str(backup))
    empty_installation()
    settings.HAVEN_KEYS_FILE = tmp_path / "other-keys.json"
    keys.reset()
    with pytest.raises(CommandError, match="not on this installation's key ring"):
        run("restore", str(backup))


def test_a_passphrase_backup_restores_into_an_installation_with_other_keys(
    own_keys: Path, caseload: Any, tmp_path: Path, settings: Any
) -> None:
    before = snapshot()
    passphrase, wrong = tmp_path / "passphrase", tmp_path / "wrong"
    passphrase.write_text("a long passphrase kept in the coalition's safe\n")
    wrong.write_text("not the passphrase at all\n")
    backup = tmp_path / "haven.backup"
    run("backup", "--passphrase-file", str(passphrase), str(backup))
    empty_installation()
    settings.HAVEN_KEYS_FILE = tmp_path / "new-installation-keys.json"
    keys.reset()

    with pytest.raises(CommandError, match="protected by a passphrase"):
        run("restore", str(backup))
    with pytest.raises(CommandError, match="cannot be opened with this key or passphrase"):
        run("restore", "--passphrase-file", str(wrong), str(backup))
    run("restore", "--passphrase-file", str(passphrase), str(backup))

    after = snapshot()
    (old_record,), (new_record,) = before["cases.usrecord"].values(), after["cases.usrecord"].values()
    old_index, new_index = old_record.pop("a_number_key"), new_record.pop("a_number_key")
    assert new_index == index_value("204718395") != old_index  # derived: rebuilt under the new index key
    assert unchanged(before, after)
    assert finds("Котова Юлия") != set()


def test_something_that_is_not_a_backup_is_refused(own_keys: Path, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("Котова")
    with pytest.raises(CommandError, match="not a Haven backup"):
        run("restore", str(other))
    with pytest.raises(CommandError, match="cannot read"):
        run("restore", str(tmp_path / "missing.backup"))
