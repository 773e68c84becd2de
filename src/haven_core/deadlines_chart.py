"""The geometry of the radar's timeline: the next 90 days, one mark per household and deadline, counts
per week.

Pure: dates and deadlines in, coordinates out. The template draws the SVG from these numbers, so the
chart needs no script and no inline style (CSS classes colour it). The same deadline of several people
of one household (a removal set for a mother and her children) is one mark that says how many people it
concerns; the weekly counts stay per person. Marks on the same day are stacked upwards,
removals first and detained people first within a kind (the order of :meth:`Deadline.sort_key`); a day
with more deadlines than fit shows the first ones and says how many more there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from haven_core.deadlines import Deadline, Kind, upcoming

DAYS = 90  # the chart always shows today and the next 90 days
WIDTH = 720
HEIGHT = 220
LEFT = 36  # room for the "today" label
RIGHT = 16
TOP = 20  # room for "+n" above a full column
AXIS_Y = 170  # the baseline: marks stand on it, week ticks hang below it
MARK = 6.0  # a mark's size in px
STEP = 7.0  # vertical distance between stacked marks
MAX_STACK = int((AXIS_Y - TOP - 4) // STEP)  # marks that fit in one day's column


@dataclass(frozen=True)
class Mark:
    """One deadline drawn: its centre, its shape's outline (for a removal, a triangle), what it is."""

    x: float
    y: float
    kind: Kind
    detained: bool
    date: dt.date
    household: str
    points: str = ""  # polygon points for a triangle; empty for the other shapes
    people: int = 1  # the household's deadlines this mark stands for (one per person concerned)

    @property
    def left(self) -> float:
        return round(self.x - MARK / 2, 1)

    @property
    def top(self) -> float:
        return round(self.y - MARK / 2, 1)


@dataclass(frozen=True)
class Tick:
    x: float
    date: dt.date


@dataclass(frozen=True)
class Overflow:
    """A day with more deadlines than its column holds: ``count`` are not drawn."""

    x: float
    y: float
    count: int


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
    marks: list[Mark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    weeks: list[Week] = field(default_factory=list)
    overflows: list[Overflow] = field(default_factory=list)
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


def y_of(level: int) -> float:
    """The centre of the ``level``-th mark (0 = the lowest) in a column standing on the axis."""
    return round(AXIS_Y - MARK / 2 - 1 - level * STEP, 1)


def _triangle(x: float, y: float) -> str:
    """An upward triangle centred on (x, y), for a removal."""
    h = MARK / 2 + 0.5
    return f"{x:.1f},{y - h:.1f} {x + h:.1f},{y + h:.1f} {x - h:.1f},{y + h:.1f}"


def _weeks(today: dt.date, days: int) -> list[dt.date]:
    return [today + dt.timedelta(days=d) for d in range(0, days + 1, 7)]


@dataclass(frozen=True)
class DaySummary:
    """What the chart needs of the deadlines of one window, however many they are: the first
    :data:`MAX_STACK` of each day in the radar's order (the marks drawn) and the number of deadlines per
    day, kind and detention (the weekly counts and the "+n" of a full column). The database can give
    this for a hundred thousand households without handing every deadline over."""

    first: list[Deadline]
    counts: dict[tuple[dt.date, Kind, bool], int]


def summarise(deadlines: Iterable[Deadline], today: dt.date, days: int = DAYS) -> DaySummary:
    """The :class:`DaySummary` of ``deadlines`` from ``today`` to ``today + days``."""
    first: list[Deadline] = []
    per_day: dict[dt.date, int] = {}
    counts: dict[tuple[dt.date, Kind, bool], int] = {}
    for deadline in upcoming(deadlines, today, days):
        level = per_day.get(deadline.date, 0)
        per_day[deadline.date] = level + 1
        if level < MAX_STACK:
            first.append(deadline)
        key = (deadline.date, deadline.kind, deadline.detained)
        counts[key] = counts.get(key, 0) + 1
    return DaySummary(first, counts)


def timeline(deadlines: Iterable[Deadline], today: dt.date, days: int = DAYS) -> Chart:
    """Lay out the deadlines from ``today`` to ``today + days`` (others are left out)."""
    return layout(summarise(deadlines, today, days), today, days)


def layout(summary: DaySummary, today: dt.date, days: int = DAYS) -> Chart:
    """Lay out a window's :class:`DaySummary` (what is outside ``today`` to ``today + days`` is left out)."""
    end = today + dt.timedelta(days=days)
    shown = upcoming(summary.first, today, days)
    # One mark per household and deadline: the people of a household with the same deadline share it
    # (detained if any of them is), in the order of its first deadline.
    groups: dict[tuple[dt.date, Kind, str, str], list[Deadline]] = {}
    for deadline in shown:
        key = (deadline.date, deadline.kind, deadline.event_kind, deadline.household)
        groups.setdefault(key, []).append(deadline)
    marks: list[Mark] = []
    per_day: dict[dt.date, int] = {}
    for (date, kind, _event, household), same in groups.items():
        level = per_day.get(date, 0)
        per_day[date] = level + 1
        if level >= MAX_STACK:
            continue
        x, y = x_of(date, today, days), y_of(level)
        points = _triangle(x, y) if kind is Kind.REMOVAL else ""
        detained = any(d.detained for d in same)
        marks.append(Mark(x, y, kind, detained, date, household, points, people=len(same)))
    starts = _weeks(today, days)
    counts = {start: {"removal": 0, "hearing": 0, "event": 0, "detained": 0} for start in starts}
    day_totals: dict[dt.date, int] = {}
    for (date, kind, detained), n in summary.counts.items():
        if not today <= date <= end:
            continue
        day_totals[date] = day_totals.get(date, 0) + n
        start = starts[(date - today).days // 7]
        counts[start][kind.value] += n
        counts[start]["detained"] += n if detained else 0
    overflows = [
        Overflow(x_of(date, today, days), y_of(MAX_STACK) + 2, count - MAX_STACK)
        for date, count in sorted(day_totals.items())
        if count > MAX_STACK
    ]
    weeks = []
    for start in starts:
        last = min(start + dt.timedelta(days=6), end)
        middle = (x_of(start, today, days) + x_of(last, today, days)) / 2
        c = counts[start]
        weeks.append(
            Week(start, last, round(middle, 1), c["removal"], c["hearing"], c["event"], c["detained"])
        )
    ticks = [Tick(round(x_of(s, today, days) - day_width(days) / 2, 1), s) for s in starts]
    return Chart(today, days, marks, ticks, weeks, overflows)
