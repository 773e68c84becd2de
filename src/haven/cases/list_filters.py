"""Filters of the case list that the apps following the case records add to it (documentation, referral
decisions, outcomes): the dashboard's bars open the case list filtered on what they count, and the case
records know nothing of those apps (they stand above them), so each app registers its filter here from its
``AppConfig.ready``.

A registered filter reads one query parameter. The case list shows it only while it is set, as a filter
to remove, because nobody picks "households with a removal in March" from a menu: it is a bar's list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class ListFilter:
    """``name`` is the query parameter; ``label`` names the filter; ``describe(value)`` says what a value
    keeps in words, or None for a value it does not know; ``apply(households, value)`` narrows a queryset
    of households (those the reader may see, already narrowed by the other filters)."""

    name: str
    label: Any
    describe: Callable[[str], str | None]
    apply: Callable[[QuerySet[Any], str], QuerySet[Any]]


_FILTERS: dict[str, ListFilter] = {}


def register(list_filter: ListFilter) -> None:
    _FILTERS[list_filter.name] = list_filter


def registered() -> list[ListFilter]:
    return list(_FILTERS.values())


def get(name: str) -> ListFilter | None:
    return _FILTERS.get(name)
