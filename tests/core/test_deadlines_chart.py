"""The radar's 90-day timeline: where each deadline is drawn, how a busy day stacks, the weekly counts."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from haven_core import deadlines_chart
from haven_core.deadlines import Deadline, Kind
from haven_core.deadlines_chart import AXIS_Y, LEFT, MAX_STACK, WIDTH, timeline, x_of, y_of

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


def test_one_mark_per_deadline_in_the_window_and_none_outside() -> None:
    chart = timeline([on(-1), on(0), on(45, Kind.REMOVAL), on(90, Kind.EVENT), on(91)], TODAY)
    assert [(m.date - TODAY).days for m in chart.marks] == [0, 45, 90]
    assert [m.kind for m in chart.marks] == [Kind.HEARING, Kind.REMOVAL, Kind.EVENT]
    assert chart.total == 3


def test_only_removals_are_drawn_as_triangles() -> None:
    removal, hearing = timeline([on(3, Kind.REMOVAL), on(4)], TODAY).marks
    assert len(removal.points.split()) == 3 and hearing.points == ""


def test_deadlines_on_one_day_stack_upwards_removal_and_detained_lowest() -> None:
    chart = timeline([on(5), on(5, detained=True, household="H-2"), on(5, Kind.REMOVAL)], TODAY)
    assert [m.y for m in chart.marks] == [y_of(0), y_of(1), y_of(2)]
    assert [(m.kind, m.detained) for m in chart.marks] == [
        (Kind.REMOVAL, False),
        (Kind.HEARING, True),
        (Kind.HEARING, False),
    ]
    assert len({m.x for m in chart.marks}) == 1
    assert all(m.y < AXIS_Y for m in chart.marks)


def test_a_day_fuller_than_its_column_says_how_many_are_not_drawn() -> None:
    busy = [on(7, household=f"H-{i:03}") for i in range(MAX_STACK + 5)]
    chart = timeline(busy, TODAY)
    assert len(chart.marks) == MAX_STACK
    assert [(o.count, o.x) for o in chart.overflows] == [(5, x_of(TODAY + dt.timedelta(days=7), TODAY))]
    assert chart.weeks[1].hearings == MAX_STACK + 5  # the counts include what is not drawn


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
    assert chart.marks == [] and chart.total == 0


def test_the_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(deadlines_chart).failed == 0


def test_one_mark_per_household_and_deadline_however_many_people_it_concerns() -> None:
    mother = Deadline("H-1", "p1", Kind.REMOVAL, TODAY + dt.timedelta(days=6))
    child = Deadline("H-1", "p2", Kind.REMOVAL, TODAY + dt.timedelta(days=6), detained=True)
    hearing = Deadline("H-1", "p1", Kind.HEARING, TODAY + dt.timedelta(days=6))  # another deadline
    neighbour = Deadline("H-2", "p3", Kind.REMOVAL, TODAY + dt.timedelta(days=6))  # another household
    chart = timeline([mother, child, hearing, neighbour], TODAY)
    drawn = [(m.household, m.kind, m.people, m.detained) for m in chart.marks]
    assert drawn == [
        ("H-1", Kind.REMOVAL, 2, True),  # detained if one of its people is; stacked lowest
        ("H-2", Kind.REMOVAL, 1, False),
        ("H-1", Kind.HEARING, 1, False),
    ]
    assert [m.y for m in chart.marks] == [y_of(0), y_of(1), y_of(2)]
    assert chart.weeks[0].removals == 3 and chart.weeks[0].total == 4  # the table still counts each person
    assert chart.overflows == []
