"""Rebuilding the blind indexes (name keys and A-number keys) from the encrypted values they index.

Used after a rotation of the index key and after a restore (backups do not carry the indexes: they are
derived, and the restoring installation may have another index key).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from django.db.models import QuerySet

from haven.cases.actions.people import NAME_FIELDS, person_keys
from haven.cases.models import Person, PersonNameKey, USRecord
from haven.security.columns import in_batch_transaction, label, pk_batches
from haven.security.reporting import Reporter
from haven.security.sensitive import index_value


def _people(batch: QuerySet[Any]) -> int:
    people = list(batch.select_for_update().only("pk", *NAME_FIELDS))
    rows = [PersonNameKey(person=p, key=k) for p in people for k in sorted(person_keys(p))]
    PersonNameKey.objects.filter(person__in=people).delete()
    PersonNameKey.objects.bulk_create(rows)
    return len(people)


def _records(batch: QuerySet[Any]) -> int:
    records = list(batch.select_for_update().only("pk", "a_number"))
    for record in records:
        record.a_number_key = index_value(record.a_number) if record.a_number else ""
    USRecord.objects.bulk_update(records, ["a_number_key"])
    return len(records)


def rebuild_indexes(
    *, batch_size: int = 500, reporter: Reporter | None = None, changed_since: dt.datetime | None = None
) -> int:
    """Recompute the name keys of every person and the A-number key of every US record; return rows."""
    reporter = reporter or Reporter()
    done = 0
    for model, work in ((Person, _people), (USRecord, _records)):
        queryset = model.objects.all()
        if changed_since is not None:
            queryset = queryset.filter(updated_at__gte=changed_since)
        total, model_done = queryset.count(), 0
        if total:
            reporter.batch(f"indexing {label(model)}", 0, total)
        for batch in pk_batches(queryset, batch_size):
            model_done += in_batch_transaction(partial(work, batch))
            reporter.batch(f"indexing {label(model)}", model_done, total)
        done += model_done
    return done
