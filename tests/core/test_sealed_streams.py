"""Sealed streams: files too large to hold in memory (a referral package) are sealed and opened a chunk
at a time, and are as hard to tamper with as sealed bytes: a chunk changed, moved, dropped or cut off at
the end, another context or another key, and opening fails."""

from __future__ import annotations

import io
import os

import pytest

from haven_core.crypto.keyring import KeyRing
from haven_core.crypto.sealing import STREAM_CHUNK, DecryptionError, Sealer, blob_key_id, is_stream

CHUNK = STREAM_CHUNK + 16  # a sealed chunk: its bytes and its tag


@pytest.fixture(scope="module")
def sealer() -> Sealer:
    return Sealer(KeyRing.generate())


def _sealed(sealer: Sealer, data: bytes, context: bytes = b"jobs/1/out/p.age") -> bytes:
    target = io.BytesIO()
    sealer.seal_stream(io.BytesIO(data), target, context=context)
    return target.getvalue()


def _opened(sealer: Sealer, sealed: bytes, context: bytes = b"jobs/1/out/p.age") -> bytes:
    return b"".join(sealer.open_stream(io.BytesIO(sealed), context=context))


def _head(sealer: Sealer) -> int:
    return len(_sealed(sealer, b"")) - 16


@pytest.mark.parametrize(
    "size", [0, 1, STREAM_CHUNK - 1, STREAM_CHUNK, STREAM_CHUNK + 1, 3 * STREAM_CHUNK + 7]
)
def test_a_stream_round_trips_whatever_its_size(sealer: Sealer, size: int) -> None:
    data = os.urandom(size)
    sealed = _sealed(sealer, data)
    assert is_stream(sealed) and blob_key_id(sealed) == sealer.current
    assert _opened(sealer, sealed) == data
    assert sealer.open_bytes(sealed, context=b"jobs/1/out/p.age") == data  # read whole, as small files are


def test_it_is_opened_a_chunk_at_a_time(sealer: Sealer) -> None:
    chunks = list(
        sealer.open_stream(
            io.BytesIO(_sealed(sealer, bytes(2 * STREAM_CHUNK + 1))), context=b"jobs/1/out/p.age"
        )
    )
    assert [len(c) for c in chunks] == [STREAM_CHUNK, STREAM_CHUNK, 1]


def test_the_same_file_never_seals_to_the_same_bytes(sealer: Sealer) -> None:
    assert _sealed(sealer, b"dossier") != _sealed(sealer, b"dossier")


def test_a_changed_byte_is_refused(sealer: Sealer) -> None:
    sealed = bytearray(_sealed(sealer, os.urandom(2 * STREAM_CHUNK)))
    sealed[_head(sealer) + CHUNK + 5] ^= 1
    with pytest.raises(DecryptionError, match="integrity"):
        _opened(sealer, bytes(sealed))


def test_chunks_cannot_be_swapped_dropped_or_cut_off(sealer: Sealer) -> None:
    sealed = _sealed(sealer, os.urandom(3 * STREAM_CHUNK + 10))
    head, body = sealed[: _head(sealer)], sealed[_head(sealer) :]
    first, second, third, last = (body[i * CHUNK : (i + 1) * CHUNK] for i in range(4))
    for tampered in (
        head + second + first + third + last,  # swapped
        head + first + third + last,  # one dropped
        head + first + second + third,  # cut at a chunk's end: the last chunk is missing
        head + first + second + third + last[:-1],  # cut inside the last chunk
    ):
        with pytest.raises(DecryptionError):
            _opened(sealer, tampered)


def test_it_opens_only_with_its_context_and_its_key(sealer: Sealer) -> None:
    sealed = _sealed(sealer, b"dossier", context=b"jobs/1/out/a.age")
    with pytest.raises(DecryptionError, match="integrity"):
        _opened(sealer, sealed, context=b"jobs/1/out/b.age")
    with pytest.raises(DecryptionError, match="not on the key ring"):
        _opened(Sealer(KeyRing.generate()), sealed, context=b"jobs/1/out/a.age")


def test_bytes_that_are_not_a_stream_are_refused_at_once(sealer: Sealer) -> None:
    with pytest.raises(DecryptionError, match="not a stream"):
        sealer.open_stream(io.BytesIO(sealer.seal_bytes(b"x")))
    with pytest.raises(DecryptionError, match="not a stream"):
        sealer.open_stream(io.BytesIO(b""))
