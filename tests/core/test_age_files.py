"""age files as Haven writes them: the ``age`` command and rage open them, and Haven opens theirs."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from haven_core.crypto import agefile, agekeys
from haven_core.crypto.agefile import AgeError, AgeReader, AgeWriter, WrongKey

PASSPHRASE = "a long passphrase kept in the coalition's safe"
SIZES = [0, 1, agefile.CHUNK - 1, agefile.CHUNK, agefile.CHUNK + 1, 3 * agefile.CHUNK + 5]
AGE = shutil.which("age") or "age"
needs_age = pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")


def age(*args: str) -> bytes:
    """Run the ``age`` command (the Go reference implementation) and return what it printed."""
    return subprocess.run([AGE, *args], capture_output=True, check=True).stdout  # noqa: S603


def write(data: bytes, **how: object) -> bytes:
    out = io.BytesIO()
    writer = AgeWriter(out, work_factor=10, **how)  # type: ignore[arg-type]
    for start in range(0, len(data), 5000):  # in uneven pieces, as tarfile writes
        writer.write(data[start : start + 5000])
    writer.close()
    return out.getvalue()


def read(sealed: bytes, **how: object) -> bytes:
    source = io.BytesIO(sealed)
    key = agefile.file_key(agefile.read_header(source), **how)  # type: ignore[arg-type]
    return AgeReader(source, key).read()


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@needs_age
@pytest.mark.parametrize("size", SIZES)
def test_the_age_command_opens_what_haven_writes_to_a_recipient(
    identity: pyrage.x25519.Identity, tmp_path: Path, size: int
) -> None:
    data = os.urandom(size)
    key_file, sealed = tmp_path / "key.txt", tmp_path / "backup.age"
    key_file.write_text(str(identity) + "\n")
    sealed.write_bytes(write(data, recipients=[str(identity.to_public())]))
    assert age("-d", "-i", str(key_file), str(sealed)) == data
    assert pyrage.decrypt(sealed.read_bytes(), [identity]) == data


@needs_age
def test_haven_opens_what_the_age_command_writes(identity: pyrage.x25519.Identity, tmp_path: Path) -> None:
    data = os.urandom(2 * agefile.CHUNK + 17)
    (tmp_path / "plain").write_bytes(data)
    recipient = str(identity.to_public())
    age("-r", recipient, "-o", str(tmp_path / "x.age"), str(tmp_path / "plain"))
    sealed = (tmp_path / "x.age").read_bytes()
    assert read(sealed, identities=agekeys.identities_in(str(identity))) == data
    with pytest.raises(WrongKey):
        read(sealed, identities=[agekeys.identity_key(str(pyrage.x25519.Identity.generate()))])


@pytest.mark.parametrize("size", [0, agefile.CHUNK, 2 * agefile.CHUNK + 3])
def test_rage_opens_passphrase_files_haven_writes(size: int) -> None:
    data = os.urandom(size)
    assert pyrage.passphrase.decrypt(write(data, passphrase=PASSPHRASE.encode()), PASSPHRASE) == data


def test_haven_opens_passphrase_files_rage_writes() -> None:
    data = os.urandom(agefile.CHUNK + 3)  # rage picks its own scrypt work factor (about a second)
    assert read(pyrage.passphrase.encrypt(data, PASSPHRASE), passphrase=PASSPHRASE.encode()) == data


def test_keys_read_and_written_as_age_keygen_does(identity: pyrage.x25519.Identity) -> None:
    key = agekeys.identity_key(str(identity))
    assert agekeys.identity_text(key) == str(identity)
    assert agekeys.recipient_text(key.public_key()) == str(identity.to_public())
    mistyped = str(identity.to_public())[:-1] + ("q" if str(identity.to_public())[-1] != "q" else "p")
    with pytest.raises(agekeys.KeyFormatError, match="checksum"):
        agekeys.recipient_bytes(mistyped)


def test_a_wrong_passphrase_is_told_apart_from_damage() -> None:
    sealed = write(b"x" * 100, passphrase=PASSPHRASE.encode())
    with pytest.raises(WrongKey):
        read(sealed, passphrase=b"not the passphrase at all")
    with pytest.raises(WrongKey):
        read(sealed)


def test_every_flipped_byte_and_every_truncation_is_refused(identity: pyrage.x25519.Identity) -> None:
    data = os.urandom(2 * agefile.CHUNK + 100)
    sealed = write(data, recipients=[str(identity.to_public())])
    ids = [agekeys.identity_key(str(identity))]
    header_end = sealed.index(b"\n---") + 1
    for position in [0, 30, header_end + 10, header_end + 60, len(sealed) // 2, len(sealed) - 1]:
        damaged = bytearray(sealed)
        damaged[position] ^= 0x01
        with pytest.raises(AgeError):
            read(bytes(damaged), identities=ids)
    payload = header_end + 48 + 16  # the MAC line, then the nonce
    for cut in [
        header_end + 70,
        payload + agefile.CHUNK + 16,
        payload + 2 * (agefile.CHUNK + 16),
        len(sealed) - 1,
    ]:
        with pytest.raises(AgeError, match="integrity check failed"):
            read(sealed[:cut], identities=ids)
    with pytest.raises(AgeError, match="integrity check failed"):
        read(sealed + b"\x00", identities=ids)


def test_a_file_that_asks_for_too_much_scrypt_work_is_refused() -> None:
    sealed = write(b"x", passphrase=PASSPHRASE.encode())
    forged = sealed.replace(b" 10\n", b" 30\n", 1)
    with pytest.raises(AgeError, match="work factor 30"):
        read(forged, passphrase=PASSPHRASE.encode())


def test_not_an_age_file() -> None:
    with pytest.raises(AgeError, match="not an age file"):
        read(b"HAVENBK1 something else")


class Counting(io.BytesIO):
    """A file that counts what has been read from it."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.taken += len(data)
        return data


def test_writing_and_reading_stream_one_chunk_at_a_time(identity: pyrage.x25519.Identity) -> None:
    """A backup of many gigabytes never sits in memory: chunks leave as they fill, and are read as needed."""
    out = io.BytesIO()
    writer = AgeWriter(out, recipients=[str(identity.to_public())])
    writer.write(os.urandom(20 * agefile.CHUNK))
    assert len(out.getvalue()) >= 19 * (agefile.CHUNK + 16)  # written before close, not held
    writer.close()
    source = Counting(out.getvalue())
    reader = AgeReader(
        source,
        agefile.file_key(agefile.read_header(source), identities=[agekeys.identity_key(str(identity))]),
    )
    reader.read(10)
    assert source.taken <= len(out.getvalue()) - 18 * (agefile.CHUNK + 16)
