"""Sealed values, files and blind indexes: authenticated, bound to their key id, and keyed."""

from __future__ import annotations

import base64

import pytest

from haven_core.crypto import keyring
from haven_core.crypto.keyring import KeyRing, KeyRingError, KeySet
from haven_core.crypto.sealing import DecryptionError, Sealer, key_id_of


@pytest.fixture(scope="module")
def ring() -> KeyRing:
    return KeyRing.generate()


def test_text_round_trips_in_any_script(ring: KeyRing) -> None:
    sealer = Sealer(ring)
    for text in ("Котова Юлия Сергеевна", "KOTOVA, IULIIA", "204718395", "1988-04-12", ""):
        stored = sealer.seal_text(text)
        assert text not in stored or text == ""
        assert sealer.open_text(stored) == text


def test_stored_text_names_its_key_and_never_repeats(ring: KeyRing) -> None:
    sealer = Sealer(ring)
    first, second = sealer.seal_text("Котова"), sealer.seal_text("Котова")
    assert first.startswith(f"v1:{ring.data.current}:")
    assert key_id_of(first) == ring.data.current
    assert first != second  # a fresh nonce each time: equal names do not show as equal ciphertexts


def test_values_under_an_older_key_stay_readable_after_rotation(ring: KeyRing) -> None:
    old = Sealer(ring).seal_text("Щербаков")
    rotated = Sealer(KeyRing(data=ring.data.with_new_current("d"), index=ring.index))
    assert rotated.open_text(old) == "Щербаков"
    assert not rotated.is_current(old)
    assert rotated.is_current(rotated.seal_text("Щербаков"))


def test_a_value_whose_key_is_not_on_the_ring_is_refused(ring: KeyRing) -> None:
    stored = Sealer(KeyRing.generate()).seal_text("Котова")
    with pytest.raises(DecryptionError, match="not on the key ring"):
        Sealer(ring).open_text(stored)


def test_the_key_id_is_bound_to_the_ciphertext(ring: KeyRing) -> None:
    rotated = KeyRing(data=ring.data.with_new_current("d"), index=ring.index)
    sealer = Sealer(rotated)
    stored = sealer.seal_text("Котова")
    relabelled = stored.replace(rotated.data.current, ring.data.current, 1)
    with pytest.raises(DecryptionError, match="integrity"):
        sealer.open_text(relabelled)


def test_a_changed_byte_is_refused(ring: KeyRing) -> None:
    sealer = Sealer(ring)
    stored = sealer.seal_text("Котова")
    head, body = stored.rsplit(":", 1)
    raw = bytearray(base64.b64decode(body))
    raw[-1] ^= 1
    with pytest.raises(DecryptionError, match="integrity"):
        sealer.open_text(f"{head}:{base64.b64encode(bytes(raw)).decode()}")


def test_text_that_is_not_sealed_is_refused(ring: KeyRing) -> None:
    with pytest.raises(DecryptionError, match="not encrypted"):
        Sealer(ring).open_text("Котова")


def test_blind_index_is_deterministic_keyed_and_short(ring: KeyRing) -> None:
    sealer = Sealer(ring)
    assert sealer.blind_index("kotova") == sealer.blind_index("kotova")
    assert sealer.blind_index("kotova") != sealer.blind_index("kotov")
    assert len(sealer.blind_index("kotova")) == 32
    other = Sealer(KeyRing(data=ring.data, index=KeySet.generate("i")))
    assert other.blind_index("kotova") != sealer.blind_index("kotova")


def test_during_an_index_rotation_searches_try_both_index_keys(ring: KeyRing) -> None:
    before = Sealer(ring)
    during = Sealer(KeyRing(data=ring.data, index=ring.index.with_new_current("i")))
    candidates = during.blind_indexes("kotova")
    assert candidates == [during.blind_index("kotova"), before.blind_index("kotova")]
    assert before.blind_indexes("kotova") == [before.blind_index("kotova")]


def test_files_round_trip_only_with_their_context(ring: KeyRing) -> None:
    sealer = Sealer(ring)
    blob = sealer.seal_bytes(b"%PDF-1.7 court order", context=b"evidence:42")
    assert b"court order" not in blob
    assert sealer.open_bytes(blob, context=b"evidence:42") == b"%PDF-1.7 court order"
    with pytest.raises(DecryptionError, match="integrity"):
        sealer.open_bytes(blob, context=b"evidence:43")
    with pytest.raises(DecryptionError, match="not a file sealed"):
        sealer.open_bytes(b"%PDF-1.7")


def test_key_ring_file_round_trips_and_retires(ring: KeyRing) -> None:
    rotated = KeyRing(data=ring.data.with_new_current("d"), index=ring.index)
    assert keyring.parse(keyring.dump(rotated)) == rotated
    assert list(rotated.data.only_current().keys) == [rotated.data.current]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"format": 2}', "unknown key ring format"),
        ('{"format": 1, "data": {}, "index": {}}', "non-empty"),
        ('{"format": 1, "data": {"current": "x", "keys": {"d-1": "AAAA"}}, "index": {}}', "32 bytes"),
    ],
)
def test_malformed_key_rings_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(KeyRingError, match=message):
        keyring.parse(text)


def test_the_current_key_must_be_on_the_ring() -> None:
    with pytest.raises(KeyRingError, match="not on the key ring"):
        KeySet(current="d-0", keys={"d-1": bytes(32)})
