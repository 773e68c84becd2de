"""``haven rotate-keys``: every value moves to the new key, nothing is lost, reads and search go on."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.audit.models import AuditEntry
from haven.cases.models import Person, PersonNameKey, USRecord
from haven.security import keys, rotation
from haven.security.columns import sensitive_columns
from haven.security.reporting import Reporter
from haven.security.sensitive import index_value, index_values
from haven_core.crypto import keyring
from tests.support.security import finds, snapshot, stored_values, unchanged

pytestmark = pytest.mark.django_db


def test_sensitive_columns_are_found_in_every_model() -> None:
    found = {m._meta.label_lower: {f.name for f in fields} for m, fields in sensitive_columns()}
    assert {"surname_cyrillic", "birth_date", "phone", "lgbtq", "vulnerability_notes"} <= found[
        "cases.person"
    ]
    assert found["cases.usrecord"] == {"a_number"}
    assert {"cases.household", "cases.canadarelative", "cases.canadapermit", "cases.timelineevent"} <= set(
        found
    )


def test_rotation_re_encrypts_everything_and_changes_nothing(own_keys: Path, caseload: Any) -> None:
    before, old_values, old_key = snapshot(), stored_values(), keys.sealer().current
    kotova = finds("Iuliia Kotova")
    out = io.StringIO()

    call_command("rotate-keys", "--retire-old", "--batch-size", "2", stdout=out)

    ring = keyring.parse(own_keys.read_text())
    assert ring.data.current != old_key and list(ring.data.keys) == [ring.data.current]
    values = stored_values()
    assert len(values) == len(old_values) > 20
    assert all(v.startswith(f"v1:{ring.data.current}:") for v in values)
    assert not set(values) & set(old_values)
    assert unchanged(before, snapshot())
    assert finds("Iuliia Kotova") == finds("Котова Юлия") == kotova != set()
    assert "re-encrypting cases.person 3/3 (100%)" in out.getvalue()
    assert "Retired data keys: " + old_key in out.getvalue()
    assert AuditEntry.objects.filter(action="keys.rotate_data").exists()


class BetweenBatches(Reporter):
    """Runs ``act`` after every committed batch of a rotation, as another user of Haven would."""

    def __init__(self, act: Callable[[str], None]) -> None:
        self.act = act
        self.batches: list[tuple[str, int, int]] = []

    def batch(self, what: str, done: int, total: int) -> None:
        self.batches.append((what, done, total))
        self.act(what)


def test_reads_go_on_between_batches(own_keys: Path, caseload: Any) -> None:
    """Mid-rotation some rows are under the old key and some under the new: all read the same."""
    before = snapshot()

    def read_everything(what: str) -> None:
        assert unchanged(before, snapshot())

    reporter = BetweenBatches(read_everything)

    rotation.rotate_data_key(batch_size=1, reporter=reporter)

    assert ("re-encrypting cases.person", 2, 3) in reporter.batches  # one row at a time, read in between


def test_changes_made_during_a_rotation_are_kept(own_keys: Path, caseload: Any, caseworker_a: Any) -> None:
    from haven.accounts.actor import Actor
    from haven.cases.actions import person_update

    actor = Actor.for_user(caseworker_a)
    people = list(Person.objects.filter(household=caseload[0]).order_by("pk"))
    written = {}

    def edit_meanwhile(what: str) -> None:
        person = Person.objects.get(pk=people[len(written) % len(people)].pk)
        written[person.pk] = f"+1 212 555 {len(written):04d}"
        person_update(actor=actor, person=person, fields={"phone": written[person.pk]})

    rotation.rotate_data_key(batch_size=1, retire_old=True, reporter=BetweenBatches(edit_meanwhile))

    assert {p.pk: p.phone for p in Person.objects.filter(pk__in=written)} == written
    assert all(v.startswith(f"v1:{keys.sealer().current}:") for v in stored_values())


def test_old_keys_stay_on_the_ring_unless_retired(own_keys: Path, caseload: Any) -> None:
    old_key = keys.sealer().current
    call_command("rotate-keys", stdout=io.StringIO())
    assert old_key in keyring.parse(own_keys.read_text()).data.keys


def test_values_written_before_encryption_are_encrypted_by_a_rotation(
    own_keys: Path, settings: Any, request: pytest.FixtureRequest
) -> None:
    settings.HAVEN_FIELD_CODEC = "haven.security.sensitive.PlainCodec"
    request.getfixturevalue("caseload")
    before = snapshot()
    assert "Котова" in stored_values()
    settings.HAVEN_FIELD_CODEC = "haven.security.codec.EncryptingCodec"

    call_command("rotate-keys", "--retire-old", stdout=io.StringIO())

    assert all(v.startswith(f"v1:{keys.sealer().current}:") for v in stored_values())
    assert unchanged(before, snapshot())


def test_index_key_rotation_recomputes_every_blind_index(own_keys: Path, caseload: Any) -> None:
    old_index = keys.sealer().ring.index.current
    old_keys = set(PersonNameKey.objects.values_list("key", flat=True))
    kotova = finds("Iuliia Kotova")
    during = []

    def search_meanwhile(what: str) -> None:
        during.append((len(index_values("kotova")), finds("Iuliia Kotova")))

    rotation.rotate_index_key(batch_size=1, reporter=BetweenBatches(search_meanwhile))

    ring = keyring.parse(own_keys.read_text())
    assert list(ring.index.keys) == [ring.index.current] != [old_index]
    assert not old_keys & set(PersonNameKey.objects.values_list("key", flat=True))
    assert finds("Iuliia Kotova") == kotova
    assert USRecord.objects.filter(a_number_key=index_value("204718395")).count() == 1
    assert all(found == kotova for _, found in during)  # search never lost her
    assert (2, kotova) in during  # both index keys were tried while rows moved


def test_keys_from_the_environment_cannot_be_rotated(
    own_keys: Path, monkeypatch: pytest.MonkeyPatch, caseload: Any
) -> None:
    monkeypatch.setenv("HAVEN_KEYS", json.dumps(json.loads(keyring.dump(keys.sealer().ring))))
    keys.reset()
    with pytest.raises(CommandError, match="HAVEN_KEYS environment variable"):
        call_command("rotate-keys", stdout=io.StringIO())


def test_stored_files_are_resealed_under_the_new_key(own_keys: Path, caseload: Any, settings: Any) -> None:
    from haven.evidence.storage import blob_path, read_blob, store_blob
    from haven.security.codec import files_not_current

    settings.HAVEN_FILES_DIR = own_keys.parent / "files"
    blob = store_blob(b"%PDF-1.4 summons to the investigator")
    old_key, before = keys.sealer().current, blob_path(blob).read_bytes()

    call_command("rotate-keys", "--retire-old", stdout=io.StringIO())

    ring = keyring.parse(own_keys.read_text())
    assert old_key not in ring.data.keys
    assert blob_path(blob).read_bytes() != before and files_not_current() == []
    assert read_blob(blob) == b"%PDF-1.4 summons to the investigator"


def test_a_stored_package_is_resealed_a_chunk_at_a_time(own_keys: Path, caseload: Any, settings: Any) -> None:
    import os
    import uuid

    from haven.jobs import files
    from haven.security.codec import files_not_current
    from haven_core.crypto.sealing import STREAM_CHUNK, blob_key_id, is_stream

    settings.HAVEN_FILES_DIR = own_keys.parent / "files"
    job, data = uuid.uuid4(), os.urandom(2 * STREAM_CHUNK + 3)
    files.store_outputs(job, {"RB-1.tar.age": data})
    stored = settings.HAVEN_FILES_DIR / "jobs" / str(job) / "out" / "RB-1.tar.age"
    old_key = keys.sealer().current

    call_command("rotate-keys", "--retire-old", stdout=io.StringIO())

    resealed = stored.read_bytes()
    assert is_stream(resealed) and blob_key_id(resealed) not in (None, old_key)
    assert files_not_current() == []
    assert b"".join(files.open_file(job, "out", "RB-1.tar.age")) == data


def test_old_keys_are_kept_while_a_stored_file_still_needs_them(
    own_keys: Path, caseload: Any, settings: Any
) -> None:
    from haven.security.codec import encrypt_bytes

    old_key = keys.sealer().current
    settings.HAVEN_FILES_DIR = own_keys.parent / "files"
    settings.HAVEN_FILES_DIR.mkdir()
    # Sealed for another name (a file moved by hand): rotation cannot open it, so cannot re-seal it.
    sealed = encrypt_bytes(b"summons", context=b"evidence/ab/cd/summons.bin")
    (settings.HAVEN_FILES_DIR / "summons.bin").write_bytes(sealed)

    with pytest.raises(CommandError, match="1 stored files"):
        call_command("rotate-keys", "--retire-old", stdout=io.StringIO())

    ring = keyring.parse(own_keys.read_text())
    assert old_key in ring.data.keys and ring.data.current != old_key
    assert all(v.startswith(f"v1:{ring.data.current}:") for v in stored_values())
