"""The radar's deadlines counted and ordered by the database, for a scope of any size.

:func:`haven.radar.deadlines.deadlines_for` hands every deadline of a window to Python, which is what
the alert digests need; the radar page needs less: how many there are, one page of them in the radar's
order (:meth:`haven_core.deadlines.Deadline.sort_key`) and, for the chart, each day's first
:data:`~haven_core.deadlines_chart.MAX_STACK` and the counts per day, kind and detention
(:class:`~haven_core.deadlines_chart.DaySummary`). Here the three sources (hearings and removals in the US
records, dated timeline events) are one ``UNION ALL`` that the database sorts, slices, ranks per day
and groups, so a coalition of a hundred thousand households costs a few queries over indexes and a
page's worth of rows. The same ordering and the same counts as the Python path (tested).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Cast, Coalesce

from haven.cases.models import TimelineEvent, USRecord
from haven.radar.deadlines import LOG_ONLY_EVENTS
from haven_core.deadlines import WEIGHT, Deadline, Kind
from haven_core.deadlines_chart import MAX_STACK, DaySummary

COLUMNS = ("d_date", "d_weight", "d_detained", "d_household", "d_person", "d_kind", "d_event")
ORDER = ("d_date", "d_weight", "-d_detained", "d_household", "d_person")


def in_scope(households: QuerySet[Any], household_id: str) -> Exists | Q:
    """The rows whose ``household_id`` (a lookup path) is one of ``households``: no condition at all when
    ``households`` is every household (a coordinator's scope), since every row has a household; the
    database then needs neither the household nor, for a US record, the person to count a deadline."""
    if not households.query.has_filters() and not households.query.is_sliced:
        return Q()
    return Exists(households.order_by().filter(pk=OuterRef(household_id)))


def _source(rows: QuerySet[Any], kind: Kind, date: str, household: str, detained: Any) -> QuerySet[Any]:
    columns = {
        "d_date": F(date),
        "d_weight": Value(WEIGHT[kind], output_field=IntegerField()),
        "d_detained": Coalesce(detained, Value(False), output_field=BooleanField()),
        "d_household": F(household),
        "d_person": Coalesce(Cast("person__public_id", CharField()), Value(""), output_field=CharField()),
        "d_kind": Value(kind.value, output_field=CharField()),
        "d_event": F("kind") if kind is Kind.EVENT else Value("", output_field=CharField()),
    }
    source: QuerySet[Any] = rows.order_by().annotate(**columns).values_list(*COLUMNS)
    return source


def _sources(
    households: QuerySet[Any], today: dt.date, days: int, detained_only: bool
) -> list[tuple[Kind, str, QuerySet[Any]]]:
    """Each source of deadlines: its kind, its date column and its rows in the window."""
    window = (today, today + dt.timedelta(days=days))
    # EXISTS rather than IN: the database then walks the date index of the window and checks each row's
    # household, instead of walking every household of the scope (SQLite chose the latter for IN).
    records = USRecord.objects.filter(in_scope(households, "person__household_id"))
    events = TimelineEvent.objects.filter(in_scope(households, "household_id"), date__range=window)
    events = events.exclude(kind__in=LOG_ONLY_EVENTS).filter(
        system=False, withdrawn_at__isnull=True
    )  # withdrawn: not happening
    if detained_only:
        records = records.filter(detained=True)
        events = events.filter(person__us_record__detained=True)
    return [
        (Kind.HEARING, "next_hearing_date", records.filter(next_hearing_date__range=window)),
        (Kind.REMOVAL, "removal_scheduled_date", records.filter(removal_scheduled_date__range=window)),
        (Kind.EVENT, "date", events),
    ]


def deadline_rows(
    households: QuerySet[Any], today: dt.date, days: int, *, detained_only: bool = False
) -> QuerySet[Any]:
    """The deadlines of ``households`` from ``today`` to ``today + days`` as one unordered union of rows
    (:data:`COLUMNS`); order it by :data:`ORDER` for the radar's order."""
    (_, _, hearings), (_, _, removals), (_, _, events) = _sources(households, today, days, detained_only)
    record_household, detained = "person__household__reference", F("detained")
    hearings = _source(hearings, Kind.HEARING, "next_hearing_date", record_household, detained)
    removals = _source(removals, Kind.REMOVAL, "removal_scheduled_date", record_household, detained)
    dated = _source(events, Kind.EVENT, "date", "household__reference", F("person__us_record__detained"))
    return hearings.union(removals, dated, all=True)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def as_deadline(row: tuple[Any, ...]) -> Deadline:
    """A row of :func:`deadline_rows` as a :class:`Deadline`."""
    date, _, detained, household, person, kind, event = row[:7]
    # PostgreSQL hands a public id over in its canonical form already; SQLite as 32 hex digits.
    who = str(person) if len(str(person)) == 36 else str(uuid.UUID(str(person))) if person else ""
    return Deadline(household, who, Kind(kind), _date(date), bool(detained), event_kind=event or "")


class OrderedDeadlines:
    """The rows of :func:`deadline_rows` in the radar's order, counted and sliced by the database; a
    paginator takes it like a queryset, and each slice comes back as :class:`Deadline` values."""

    def __init__(self, rows: QuerySet[Any], *, count: int | None = None) -> None:
        self._rows, self._count = rows, count

    def count(self) -> int:
        """How many rows there are: ``count`` when the caller has counted them already (see
        :func:`counted_in`), else counted by the database."""
        if self._count is None:
            self._count = int(self._rows.count())
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Deadline]:
        return [as_deadline(row) for row in self._rows.order_by(*ORDER)[window]]


def _raw(rows: QuerySet[Any], outer: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    sql, inner = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(outer.format(rows=sql), (*inner, *params))
        return list(cursor.fetchall())


def counted_in(counts: dict[tuple[dt.date, Kind, bool], int], today: dt.date, days: int) -> int:
    """How many deadlines there are from ``today`` to ``today + days`` by the counts of a
    :func:`day_summary` of a window at least as long: the radar lists one window and charts another,
    and counts both with one query."""
    end = today + dt.timedelta(days=days)
    return sum(n for (day, _, _), n in counts.items() if day <= end)


# Each day's deadlines ranked in the radar's order, with the size of each group of a day, kind and
# detention: the first MAX_STACK of a day (the marks) and the first row of each group (its count) are
# kept. The three windows share one sort (the groups' order is a prefix of the ranking's).
_RANKED = (
    "SELECT d_date, d_weight, d_detained, d_household, d_person, d_kind, d_event, d_level, d_group, d_first"
    " FROM (SELECT u.*,"
    " ROW_NUMBER() OVER (PARTITION BY d_date ORDER BY d_weight, d_detained DESC, d_household, d_person)"
    " AS d_level,"
    " COUNT(*) OVER (PARTITION BY d_date ORDER BY d_weight, d_detained DESC"
    " RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS d_group,"
    " RANK() OVER (PARTITION BY d_date ORDER BY d_weight, d_detained DESC) AS d_first"
    " FROM ({rows}) u) ranked WHERE d_level <= %s OR d_level = d_first"
)


def day_summary(
    households: QuerySet[Any],
    today: dt.date,
    days: int,
    *,
    detained_only: bool = False,
    counts: dict[tuple[dt.date, Kind, bool], int] | None = None,
) -> DaySummary:
    """The chart's :class:`DaySummary` of the window: each day's first marks ranked by the database
    and the counts per day, kind and detention, both from one query; or the marks
    alone when the caller has ``counts`` already (of a window at least as long, with the same filter)."""
    rows = deadline_rows(households, today, days, detained_only=detained_only)
    ranked = _raw(rows, _RANKED, (MAX_STACK,))
    first = [as_deadline(row) for row in ranked if row[7] <= MAX_STACK]
    if counts is None:
        counts = {}
        for row in ranked:
            if row[7] == row[9]:  # the first row of its group: the group's size is its count
                key = (_date(row[0]), Kind(row[5]), bool(row[2]))
                counts[key] = counts.get(key, 0) + int(row[8])
    end = today + dt.timedelta(days=days)
    counts = {key: n for key, n in counts.items() if key[0] <= end}
    return DaySummary(first, counts)
