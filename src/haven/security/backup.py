"""``haven backup`` and ``haven restore``: the whole installation in one encrypted, checked file.

A backup is a gzip-compressed tar archive (a manifest, the rows as JSON lines, the stored files)
encrypted as a whole as an age file (:mod:`haven.security.backup_files`), so nothing in it, not even
which models it holds, can be read without the passphrase or an identity, and any damage is found before
anything is restored. Stored files are copied as they are stored, that is encrypted under the data keys,
so restoring them needs those keys too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import secrets
import shutil
import tarfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.conf import settings
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.db.models import Model

from haven.security.backup_files import BackupError, Opened, opened, writer
from haven.security.codec import stored_files
from haven.security.indexes import rebuild_indexes
from haven.security.reporting import Reporter
from haven.security.snapshot import backup_models, dump_rows, load_rows
from haven_core.crypto import container

FORMAT = 1
ROWS_PER_MEMBER = 2000
__all__ = ["BackupError", "Summary", "check_backup", "non_empty", "restore_backup", "write_backup"]


@dataclass
class Summary:
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0
    sha256: str = ""  # of the backup file as written, for checking copies with sha256sum


class _Hashing:
    """Writes to ``out`` and keeps the SHA-256 of what went through."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out, self.hash = out, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return self._out.write(data)


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = len(data), 0o600
    tar.addfile(info, io.BytesIO(data))


def _write_archive(out: Any, reporter: Reporter) -> Summary:
    summary = Summary()
    root = Path(settings.HAVEN_FILES_DIR)
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # One snapshot for every table, while Haven keeps writing (SQLite's read transaction is one).
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        chosen = backup_models()
        summary.rows = {m._meta.label_lower: m._base_manager.count() for m in chosen}
        files = stored_files()
        summary.files = len(files)
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "rows": summary.rows,
            "files": summary.files,
        }
        with tarfile.open(fileobj=out, mode="w|gz") as tar:
            _add(tar, "manifest.json", json.dumps(manifest).encode("utf-8"))
            for number, model in enumerate(chosen):
                name, done = model._meta.label_lower, 0
                reporter.batch(f"backing up {name}", 0, summary.rows[name])
                for part, lines in enumerate(dump_rows(model, batch=ROWS_PER_MEMBER)):
                    _add(tar, f"data/{number:03d}-{part:05d}.jsonl", lines)
                    done = min(done + ROWS_PER_MEMBER, summary.rows[name])
                    reporter.batch(f"backing up {name}", done, summary.rows[name])
            for done, path in enumerate(files, start=1):
                tar.add(path, arcname=f"files/{path.relative_to(root).as_posix()}", recursive=False)
                reporter.batch("backing up stored files", done, len(files))
    return summary


def write_backup(
    target: Path, *, passphrase: bytes | None = None, reporter: Reporter | None = None
) -> Summary:
    """Write the installation to ``target``: a consistent snapshot, compressed, as one age file."""
    reporter = reporter or Reporter()
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
            hashing = _Hashing(out)
            sealed = writer(hashing, passphrase=passphrase)  # type: ignore[arg-type]
            summary = _write_archive(sealed, reporter)
            sealed.close()
            summary.sha256 = hashing.hash.hexdigest()
        os.replace(partial, target)  # a failed backup never leaves a file that looks like a good one
    finally:
        partial.unlink(missing_ok=True)
    return summary


@dataclass(frozen=True)
class Checked:
    format: str  # which format was read, and how it was opened
    created_at: str
    rows: int
    files: int


def _read_manifest(backup: Opened) -> dict[str, Any]:
    """Read the whole archive, checking every byte, and return its manifest."""
    manifest: dict[str, Any] | None = None
    try:
        with tarfile.open(fileobj=backup.reader, mode="r|gz") as tar:
            for member in tar:
                data = tar.extractfile(member) if member.isfile() else None
                if data is not None and member.name == "manifest.json":
                    manifest = json.loads(data.read())
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise BackupError(container.DAMAGED + f" (the archive inside is unreadable: {exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(container.DAMAGED + " (it has no manifest Haven knows)")
    return manifest


def check_backup(
    path: Path, *, passphrase: bytes | None = None, identities: Sequence[X25519PrivateKey] = ()
) -> Checked:
    """Read the whole backup and check its integrity, restoring nothing."""
    with opened(path, passphrase=passphrase, identities=identities) as backup:
        manifest = _read_manifest(backup)
    return Checked(
        format=backup.format,
        created_at=str(manifest.get("created_at") or backup.created_at or "?"),
        rows=sum(manifest["rows"].values()),
        files=int(manifest["files"]),
    )


def _holds_data(model: type[Model]) -> bool:
    rows = model._base_manager.all()
    if model._meta.label_lower == "audit.chainhead":
        rows = rows.exclude(last_seq=0)  # a migrated installation starts with the chain's first head
    return bool(rows.exists())


def non_empty() -> list[str]:
    """The models that already hold rows, and the stored files folder if it holds files."""
    found = [m._meta.label_lower for m in backup_models() if _holds_data(m)]
    if stored_files():
        found.append("stored files")
    return found


def _safe_name(name: str) -> Path:
    relative = Path(name.removeprefix("files/"))
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(container.DAMAGED + f" (a stored file has an unsafe name: {name!r})")
    return relative


def _restore_archive(reader: Any, staging: Path, reporter: Reporter) -> Summary:
    summary, manifest, waiting = Summary(), None, []
    with tarfile.open(fileobj=reader, mode="r|gz") as tar:
        for member in tar:
            data = tar.extractfile(member) if member.isfile() else None
            if data is None:
                continue
            if member.name == "manifest.json":
                manifest = json.loads(data.read())
                if manifest.get("format") != FORMAT:
                    raise BackupError(f"this backup's format {manifest.get('format')!r} is not known here")
                reporter.batch("restoring rows", 0, sum(manifest["rows"].values()))
            elif member.name.startswith("data/"):
                for restored in load_rows(data):
                    restored.save(force_insert=True)  # the installation is empty: no UPDATE to try first
                    if restored.deferred_fields:
                        waiting.append(restored)  # refers to a row further on in the backup
                    name = restored.object._meta.label_lower
                    summary.rows[name] = summary.rows.get(name, 0) + 1
                expected = sum(manifest["rows"].values()) if manifest else 0
                reporter.batch("restoring rows", sum(summary.rows.values()), expected)
            elif member.name.startswith("files/"):
                path = staging / _safe_name(member.name)
                path.parent.mkdir(parents=True, exist_ok=True)
                with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                    shutil.copyfileobj(data, out)
                summary.files += 1
    for restored in waiting:
        restored.save_deferred_fields()
    if manifest is None or manifest["rows"] != {k: summary.rows.get(k, 0) for k in manifest["rows"]}:
        raise BackupError(container.DAMAGED + " (its contents do not match its manifest)")
    if manifest["files"] != summary.files:
        raise BackupError(container.DAMAGED + " (its stored files do not match its manifest)")
    return summary


def _check_references_at_the_end() -> None:
    """PostgreSQL: check the restored rows' foreign keys when the restore's transaction ends, not row by row.

    Some rows refer to each other (an evidence item names its newest verification, which names the item),
    so whatever the order one of them is written before the row it names. Haven's foreign keys are
    deferrable; this makes sure they are deferred even if the surrounding transaction said otherwise.
    SQLite checks Haven's foreign keys at the end of the transaction already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _reset_sequences() -> None:
    """PostgreSQL: make new rows' ids follow the restored ones (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), backup_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def restore_backup(
    path: Path,
    *,
    passphrase: bytes | None = None,
    identities: Sequence[X25519PrivateKey] = (),
    reporter: Reporter | None = None,
) -> Summary:
    """Restore ``path`` into this empty installation, in one transaction; rebuild the blind indexes."""
    reporter = reporter or Reporter()
    checked = check_backup(path, passphrase=passphrase, identities=identities)
    reporter.say(f"Backup of {checked.created_at} checked: intact ({checked.format}).")
    if found := non_empty():
        raise BackupError(
            "this installation is not empty (" + ", ".join(found) + "); restore only into an empty one"
        )
    files_dir = Path(settings.HAVEN_FILES_DIR)
    staging = files_dir.with_name(f".{files_dir.name}.restore-{secrets.token_hex(4)}")
    try:
        with opened(path, passphrase=passphrase, identities=identities) as backup, transaction.atomic():
            _check_references_at_the_end()
            for model in backup_models():
                model._base_manager.all().delete()  # only what migrate put there, such as the chain head
            try:
                summary = _restore_archive(backup.reader, staging, reporter)
            except (DeserializationError, DatabaseError, ValueError, KeyError, tarfile.TarError) as exc:
                raise BackupError(f"the backup could not be restored, nothing was changed: {exc}") from None
            _reset_sequences()
            rebuild_indexes(reporter=reporter)
        if staging.exists():
            files_dir.mkdir(parents=True, exist_ok=True)
            for item in staging.iterdir():
                os.replace(item, files_dir / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return summary
