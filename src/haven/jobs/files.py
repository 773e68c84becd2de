"""Files a job reads or makes, kept sealed like evidence files until someone downloads them.

Under ``HAVEN_FILES_DIR``: ``jobs/<job id>/in/<name>`` (an uploaded registry file waiting for its import)
and ``jobs/<job id>/out/<name>`` (a referral package and its README). Each is sealed with
:func:`haven.security.codec.encrypt_bytes` under its path as context, so ``haven rotate-keys`` reseals
them with the rest. A job's outputs are written to a temporary folder and moved into place in one
rename: a job that fails half-way leaves no ``out`` folder behind. Outputs are sealed as streams (see
:func:`haven.security.codec.encrypt_stream`), read from the files a job made and read back for a download
a chunk at a time: a package of hundreds of dossiers is never held in memory whole.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from django.conf import settings

from haven.security.codec import decrypt_bytes, decrypt_stream, encrypt_bytes, encrypt_stream

FOLDER = "jobs"


class MissingJobFile(LookupError):
    pass


def _root() -> Path:
    return Path(settings.HAVEN_FILES_DIR)


def _relative(job_id: Any, part: str, name: str) -> str:
    if part not in ("in", "out") or not name or "/" in name or name.startswith("."):
        raise ValueError(f"not a job file name: {name!r}")
    return f"{FOLDER}/{job_id}/{part}/{name}"


def _write(path: Path, relative: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(encrypt_bytes(data, context=relative.encode("utf-8")))
        handle.flush()
        os.fsync(handle.fileno())


def store_input(job_id: Any, name: str, data: bytes) -> None:
    relative = _relative(job_id, "in", name)
    path = _root() / relative
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    os.close(fd)
    try:
        _write(Path(temporary), relative, data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


class _Measured:
    """A file read for sealing, hashed and counted on the way."""

    def __init__(self, source: IO[bytes]) -> None:
        self._source, self.size, self.digest = source, 0, hashlib.sha256()

    def read(self, size: int = -1, /) -> bytes:
        data = self._source.read(size)
        self.size += len(data)
        self.digest.update(data)
        return data


def _write_stream(path: Path, relative: str, source: Path | bytes) -> dict[str, Any]:
    with open(source, "rb") if isinstance(source, Path) else io.BytesIO(source) as plain:
        measured = _Measured(plain)
        with open(path, "wb") as handle:
            encrypt_stream(measured, handle, context=relative.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
    return {"size": measured.size, "sha256": measured.digest.hexdigest()}


def store_outputs(job_id: Any, files: Mapping[str, Path | bytes]) -> list[dict[str, Any]]:
    """Seal ``files`` (each the path of a file the job made, or its bytes) into the job's ``out`` folder
    all at once, a chunk at a time; returns their names, sizes and hashes."""
    final = _root() / FOLDER / str(job_id) / "out"
    final.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=final.parent, prefix=".out-"))
    listed = []
    try:
        for name, source in files.items():
            listed.append(
                {"name": name, **_write_stream(staging / name, _relative(job_id, "out", name), source)}
            )
        if final.exists():  # left by an attempt that failed after its move: it was never shown
            shutil.rmtree(final)
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return listed


def read_file(job_id: Any, part: str, name: str) -> bytes:
    relative = _relative(job_id, part, name)
    try:
        sealed = (_root() / relative).read_bytes()
    except FileNotFoundError:
        raise MissingJobFile(relative) from None
    return decrypt_bytes(sealed, context=relative.encode("utf-8"))


def open_file(job_id: Any, part: str, name: str) -> Iterator[bytes]:
    """A stored file's plain bytes a chunk at a time (for a download), the file closed when they end.
    A missing file or one that is not Haven's raises here; a chunk damaged later raises when reached."""
    relative = _relative(job_id, part, name)
    try:
        handle = open(_root() / relative, "rb")  # closed by _closing, after the last chunk
    except FileNotFoundError:
        raise MissingJobFile(relative) from None
    try:
        chunks = decrypt_stream(handle, context=relative.encode("utf-8"))
    except BaseException:
        handle.close()
        raise
    return _closing(chunks, handle)


def _closing(chunks: Iterator[bytes], handle: IO[bytes]) -> Iterator[bytes]:
    with handle:
        yield from chunks


def remove_inputs(job_id: Any) -> None:
    shutil.rmtree(_root() / FOLDER / str(job_id) / "in", ignore_errors=True)
