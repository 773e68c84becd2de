"""Where the keys come from: never the database; generated for the demo, required in production."""

from __future__ import annotations

import json
import logging
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from haven.cases.models import Person
from haven.security import keys
from haven.security.checks import key_checks
from haven.security.codec import EncryptingCodec
from haven_core.crypto import keyring
from haven_core.crypto.keyring import KeyRing
from haven_core.crypto.sealing import DecryptionError


def test_outside_production_a_key_file_is_generated_and_its_place_logged(
    own_keys: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="haven.security"):
        stored = EncryptingCodec().encode("Котова")
    assert own_keys.exists()
    assert stat.S_IMODE(own_keys.stat().st_mode) == 0o600
    assert str(own_keys) in caplog.text and "Keep a copy" in caplog.text
    assert keyring.parse(own_keys.read_text()).data.current in stored


def test_in_production_missing_keys_are_an_error_not_a_new_key(own_keys: Path, settings: Any) -> None:
    settings.HAVEN_PRODUCTION = True
    keys.reset()
    with pytest.raises(ImproperlyConfigured, match="Haven has no encryption keys"):
        EncryptingCodec().encode("Котова")
    assert not own_keys.exists()
    assert key_checks()[0].id == "haven.security.E001"


def test_keys_can_come_from_the_environment(own_keys: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ring = KeyRing.generate()
    monkeypatch.setenv("HAVEN_KEYS", keyring.dump(ring))
    keys.reset()
    assert f"v1:{ring.data.current}:" in EncryptingCodec().encode("Котова")
    assert not own_keys.exists()
    assert not keys.source().rotatable


def test_a_malformed_key_file_is_reported_clearly(own_keys: Path) -> None:
    own_keys.write_text(json.dumps({"format": 1, "data": {"current": "d-1", "keys": {}}}))
    with pytest.raises(ImproperlyConfigured, match=f"keys in {own_keys} cannot be used"):
        EncryptingCodec().encode("Котова")


def test_a_key_file_readable_by_others_is_flagged(own_keys: Path) -> None:
    keys.sealer()
    assert key_checks() == []
    own_keys.chmod(0o644)
    assert [m.id for m in key_checks()] == ["haven.security.W001"]


def test_a_process_picks_up_keys_rotated_by_another(own_keys: Path) -> None:
    """The web server keeps running while ``haven rotate-keys`` rewrites the key file."""
    codec = EncryptingCodec()
    before = keys.sealer()
    rotated = KeyRing(data=before.ring.data.with_new_current("d"), index=before.ring.index)
    other_process = keys.KeySource(env_text="", path=own_keys, production=False)
    assert other_process.sealer().current == before.current
    keys.write_ring(own_keys, rotated)
    written_elsewhere = type(before)(rotated).seal_text("Щербаков")
    assert codec.decode(written_elsewhere) == "Щербаков"  # unknown key id: reloaded at once
    assert codec.encode("Щербаков").startswith(f"v1:{rotated.data.current}:")
    time.sleep(keys.RECHECK_SECONDS * 2)
    assert other_process.sealer().current == rotated.data.current  # noticed the changed file


def test_a_value_that_cannot_be_decrypted_says_what_to_do(own_keys: Path) -> None:
    with pytest.raises(DecryptionError, match="rotate-keys"):
        EncryptingCodec().decode("Котова")


@pytest.mark.django_db
def test_models_store_ciphertext_and_read_plaintext(household_a: Any) -> None:
    from django.db.models import TextField
    from django.db.models.functions import Cast

    person = Person.objects.get(household=household_a, relationship="principal")
    stored = Person.objects.filter(pk=person.pk).values_list(Cast("surname_cyrillic", TextField()), flat=True)
    assert stored[0].startswith(f"v1:{keys.sealer().current}:")
    assert person.surname_cyrillic == "Котова"


def test_production_refuses_to_store_names_unencrypted(settings: Any) -> None:
    from django.apps import apps

    settings.HAVEN_PRODUCTION = True
    settings.HAVEN_FIELD_CODEC = "haven.security.sensitive.PlainCodec"
    with pytest.raises(ImproperlyConfigured, match="must be the encrypting codec"):
        apps.get_app_config("security").ready()


def test_haven_check_does_not_make_keys_before_they_are_needed(own_keys: Path) -> None:
    assert key_checks() == []
    assert not own_keys.exists()


def test_generate_keys_makes_a_private_key_file_and_never_overwrites_it(own_keys: Path) -> None:
    import io

    from django.core.management import CommandError, call_command

    call_command("generate-keys", stdout=io.StringIO())
    ring = keyring.parse(own_keys.read_text())
    assert stat.S_IMODE(own_keys.stat().st_mode) == 0o600
    with pytest.raises(CommandError, match="never overwrites"):
        call_command("generate-keys", stdout=io.StringIO())
    assert keyring.parse(own_keys.read_text()) == ring


def test_a_key_file_that_vanishes_under_a_running_haven_is_not_replaced(
    own_keys: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stored = EncryptingCodec().encode("Котова")
    own_keys.rename(own_keys.with_name("moved.json"))
    time.sleep(keys.RECHECK_SECONDS * 2)
    with caplog.at_level(logging.ERROR, logger="haven.security"):
        assert EncryptingCodec().decode(stored) == "Котова"
    assert not own_keys.exists()
    assert "has gone" in caplog.text


def test_stored_files_are_sealed_and_bound_to_their_name(own_keys: Path) -> None:
    from haven.security.codec import decrypt_bytes, encrypt_bytes

    blob = encrypt_bytes(b"%PDF-1.7 summons for Kotova", context=b"evidence/ab/summons.pdf")
    assert b"Kotova" not in blob
    assert decrypt_bytes(blob, context=b"evidence/ab/summons.pdf") == b"%PDF-1.7 summons for Kotova"
    with pytest.raises(DecryptionError, match="integrity"):
        decrypt_bytes(blob, context=b"evidence/cd/other.pdf")
