"""A job's output files are sealed into the file store a chunk at a time from the files the job wrote, and
read back a chunk at a time for a download: a referral package of hundreds of dossiers is never held in
memory whole, and what is downloaded is byte for byte what the job made."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from haven.jobs import files
from haven_core.crypto.sealing import STREAM_CHUNK, is_stream


def test_outputs_are_sealed_from_their_files_and_read_back_in_chunks(tmp_path: Path, settings: Any) -> None:
    package = tmp_path / "RB-1.tar.age"
    data = os.urandom(3 * STREAM_CHUNK + 99)
    package.write_bytes(data)
    job = uuid.uuid4()

    listed = files.store_outputs(job, {package.name: package, "README.txt": b"Haven referral package"})

    assert listed == [
        {"name": package.name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()},
        {"name": "README.txt", "size": 22, "sha256": hashlib.sha256(b"Haven referral package").hexdigest()},
    ]
    stored = Path(settings.HAVEN_FILES_DIR) / "jobs" / str(job) / "out" / package.name
    sealed = stored.read_bytes()
    assert is_stream(sealed) and data[:64] not in sealed
    chunks = list(files.open_file(job, "out", package.name))
    assert len(chunks) == 4 and b"".join(chunks) == data
    assert files.read_file(job, "out", "README.txt") == b"Haven referral package"


def test_a_missing_output_says_so_before_any_byte_is_sent() -> None:
    with pytest.raises(files.MissingJobFile):
        files.open_file(uuid.uuid4(), "out", "RB-1.tar.age")


def test_a_stored_file_moved_to_another_job_does_not_open(tmp_path: Path, settings: Any) -> None:
    first, second = uuid.uuid4(), uuid.uuid4()
    files.store_outputs(first, {"p.age": b"dossier"})
    files.store_outputs(second, {"p.age": b"other"})
    root = Path(settings.HAVEN_FILES_DIR) / "jobs"
    (root / str(second) / "out" / "p.age").write_bytes((root / str(first) / "out" / "p.age").read_bytes())
    with pytest.raises(ValueError, match="integrity"):
        b"".join(files.open_file(second, "out", "p.age"))
