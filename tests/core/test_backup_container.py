"""The sealed backup container: streams in chunks, and refuses any damage, truncation or wrong key."""

from __future__ import annotations

import io
import os

import pytest

from haven_core.crypto import container
from haven_core.crypto.container import ContainerError, SealedWriter, WrongKey

KEY = bytes(range(32))
KDF = {"kind": "keyring", "key_id": "d-00000000"}


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "CHUNK_BYTES", 64)  # many chunks from a small payload


def seal(payload: bytes, key: bytes = KEY) -> bytes:
    out = io.BytesIO()
    writer = SealedWriter(out, key, kdf=KDF, salt=container.new_salt())
    for start in range(0, len(payload), 50):
        writer.write(payload[start : start + 50])
    writer.close()
    return out.getvalue()


def unseal(sealed: bytes, key: bytes = KEY) -> bytes:
    source = io.BytesIO(sealed)
    header = container.read_header(source)
    return container.ChunkReader(container.open_chunks(source, header, key)).read()


PAYLOAD = "Котова Юлия Сергеевна, A204718395, 1988-04-12\n".encode() * 20


def test_round_trip_over_many_chunks() -> None:
    sealed = seal(PAYLOAD)
    assert unseal(sealed) == PAYLOAD
    assert "Котова".encode() not in sealed and b"204718395" not in sealed


def test_reads_of_any_size_give_the_same_bytes() -> None:
    source = io.BytesIO(seal(PAYLOAD))
    header = container.read_header(source)
    reader = container.ChunkReader(container.open_chunks(source, header, KEY))
    pieces = []
    while piece := reader.read(7):
        pieces.append(piece)
    assert b"".join(pieces) == PAYLOAD


def test_the_header_holds_nothing_about_the_contents() -> None:
    header = container.read_header(io.BytesIO(seal(PAYLOAD)))
    assert header.kdf == KDF
    assert b"rows" not in header.raw and b"sha256" not in header.raw


@pytest.mark.parametrize("position", [200, 700, -40, -1])
def test_a_flipped_byte_in_the_contents_is_refused(position: int) -> None:
    damaged = bytearray(seal(PAYLOAD))
    damaged[position] ^= 0x01
    with pytest.raises(ContainerError, match="this backup is damaged: integrity check failed"):
        unseal(bytes(damaged))


def test_a_changed_header_is_refused() -> None:
    sealed = seal(PAYLOAD)
    changed = sealed.replace(b'"created_at": "', b'"created_at": "1', 1)
    changed = changed[:8] + (int.from_bytes(changed[8:12], "big") + 1).to_bytes(4, "big") + changed[12:]
    with pytest.raises(ContainerError, match="this backup is damaged: integrity check failed"):
        unseal(changed)


@pytest.mark.parametrize("cut", [1, 17, 100, 300])
def test_a_truncated_container_is_refused(cut: int) -> None:
    with pytest.raises(ContainerError, match="this backup is damaged"):
        unseal(seal(PAYLOAD)[:-cut])


def test_dropping_a_whole_chunk_is_refused() -> None:
    sealed = seal(PAYLOAD)
    source = io.BytesIO(sealed)
    container.read_header(source)
    start = source.tell()
    first = int.from_bytes(sealed[start : start + 4], "big") + 4
    with pytest.raises(ContainerError, match="this backup is damaged: integrity check failed"):
        unseal(sealed[:start] + sealed[start + first :])


def test_appended_bytes_are_refused() -> None:
    with pytest.raises(ContainerError, match="damaged"):
        unseal(seal(PAYLOAD) + os.urandom(40))


def test_a_wrong_key_is_told_apart_from_damage() -> None:
    with pytest.raises(WrongKey, match="cannot be opened with this key"):
        unseal(seal(PAYLOAD), key=bytes(32))


def test_something_else_is_not_taken_for_a_backup() -> None:
    with pytest.raises(ContainerError, match="not a Haven backup"):
        unseal(b"PK\x03\x04 a zip file")


def test_passphrase_keys_depend_on_the_salt() -> None:
    kdf = container.scrypt_kdf()
    one = container.passphrase_key(b"correct horse battery staple", b"1" * 16, kdf)
    assert one == container.passphrase_key(b"correct horse battery staple", b"1" * 16, kdf)
    assert one != container.passphrase_key(b"correct horse battery staple", b"2" * 16, kdf)
