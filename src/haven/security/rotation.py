"""Key rotation: re-encrypting every sensitive value, or recomputing every blind index, under a new key.

A rotation never stops reads. The new key is added to the key file and made current while the old keys
stay on the ring, so every process can still decrypt (or, for the index key, search under) both; the rows
are then rewritten in batches, each in its own short transaction that locks only its rows. Only at the
end, and only when no stored value still needs them, are old keys taken off the ring.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import Q
from django.utils import timezone

from haven.security import keys
from haven.security.actions import keys_rotate_data_record, keys_rotate_index_record
from haven.security.codec import files_not_current, reseal_file
from haven.security.columns import in_batch_transaction, label, pk_batches, raw_columns, sensitive_columns
from haven.security.fields import SensitiveField
from haven.security.indexes import rebuild_indexes
from haven.security.reporting import Reporter
from haven_core.crypto.keyring import KeyRing
from haven_core.crypto.sealing import DecryptionError, Sealer, key_id_of


class RotationError(Exception):
    """The rotation stopped; the message says why and what state the data is in."""


@dataclass
class DataRotation:
    new_key: str
    rewritten: int
    retired: list[str]


def settle() -> None:
    """Give every running process time to notice the changed key file (see ``keys.RECHECK_SECONDS``)."""
    time.sleep(keys.RECHECK_SECONDS * 2)


def _pending(fields_raw: Mapping[str, models.Expression], prefix: str) -> Q:
    """Rows with at least one stored value that is not under the current key."""
    condition = Q()
    for alias in fields_raw:
        condition |= Q(**{f"{alias}__isnull": False}) & ~Q(**{f"{alias}__startswith": prefix})
    return condition


def _plaintext(sealer: Sealer, stored: str, where: str) -> str:
    if key_id_of(stored) is None:
        return stored  # written before encryption was switched on: encrypt it now
    try:
        return sealer.open_text(stored)
    except DecryptionError as exc:
        raise RotationError(
            f"{where}: {exc}. The rotation stopped there: rows before it are under the new key, the rest "
            "under their old keys, all still readable."
        ) from None


def _column(field: models.Field[Any, Any] | None) -> str:
    """The database column of a stored field (every field rotated, and every primary key, has one)."""
    if field is None or field.column is None:
        raise RotationError(f"{field} has no column of its own to rewrite.")
    return field.column


def _update_statement(model: type[models.Model], fields: list[SensitiveField]) -> str:
    """``UPDATE table SET col = %s, ... WHERE pk = %s``: stored text written as it is, row by row.

    Plain SQL rather than ``update(Case(When ...))``: building an expression per value cost Django
    about 100 µs a value, fifty times the encryption itself. Identifiers come from the model's metadata,
    quoted by the database backend; values are parameters.
    """
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(_column(f))} = %s" for f in fields)
    pk_column = quote(_column(model._meta.pk))
    return f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {pk_column} = %s"  # noqa: S608


def reencrypt(
    model: type[models.Model], fields: list[SensitiveField], *, batch_size: int, reporter: Reporter
) -> int:
    """Rewrite every value of ``fields`` in ``model`` that is not under the current key; return how many."""
    sealer = keys.sealer()
    raw = raw_columns(fields)
    pending = model._base_manager.annotate(**raw).filter(_pending(raw, sealer.prefix))
    statement = _update_statement(model, fields)
    total = pending.count()
    done = rewritten = 0
    if total:
        reporter.batch(f"re-encrypting {label(model)}", 0, total)
    for batch in pk_batches(pending, batch_size):

        def rewrite(batch: models.QuerySet[Any] = batch) -> tuple[int, int]:
            rows, changed = [], 0
            for pk, *stored in batch.select_for_update().values_list("pk", *raw):
                values = []
                for field, value in zip(fields, stored, strict=True):
                    if value is not None and not sealer.is_current(value):
                        value = sealer.seal_text(
                            _plaintext(sealer, value, f"{label(model)} #{pk} {field.attname}")
                        )
                        changed += 1
                    values.append(value)
                rows.append([*values, pk])
            with connection.cursor() as cursor:
                cursor.executemany(statement, rows)
            return len(rows), changed

        rows, values = in_batch_transaction(rewrite)
        done, rewritten = done + rows, rewritten + values
        reporter.batch(f"re-encrypting {label(model)}", done, total)
    return rewritten


def reencrypt_all(*, batch_size: int, reporter: Reporter) -> int:
    rewritten = 0
    for model, fields in sensitive_columns():
        rewritten += reencrypt(model, fields, batch_size=batch_size, reporter=reporter)
    return rewritten


def reseal_files(reporter: Reporter) -> int:
    """Re-seal every stored file not under the current data key (sealed with its path as context)."""
    pending = files_not_current()
    done = 0
    reporter.batch("stored files", 0, len(pending))
    for number, path in enumerate(pending, start=1):
        done += reseal_file(path)
        reporter.batch("stored files", number, len(pending))
    return done


def values_not_current() -> dict[str, int]:
    """For each model, how many rows still hold a value not under the current data key."""
    sealer = keys.sealer()
    left = {}
    for model, fields in sensitive_columns():
        raw = raw_columns(fields)
        count = model._base_manager.annotate(**raw).filter(_pending(raw, sealer.prefix)).count()
        if count:
            left[label(model)] = count
    return left


def rotate_data_key(
    *, batch_size: int = 500, retire_old: bool = False, reporter: Reporter | None = None
) -> DataRotation:
    """Make a new data key current and re-encrypt everything under it; optionally retire the old keys."""
    source = keys.source()
    reporter = reporter or Reporter()
    with source.exclusive():
        ring = source.reload().ring
        sealer = source.write(KeyRing(data=ring.data.with_new_current("d"), index=ring.index))
        reporter.say(
            f"New data key {sealer.current} is current; old keys stay readable while values are rewritten."
        )
        settle()
        rewritten = reencrypt_all(batch_size=batch_size, reporter=reporter)
        resealed = reseal_files(reporter)
        retired: list[str] = []
        if retire_old:
            settle()  # a process that wrote under an old key just before noticing the new one
            rewritten += reencrypt_all(batch_size=batch_size, reporter=reporter)
            resealed += reseal_files(reporter)
            left, files = values_not_current(), files_not_current()
            if left or files:
                raise RotationError(
                    f"old keys kept: rows still under them in {left or 'no table'}, and {len(files)} stored "
                    "files that do not open with their own path as context (moved or renamed?)"
                )
            ring = source.reload().ring
            retired = sorted(k for k in ring.data.keys if k != ring.data.current)
            source.write(KeyRing(data=ring.data.only_current(), index=ring.index))
            reporter.say(f"Retired data keys: {', '.join(retired) or 'none'}.")
        keys_rotate_data_record(key=sealer.current, values=rewritten, files=resealed, retired=retired)
    return DataRotation(new_key=sealer.current, rewritten=rewritten, retired=retired)


def rotate_index_key(*, batch_size: int = 500, reporter: Reporter | None = None) -> str:
    """Make a new index key current, recompute every blind index under it, and drop the old index key.

    Searches try every index key on the ring (``haven.security.sensitive.index_values``), so people stay
    findable while their rows move from the old key to the new one.
    """
    source = keys.source()
    reporter = reporter or Reporter()
    with source.exclusive():
        started: dt.datetime = timezone.now()
        ring = source.reload().ring
        new = source.write(KeyRing(data=ring.data, index=ring.index.with_new_current("i"))).ring.index.current
        reporter.say(f"New index key {new} is current; searches use both keys until the indexes are rebuilt.")
        settle()
        rebuild_indexes(batch_size=batch_size, reporter=reporter)
        # A change whose transaction began before its process noticed the new key, and committed after
        # the rebuild passed its row, may have indexed under the old key: go over recent changes again.
        settle()
        recent = started - dt.timedelta(minutes=1)
        rebuild_indexes(batch_size=batch_size, reporter=reporter, changed_since=recent)
        ring = source.reload().ring
        source.write(KeyRing(data=ring.data, index=ring.index.only_current()))
        reporter.say("Old index key retired.")
        keys_rotate_index_record(key=new)
    return new
