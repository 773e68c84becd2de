"""Files a job reads or makes, kept sealed like evidence files until someone downloads them.

Under ``HAVEN_FILES_DIR``: ``jobs/<job id>/in/<name>`` (an uploaded registry file waiting for its import)
and ``jobs/<job id>/out/<name>`` (a referral package and its README). Each is sealed with
:func:`haven.security.codec.encrypt_bytes` under its path as context, so ``haven rotate-keys`` reseals
them with the rest. A job's outputs are written to a temporary folder and moved into place in one
rename: a job that fails half-way leaves no ``out`` folder behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings

from haven.security.codec import decrypt_bytes, encrypt_bytes

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


def store_outputs(job_id: Any, files: Mapping[str, bytes]) -> list[dict[str, Any]]:
    """Seal ``files`` into the job's ``out`` folder all at once; returns their names, sizes and hashes."""
    final = _root() / FOLDER / str(job_id) / "out"
    final.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=final.parent, prefix=".out-"))
    listed = []
    try:
        for name, data in files.items():
            _write(staging / name, _relative(job_id, "out", name), data)
            listed.append({"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
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


def remove_inputs(job_id: Any) -> None:
    shutil.rmtree(_root() / FOLDER / str(job_id) / "in", ignore_errors=True)
