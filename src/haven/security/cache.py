"""The cache every process of Haven shares (the rate limits count there): Django's database cache, with
an increment that loses no call.

Django's database cache increments by reading the value and writing it back, so two processes counting
at the same moment could both read 3 and both write 4: a client sending its requests at once could
pass a limit. Here the increment first takes the cache row for writing (an UPDATE that changes nothing:
a row lock on PostgreSQL, the write lock on SQLite), so a second increment of the same key waits until
the first has committed and then reads its value.
"""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)  # type: ignore[attr-defined]  # set by Django, not in the stubs
        column = connection.ops.quote_name("cache_key")
        stored = self.make_and_validate_key(key, version=version)
        with transaction.atomic(using=db):
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET {column} = {column} WHERE {column} = %s",  # noqa: S608 - quoted names
                    [stored],
                )
            return int(super().incr(key, delta, version))
