"""The radar's deadlines counted and ordered by the database, for a scope of any size.

:func:`haven.radar.deadlines.deadlines_for` hands every deadline of a window to Python, which is what
the alert digests need; the radar page needs less: how many there are per day, kind and detention (the
list's count, where a page starts, and the whole chart: :func:`group_counts`) and one page of them in
the radar's order (:meth:`haven_core.deadlines.Deadline.sort_key`). Here the three sources (hearings and
removals in the US records, dated timeline events) are one ``UNION ALL`` that the database groups, or
sorts and slices among only the days that hold a page, so a coalition of a hundred thousand households
costs two queries over indexes and a page's worth of rows. The same ordering and the same counts as the
Python path (tested).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
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
from haven_core.deadlines_chart import Counts

COLUMNS = ("d_date", "d_weight", "d_detained", "d_household", "d_person", "d_kind", "d_event")
ORDER = ("d_date", "d_weight", "-d_detained", "d_household", "d_person")


def in_scope(households: QuerySet[Any], household_id: str) -> Exists | Q:
    """The rows whose ``household_id`` (a lookup path) is one of ``households``: no condition at all when
    ``households`` is every household (a coordinator's scope), since every row has a household; the
    database then needs no household to count a deadline. A US record names its household itself
    (``USRecord.household``), so neither needs its person."""
    if not households.query.has_filters() and not households.query.is_sliced:
        return Q()
    return Exists(households.order_by().filter(pk=OuterRef(household_id)))


Groups = dict[tuple[Kind, bool], list[dt.date]]  # the days whose deadlines of a kind and detention are wanted


def _source(
    rows: QuerySet[Any], kind: Kind, date: str, household: str, detained: Any, only: Groups | None
) -> QuerySet[Any]:
    columns = {
        "d_date": F(date),
        "d_weight": Value(WEIGHT[kind], output_field=IntegerField()),
        "d_detained": Coalesce(detained, Value(False), output_field=BooleanField()),
        "d_household": F(household),
        "d_person": Coalesce(Cast("person__public_id", CharField()), Value(""), output_field=CharField()),
        "d_kind": Value(kind.value, output_field=CharField()),
        "d_event": F("kind") if kind is Kind.EVENT else Value("", output_field=CharField()),
    }
    source: QuerySet[Any] = rows.order_by().annotate(**columns)
    if only is not None:
        wanted = Q(pk__in=[])
        for flag in (True, False):
            if days := only.get((kind, flag)):
                wanted |= Q(d_date__in=days, d_detained=flag)
        source = source.filter(wanted)
    return source.values_list(*COLUMNS)


def _sources(
    households: QuerySet[Any], today: dt.date, days: int, detained_only: bool
) -> list[tuple[Kind, str, QuerySet[Any]]]:
    """Each source of deadlines: its kind, its date column and its rows in the window."""
    window = (today, today + dt.timedelta(days=days))
    # EXISTS rather than IN: the database then walks the date index of the window and checks each row's
    # household, instead of walking every household of the scope (SQLite chose the latter for IN).
    records = USRecord.objects.filter(in_scope(households, "household_id"))
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
    households: QuerySet[Any],
    today: dt.date,
    days: int,
    *,
    detained_only: bool = False,
    only: Groups | None = None,
) -> QuerySet[Any]:
    """The deadlines of ``households`` from ``today`` to ``today + days`` as one unordered union of rows
    (:data:`COLUMNS`); order it by :data:`ORDER` for the radar's order. With ``only``, just the
    deadlines of the days listed for their kind and detention (see :func:`covering`)."""
    (_, _, hearings), (_, _, removals), (_, _, events) = _sources(households, today, days, detained_only)
    record_household, detained = "household__reference", F("detained")
    hearings = _source(hearings, Kind.HEARING, "next_hearing_date", record_household, detained, only)
    removals = _source(removals, Kind.REMOVAL, "removal_scheduled_date", record_household, detained, only)
    detention = F("person__us_record__detained")
    dated = _source(events, Kind.EVENT, "date", "household__reference", detention, only)
    return hearings.union(removals, dated, all=True)


def group_counts(
    households: QuerySet[Any], today: dt.date, days: int, *, detained_only: bool = False
) -> Counts:
    """How many deadlines there are per day, kind and detention from ``today`` to ``today + days``:
    grouped by the database from the dates and detention alone, without the households' references
    and people's ids that ordering needs (so without joining a household to every deadline)."""
    parts = []
    for kind, date, rows in _sources(households, today, days, detained_only):
        detained = F("person__us_record__detained") if kind is Kind.EVENT else F("detained")
        parts.append(
            rows.order_by()
            .annotate(
                g_date=F(date),
                g_kind=Value(kind.value, output_field=CharField()),
                g_detained=Coalesce(detained, Value(False), output_field=BooleanField()),
            )
            .values_list("g_date", "g_kind", "g_detained")
        )
    union = parts[0].union(*parts[1:], all=True)
    grouped = (
        "SELECT g_date, g_kind, g_detained, COUNT(*) FROM ({rows}) u GROUP BY g_date, g_kind, g_detained"
    )
    counts: Counts = {}
    for date, kind, flag, n in _raw(union, grouped):
        key = (_date(date), Kind(kind), bool(flag))
        counts[key] = counts.get(key, 0) + int(n)
    return counts


def _in_order(key: tuple[dt.date, Kind, bool]) -> tuple[dt.date, int, bool]:
    date, kind, detained = key
    return (date, WEIGHT[kind], not detained)


def covering(counts: Counts, start: int, stop: int) -> tuple[Groups, int]:
    """The groups (a day, a kind, a detention) that hold the deadlines ``start`` to ``stop`` of the
    radar's order, given each group's size, and how many deadlines come before the first of them:
    the radar's order sorts by day, kind and detention first, so the rows ``start:stop`` are the rows
    ``start - skipped:stop - skipped`` of those groups alone."""
    only: Groups = {}
    position = skipped = 0
    for key in sorted(counts, key=_in_order):
        n = counts[key]
        if position + n <= start:
            skipped += n
        elif position < stop:
            only.setdefault((key[1], key[2]), []).append(key[0])
        position += n
    return only, skipped


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
    paginator takes it like a queryset, and each slice comes back as :class:`Deadline` values.

    Given the window's :func:`group_counts` and ``narrow`` (the window's :func:`deadline_rows` for some
    groups, called with ``only=``), a slice orders only the groups that hold it (:func:`covering`):
    a page of a coalition's radar then sorts a day or two of deadlines rather than the whole window,
    and ``rows`` is not needed (None)."""

    def __init__(
        self,
        rows: QuerySet[Any] | None,
        *,
        count: int | None = None,
        counts: Counts | None = None,
        narrow: Callable[..., QuerySet[Any]] | None = None,
    ) -> None:
        self._rows, self._count, self._counts, self._narrow = rows, count, counts, narrow
        if count is None and counts is not None:
            self._count = sum(counts.values())

    def count(self) -> int:
        """How many rows there are: ``count`` when the caller has counted them already (see
        :func:`group_counts`), else counted by the database."""
        if self._count is None:
            self._count = int(self._all().count())
        return self._count

    def _all(self) -> QuerySet[Any]:
        if self._rows is None:
            raise ValueError("the rows are needed without the counts and narrow of every group")
        return self._rows

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Deadline]:
        if self._counts is None or self._narrow is None:
            return [as_deadline(row) for row in self._all().order_by(*ORDER)[window]]
        start = window.start or 0
        stop = self.count() if window.stop is None else window.stop
        only, skipped = covering(self._counts, start, stop)
        if not only or stop <= start:
            return []
        rows = self._narrow(only=only).order_by(*ORDER)[start - skipped : stop - skipped]
        return [as_deadline(row) for row in rows]


def _raw(rows: QuerySet[Any], outer: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    sql, inner = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(outer.format(rows=sql), (*inner, *params))
        return list(cursor.fetchall())


def within(counts: Counts, today: dt.date, days: int) -> Counts:
    """The ``counts`` of the days from ``today`` to ``today + days``."""
    end = today + dt.timedelta(days=days)
    return {key: n for key, n in counts.items() if key[0] <= end}
