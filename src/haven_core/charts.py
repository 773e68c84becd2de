"""Counts turned into chart geometry, for SVG a template draws on the server (no scripts, no styles).

Each chart takes counts that were already aggregated (a label and a number per category) and answers
with plain coordinates: bars laid out left to right or top to bottom, a funnel of centred bars, and a
month-by-month series of paired columns. Only categories with something to show get a mark; the table
beside a chart lists every category, zeros included, and is the accessible version of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

WIDTH = 640
ROW = 26  # height of one horizontal bar's row
CHAR_WIDTH = 8  # a little more than one character of a 12-pixel label, Latin or Cyrillic
VALUE_ROOM = 56  # room for the number right of the longest bar
COLUMN_HEIGHT = 220  # plot height of a column chart
TOP, BOTTOM = 20, 40


@dataclass(frozen=True)
class Count:
    """One category: its key (stable, for tests and links), its label in the reader's words, its number;
    where there is one, the address of the list it counts, and its tone (what its colour means)."""

    key: str
    label: str
    value: int
    href: str = ""
    tone: str = "neutral"


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    value: int
    x: float
    y: float
    w: float
    h: float
    text_x: float  # where the label (horizontal bars) or the number (columns) is anchored
    text_y: float
    value_x: float  # where the number is written
    value_y: float
    href: str = ""  # the list the bar counts, when there is one
    tone: str = "neutral"  # a CSS class suffix: what the colour says (good, warn, danger, none, neutral)


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    total: int

    @property
    def empty(self) -> bool:
        return not self.bars


def _scale(values: Iterable[int]) -> int:
    return max(values, default=0) or 1


def label_room(labels: Iterable[str], width: int = WIDTH) -> int:
    """Room left of the bars for the longest label, at least 80 pixels and at most half the chart."""
    longest = max((len(label) for label in labels), default=0)
    return min(max(CHAR_WIDTH * longest + 16, 80), width // 2)


def horizontal_bars(counts: Sequence[Count], *, width: int = WIDTH) -> Chart:
    """One bar per non-empty category, one row each, as long as its share of the largest."""
    return _rows(counts, width=width, centred=False)


def funnel(counts: Sequence[Count], *, width: int = WIDTH) -> Chart:
    """The pipeline as a funnel: one centred bar per non-empty stage, in pipeline order, as wide as its
    share of the largest stage; the label and the number are written inside the plot, left of centre."""
    return _rows(counts, width=width, centred=True)


def _rows(counts: Sequence[Count], *, width: int, centred: bool) -> Chart:
    """One bar a row per non-empty category, starting right of the labels or centred in the plot."""
    shown = [c for c in counts if c.value > 0]
    top = _scale(c.value for c in shown)
    left = label_room((c.label for c in shown), width)
    room = width - left - VALUE_ROOM
    bars = []
    for i, c in enumerate(shown):
        length = max(room * c.value / top, 1.0)
        if centred:
            centre = left + room / 2
            x, end = centre - length / 2, centre + length / 2
        else:
            x, end = left, left + length
        y = TOP / 2 + i * ROW
        bars.append(
            Bar(
                key=c.key,
                label=c.label,
                value=c.value,
                x=round(x, 1),
                y=round(y + 3, 1),
                w=round(length, 1),
                h=ROW - 6,
                text_x=left - 8,
                text_y=round(y + ROW / 2 + 4, 1),
                value_x=round(end + 6, 1),
                value_y=round(y + ROW / 2 + 4, 1),
                href=c.href,
                tone=c.tone,
            )
        )
    height = int(TOP + len(bars) * ROW)
    return Chart(bars=tuple(bars), width=width, height=height, total=sum(c.value for c in counts))


PHONE_WIDTH = 360  # a phone's chart: drawn at about the size it is shown, so its 12-pixel text stays so
STACKED_ROW = 38  # a label's line above its bar


def stacked_bars(counts: Sequence[Count], *, width: int = PHONE_WIDTH) -> Chart:
    """For a narrow screen: one bar per non-empty category, each under its label's own line, so that a
    long label (Russian ones are long) needs no room beside the bars and the text is not scaled down."""
    shown = [c for c in counts if c.value > 0]
    top = _scale(c.value for c in shown)
    room = width - VALUE_ROOM
    bars = []
    for i, c in enumerate(shown):
        y = TOP / 2 + i * STACKED_ROW
        length = max(room * c.value / top, 1.0)
        bars.append(
            Bar(
                key=c.key,
                label=c.label,
                value=c.value,
                x=0.0,
                y=round(y + 16, 1),
                w=round(length, 1),
                h=16,
                text_x=0.0,
                text_y=round(y + 12, 1),
                value_x=round(length + 6, 1),
                value_y=round(y + 29, 1),
                href=c.href,
                tone=c.tone,
            )
        )
    height = int(TOP + len(bars) * STACKED_ROW)
    return Chart(bars=tuple(bars), width=width, height=height, total=sum(c.value for c in counts))


def month_starts(today: dt.date, months: int) -> tuple[dt.date, ...]:
    """The first days of the last ``months`` months, oldest first, the month of ``today`` last."""
    if months < 1:
        raise ValueError("at least one month")
    year, month = today.year, today.month
    out = []
    for _ in range(months):
        out.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return tuple(reversed(out))


@dataclass(frozen=True)
class Month:
    start: dt.date
    values: tuple[int, ...]  # one per series, in series order
    label_x: float


@dataclass(frozen=True)
class Series:
    """Paired columns per month: one column per series (e.g. protection granted, removed) and month."""

    keys: tuple[str, ...]
    months: tuple[Month, ...]
    bars: tuple[Bar, ...]  # key "<series key>:<YYYY-MM>"; only non-zero counts get a column
    width: int
    height: int
    base: float
    label_y: float
    totals: tuple[int, ...]  # per series, over all the months

    @property
    def empty(self) -> bool:
        return not self.bars


def monthly_series(
    counts: Mapping[str, Mapping[dt.date, int]],
    *,
    keys: Sequence[str],
    months: Sequence[dt.date],
    width: int = WIDTH,
) -> Series:
    """Columns for each month of ``months`` (first days) and each series of ``keys``, side by side.

    ``counts[key][month start]`` is that series' count in that month; months missing from it count 0,
    and counts for months outside ``months`` are ignored.
    """
    table = [tuple(int(counts.get(k, {}).get(m, 0)) for k in keys) for m in months]
    top = _scale(v for row in table for v in row)
    left = 8
    slot = (width - 2 * left) / max(len(months), 1)
    column = slot * 0.8 / max(len(keys), 1)
    base = TOP + COLUMN_HEIGHT
    out_months = []
    bars = []
    for i, (start, row) in enumerate(zip(months, table, strict=True)):
        x0 = left + i * slot + slot * 0.1
        out_months.append(Month(start=start, values=row, label_x=round(left + i * slot + slot / 2, 1)))
        for j, (key, value) in enumerate(zip(keys, row, strict=True)):
            if value <= 0:
                continue
            h = max(COLUMN_HEIGHT * value / top, 1.0)
            x = x0 + j * column
            bars.append(
                Bar(
                    key=f"{key}:{start:%Y-%m}",
                    label=key,
                    value=value,
                    x=round(x, 1),
                    y=round(base - h, 1),
                    w=round(column - 1, 1),
                    h=round(h, 1),
                    text_x=round(x + column / 2, 1),
                    text_y=round(base - h - 4, 1),
                    value_x=round(x + column / 2, 1),
                    value_y=round(base - h - 4, 1),
                )
            )
    totals = tuple(sum(row[j] for row in table) for j in range(len(keys)))
    return Series(
        keys=tuple(keys),
        months=tuple(out_months),
        bars=tuple(bars),
        width=width,
        height=int(base + BOTTOM),
        base=base,
        label_y=base + 16,
        totals=totals,
    )


def percent(part: int, whole: int) -> int | None:
    """``part`` as a whole percentage of ``whole``, rounded half up; None when there is no whole."""
    if whole <= 0:
        return None
    return (200 * part + whole) // (2 * whole)
