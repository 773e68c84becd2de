"""The radar's 90-day timeline: where each day's column stands, how it stacks, the weekly counts."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from haven_core import deadlines_chart
from haven_core.deadlines import Deadline, Kind
from haven_core.deadlines_chart import (
    AXIS_Y,
    LABEL,
    LEFT,
    MIN_PART,
    TOP,
    WIDTH,
    counted,
    layout,
    timeline,
    x_of,
)

TODAY = dt.date(2026, 11, 24)


def on(days: int, kind: Kind = Kind.HEARING, detained: bool = False, household: str = "H-1") -> Deadline:
    return Deadline(household, "p", kind, TODAY + dt.timedelta(days=days), detained)


def test_dates_run_left_to_right_inside_the_plot() -> None:
    xs = [x_of(TODAY + dt.timedelta(days=d), TODAY) for d in range(91)]
    assert xs == sorted(xs) and len(set(xs)) == 91
    assert LEFT < xs[0] < xs[-1] < WIDTH


def test_a_date_outside_the_chart_has_no_place_on_it() -> None:
    with pytest.raises(ValueError):
        x_of(TODAY - dt.timedelta(days=1), TODAY)
    with pytest.raises(ValueError):
        x_of(TODAY + dt.timedelta(days=91), TODAY)


def test_one_column_per_day_with_deadlines_in_the_window_and_none_outside() -> None:
    chart = timeline([on(-1), on(0), on(0), on(45, Kind.REMOVAL), on(90, Kind.EVENT), on(91)], TODAY)
    assert [((c.date - TODAY).days, c.total) for c in chart.columns] == [(0, 2), (45, 1), (90, 1)]
    assert [[p.kind for p in c.parts] for c in chart.columns] == [
        [Kind.HEARING],
        [Kind.REMOVAL],
        [Kind.EVENT],
    ]
    assert chart.total == 4 and chart.busiest == 2


def test_columns_do_not_overlap_and_stand_in_their_day() -> None:
    chart = timeline([on(d) for d in range(91)], TODAY)
    for left, right in zip(chart.columns, chart.columns[1:], strict=False):
        assert left.x + left.width < right.x
    for column in chart.columns:
        assert column.x < x_of(column.date, TODAY) == column.centre < column.x + column.width


def test_a_day_stacks_removals_lowest_and_detained_people_first_within_a_kind() -> None:
    chart = timeline(
        [on(5), on(5, detained=True, household="H-2"), on(5, Kind.EVENT), on(5, Kind.REMOVAL, detained=True)],
        TODAY,
    )
    (column,) = chart.columns
    assert [(p.kind, p.detained) for p in column.parts] == [
        (Kind.REMOVAL, True),
        (Kind.HEARING, True),
        (Kind.HEARING, False),
        (Kind.EVENT, False),
    ]
    bottoms = [round(p.y + p.height, 1) for p in column.parts]
    assert bottoms[0] == AXIS_Y  # standing on the axis
    assert bottoms[1:] == [p.y for p in column.parts[:-1]]  # each part on the one below
    assert column.top == column.parts[-1].y


def test_heights_follow_the_numbers_on_the_busiest_days_scale() -> None:
    chart = timeline([on(1)] * 100 + [on(2)] * 400 + [on(2, Kind.REMOVAL)], TODAY)
    quiet, busy = chart.columns
    assert chart.busiest == 401
    assert busy.top >= TOP + LABEL  # room left for its number above it
    assert quiet.parts[0].height == pytest.approx(busy.parts[1].height / 4, abs=0.1)
    removal = busy.parts[0]
    assert removal.kind is Kind.REMOVAL and removal.height == MIN_PART  # one among 400: still seen


def test_weeks_count_each_kind_and_the_detained() -> None:
    chart = timeline(
        [on(0, Kind.REMOVAL, detained=True), on(6), on(7), on(8, Kind.EVENT), on(90, Kind.REMOVAL)], TODAY
    )
    assert len(chart.weeks) == 13
    first, second, last = chart.weeks[0], chart.weeks[1], chart.weeks[-1]
    assert (first.start, first.end) == (TODAY, TODAY + dt.timedelta(days=6))
    assert (first.removals, first.hearings, first.events, first.detained) == (1, 1, 0, 1)
    assert (second.hearings, second.events, second.total) == (1, 1, 2)
    assert last.end == TODAY + dt.timedelta(days=90) and last.removals == 1
    assert sum(w.total for w in chart.weeks) == 5


def test_a_tick_marks_the_start_of_every_week() -> None:
    chart = timeline([], TODAY)
    assert [t.date for t in chart.ticks] == [TODAY + dt.timedelta(days=7 * i) for i in range(13)]
    assert chart.columns == [] and chart.total == 0 and chart.busiest == 0


def test_the_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(deadlines_chart).failed == 0


def test_every_person_of_a_shared_deadline_is_counted() -> None:
    mother = Deadline("H-1", "p1", Kind.REMOVAL, TODAY + dt.timedelta(days=6))
    child = Deadline("H-1", "p2", Kind.REMOVAL, TODAY + dt.timedelta(days=6), detained=True)
    neighbour = Deadline("H-2", "p3", Kind.REMOVAL, TODAY + dt.timedelta(days=6))
    (column,) = timeline([mother, child, neighbour], TODAY).columns
    assert [(p.detained, p.count) for p in column.parts] == [(True, 1), (False, 2)]
    assert column.total == 3 and column.detained == 1


def test_the_chart_is_laid_out_from_counts_alone() -> None:
    deadlines = [on(3, Kind.REMOVAL, detained=True), on(3), on(40, Kind.EVENT), on(120)]
    counts = counted(deadlines, TODAY, 365)  # a longer window than the chart's: the rest is left out
    assert counts[(TODAY + dt.timedelta(days=120), Kind.HEARING, False)] == 1
    assert layout(counts, TODAY) == timeline(deadlines, TODAY)
