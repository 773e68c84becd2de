"""Finding every sensitive column, and working through a table in short transactions.

Rotation and verification discover the columns from the models themselves (every field that is a
:class:`~haven.security.fields.SensitiveField`, in any installed app), so a sensitive field added tomorrow is
rotated and checked without anyone remembering to list it here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.apps import apps
from django.db import OperationalError, models, transaction
from django.db.models.functions import Cast

from haven.security.fields import SensitiveField

T = TypeVar("T")


def sensitive_columns() -> list[tuple[type[models.Model], list[SensitiveField]]]:
    """Each concrete model with the sensitive fields stored in its own table."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = [f for f in model._meta.local_concrete_fields if isinstance(f, SensitiveField)]
        if fields:
            found.append((model, fields))
    return found


def raw_columns(fields: list[SensitiveField]) -> dict[str, Cast]:
    """Annotations that read the stored text of each field as it is, without decrypting it."""
    return {f"stored_{f.attname}": Cast(f.attname, output_field=models.TextField()) for f in fields}


def label(model: type[models.Model]) -> str:
    return str(model._meta.label_lower)


def in_batch_transaction(work: Callable[[], T], *, attempts: int = 5) -> T:
    """Run ``work`` in its own transaction; on SQLite, try again if a concurrent writer got there first.

    PostgreSQL serialises through the row locks the batch takes; SQLite refuses a stale transaction's
    write with "database is locked" instead, and the batch is then read and written again.
    """
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return work()
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


def pk_batches(queryset: Any, batch_size: int) -> Any:
    """Yield querysets of up to ``batch_size`` rows in primary-key order, by key range (no OFFSET)."""
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        pks = list(page.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not pks:
            return
        yield queryset.filter(pk__in=pks).order_by("pk")
        last = pks[-1]
