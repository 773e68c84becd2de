"""The API's lists, a page at a time: 100 rows a page, with the page asked for, how many pages and rows."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet

PAGE_SIZE = 100

M = TypeVar("M", bound=Model)


def page_of(rows: QuerySet[M], page: int) -> tuple[dict[str, Any], QuerySet[M]]:
    """The header of page ``page`` of ``rows`` (``page``, ``pages``, ``count``) and that page's rows."""
    count = rows.count()
    start = (page - 1) * PAGE_SIZE
    header = {"page": page, "pages": max(1, -(-count // PAGE_SIZE)), "count": count}
    return header, rows[start : start + PAGE_SIZE]
