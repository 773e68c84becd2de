"""What a backup holds, as JSON lines: every row of Haven's own models and of its user accounts.

Values are written decrypted (the whole backup is encrypted, see ``haven.security.backup``), so that a
backup can be restored into an installation with other keys, and datetimes keep their microseconds so
that the audit trail's hash chain still holds after a restore. The blind indexes are left out: they are
derived, and are rebuilt under the restoring installation's index key.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import uuid
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from django.apps import apps
from django.core import serializers
from django.db import models

DERIVED = frozenset({"cases.personnamekey"})  # rebuilt by haven.security.indexes.rebuild_indexes
ACCOUNT_MODELS = frozenset({"auth.user", "auth.group"})  # permissions and content types come from migrate


def backup_models() -> list[type[models.Model]]:
    """Haven's models and the account models, in an order that loads without forward references."""
    app_list = []
    for config in apps.get_app_configs():
        if config.name.startswith("haven.") or config.label == "auth":
            chosen = [
                m
                for m in config.get_models()
                if not m._meta.proxy
                and m._meta.managed
                and m._meta.label_lower not in DERIVED
                and (config.label != "auth" or m._meta.label_lower in ACCOUNT_MODELS)
            ]
            if chosen:
                app_list.append((config, chosen))
    return _referenced_first(list(serializers.sort_dependencies(app_list)))


def _referenced_first(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    """Order models so each comes after the models it refers to (a household before its people)."""
    ordered: list[type[models.Model]] = []
    remaining = list(chosen)
    while remaining:
        for model in remaining:
            relations = [*model._meta.concrete_fields, *model._meta.many_to_many]
            needs = {f.related_model for f in relations if f.is_relation} & set(remaining) - {model}
            if not needs:
                ordered.append(model)
                remaining.remove(model)
                break
        else:  # a cycle: within the restore's one transaction, deferred constraints still hold it
            return ordered + remaining
    return ordered


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()  # full precision: Django's JSON encoder would cut microseconds
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(f"cannot put a {type(value).__name__} in a backup")


def dump_rows(model: type[models.Model], *, batch: int) -> Iterator[bytes]:
    """The rows of ``model`` in primary-key order, as JSON lines, ``batch`` rows per piece."""
    rows = model._base_manager.order_by("pk").iterator(chunk_size=batch)
    while piece := list(islice(rows, batch)):
        objects = serializers.serialize("python", piece, use_natural_foreign_keys=True)
        yield b"".join(
            json.dumps(o, default=_encode, ensure_ascii=False).encode("utf-8") + b"\n" for o in objects
        )


def load_rows(lines: Iterable[bytes]) -> Iterator[Any]:
    """Deserialised objects (not yet saved) from JSON lines written by :func:`dump_rows`, with the
    columns a backup made before them lacks filled in (:func:`_completed`)."""
    objects = (json.loads(line) for line in lines if line.strip())
    return map(_completed, serializers.deserialize("python", objects, handle_forward_references=True))


def _completed(restored: Any) -> Any:
    """``restored`` with what later releases keep beside its own columns: a US record from a backup made
    before records kept their person's household gets it from the person (restored before it)."""
    row = restored.object
    if row._meta.label_lower == "cases.usrecord" and row.household_id is None:
        people = apps.get_model("cases", "Person")._base_manager.filter(pk=row.person_id)
        row.household_id = people.values_list("household_id", flat=True).first()
    return restored
