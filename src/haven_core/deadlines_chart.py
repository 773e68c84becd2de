"""The geometry of the radar's timeline: the next 90 days, one column per day, counts per week.

Pure: counts in, coordinates out. The template draws the SVG from these numbers, so the chart needs no
script and no inline style (CSS classes colour it). A day's column stacks its deadlines by kind and
detention, removals lowest and detained people's first within a kind (the order of
:meth:`Deadline.sort_key`), each part as tall as its number on the scale of the busiest day (never
thinner than :data:`MIN_PART`, so that one removal among hundreds of hearings still shows), with the
day's number written above it. So the chart is a picture of how many are due when, whatever the size
of the coalition: at most 91 columns of six parts, from the counts the database groups; the list under
it names each deadline, a day at a time from its column's link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from haven_core.deadlines import Deadline, Kind, upcoming

DAYS = 90  # the chart always shows today and the next 90 days
WIDTH = 720
HEIGHT = 220
LEFT = 36  # room for the "week" label
RIGHT = 16
TOP = 4
AXIS_Y = 170  # the baseline: columns stand on it, week ticks hang below it
LABEL = 26  # room above the tallest column for its number, written upwards
MIN_PART = 1.5  # the least height of a part of a column, in px
GAP = 1.0  # between two columns, in px

# How many deadlines there are per day, kind and detention: what the chart is drawn from.
Counts = dict[tuple[dt.date, Kind, bool], int]

# A column's parts from the axis upwards: the radar's order of kinds, detained people's first.
STACK = tuple(
    (kind, detained) for kind in (Kind.REMOVAL, Kind.HEARING, Kind.EVENT) for detained in (True, False)
)


@dataclass(frozen=True)
class Part:
    """The deadlines of one kind and detention on one day, drawn as a bar from ``y`` down ``height``."""

    kind: Kind
    detained: bool
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class Column:
    """One day's deadlines: its parts from the axis upwards; ``x`` is the left edge, ``centre`` the
    middle where its number is written."""

    date: dt.date
    x: float
    width: float
    centre: float
    parts: tuple[Part, ...]

    @property
    def total(self) -> int:
        return sum(p.count for p in self.parts)

    @property
    def top(self) -> float:
        """The top of the column's highest part (its number is written above)."""
        return min(p.y for p in self.parts)

    def of(self, kind: Kind) -> int:
        return sum(p.count for p in self.parts if p.kind is kind)

    @property
    def detained(self) -> int:
        return sum(p.count for p in self.parts if p.detained)


@dataclass(frozen=True)
class Tick:
    x: float
    date: dt.date


@dataclass(frozen=True)
class Week:
    """Deadlines in one week of the chart, counted by kind, for the table beside the picture."""

    start: dt.date
    end: dt.date
    x: float  # centre of the week on the axis
    removals: int = 0
    hearings: int = 0
    events: int = 0
    detained: int = 0

    @property
    def total(self) -> int:
        return self.removals + self.hearings + self.events


@dataclass(frozen=True)
class Chart:
    today: dt.date
    days: int
    columns: list[Column] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    weeks: list[Week] = field(default_factory=list)
    busiest: int = 0  # the deadlines of the busiest day: its column is the tallest
    width: int = WIDTH
    height: int = HEIGHT
    axis_y: int = AXIS_Y
    left: int = LEFT
    right: int = WIDTH - RIGHT

    @property
    def total(self) -> int:
        return sum(w.total for w in self.weeks)


def day_width(days: int = DAYS) -> float:
    """Horizontal room of one day: the plot spans ``days + 1`` days, today included."""
    return (WIDTH - LEFT - RIGHT) / (days + 1)


def x_of(date: dt.date, today: dt.date, days: int = DAYS) -> float:
    """The centre of ``date``'s column; today is the first column, ``today + days`` the last.

    >>> x_of(dt.date(2026, 1, 1), dt.date(2026, 1, 1))
    39.7
    """
    offset = (date - today).days
    if not 0 <= offset <= days:
        raise ValueError(f"{date} is outside the chart ({today} + {days} days)")
    return round(LEFT + (offset + 0.5) * day_width(days), 1)


def heights(counts: Iterable[int], busiest: int) -> list[float]:
    """The heights of a column's parts of ``counts`` deadlines, on the scale where a column of
    ``busiest`` deadlines in six parts stands as tall as the plot allows; a part of at least one
    deadline is never thinner than :data:`MIN_PART`, none of none.

    >>> heights([1, 0, 99], 100)
    [1.5, 0.0, 129.7]
    """
    room = AXIS_Y - TOP - LABEL - len(STACK) * MIN_PART
    scale = room / busiest if busiest else 0.0
    return [round(max(MIN_PART, n * scale), 1) if n else 0.0 for n in counts]


def _weeks(today: dt.date, days: int) -> list[dt.date]:
    return [today + dt.timedelta(days=d) for d in range(0, days + 1, 7)]


def counted(deadlines: Iterable[Deadline], today: dt.date, days: int = DAYS) -> Counts:
    """How many of ``deadlines`` fall on each day from ``today`` to ``today + days``, per kind and
    detention (what the database groups for the radar page)."""
    counts: Counts = {}
    for deadline in upcoming(deadlines, today, days):
        key = (deadline.date, deadline.kind, deadline.detained)
        counts[key] = counts.get(key, 0) + 1
    return counts


def timeline(deadlines: Iterable[Deadline], today: dt.date, days: int = DAYS) -> Chart:
    """Lay out the deadlines from ``today`` to ``today + days`` (others are left out)."""
    return layout(counted(deadlines, today, days), today, days)


def layout(counts: Counts, today: dt.date, days: int = DAYS) -> Chart:
    """Lay out the ``counts`` of a window (what is outside ``today`` to ``today + days`` is left out)."""
    end = today + dt.timedelta(days=days)
    per_day: dict[dt.date, dict[tuple[Kind, bool], int]] = {}
    for (date, kind, detained), n in counts.items():
        if today <= date <= end and n:
            per_day.setdefault(date, {})[(kind, detained)] = n
    busiest = max((sum(day.values()) for day in per_day.values()), default=0)
    width = round(day_width(days) - GAP, 1)
    columns = []
    for date in sorted(per_day):
        day = per_day[date]
        numbers = [day.get(group, 0) for group in STACK]
        parts, y = [], float(AXIS_Y)
        for (kind, detained), n, height in zip(STACK, numbers, heights(numbers, busiest), strict=True):
            if n:
                y = round(y - height, 1)
                parts.append(Part(kind, detained, n, y, height))
        centre = x_of(date, today, days)
        columns.append(Column(date, round(centre - width / 2, 1), width, centre, tuple(parts)))
    starts = _weeks(today, days)
    weeks = []
    for start in starts:
        last = min(start + dt.timedelta(days=6), end)
        middle = (x_of(start, today, days) + x_of(last, today, days)) / 2
        those = [c for c in columns if start <= c.date <= last]
        weeks.append(
            Week(
                start,
                last,
                round(middle, 1),
                removals=sum(c.of(Kind.REMOVAL) for c in those),
                hearings=sum(c.of(Kind.HEARING) for c in those),
                events=sum(c.of(Kind.EVENT) for c in those),
                detained=sum(c.detained for c in those),
            )
        )
    ticks = [Tick(round(x_of(s, today, days) - day_width(days) / 2, 1), s) for s in starts]
    return Chart(today, days, columns, ticks, weeks, busiest)
