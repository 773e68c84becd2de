"""Deadlines: which are upcoming, in what order, and which alert window each has reached."""

from __future__ import annotations

import datetime as dt

import pytest

from haven_core.deadlines import Deadline, Kind, upcoming, window_reached

TODAY = dt.date(2026, 11, 24)


def on(days: int, kind: Kind = Kind.HEARING, detained: bool = False, household: str = "H-1") -> Deadline:
    return Deadline(household, "p", kind, TODAY + dt.timedelta(days=days), detained)


def test_upcoming_keeps_the_window_inclusive_and_sorts_soonest_first() -> None:
    found = upcoming([on(31), on(30), on(-1), on(0), on(5)], TODAY, 30)
    assert [d.days_left(TODAY) for d in found] == [0, 5, 30]


def test_on_the_same_day_removals_then_detained_people_come_first() -> None:
    hearing, detained_hearing, removal = on(3), on(3, detained=True, household="H-2"), on(3, Kind.REMOVAL)
    assert upcoming([hearing, detained_hearing, removal], TODAY, 7) == [removal, detained_hearing, hearing]


def test_a_negative_horizon_is_refused() -> None:
    with pytest.raises(ValueError):
        upcoming([], TODAY, -1)


@pytest.mark.parametrize(
    ("left", "window"), [(15, None), (14, 14), (10, 14), (7, 7), (3, 7), (2, 2), (0, 2), (-1, None)]
)
def test_window_reached_is_the_tightest_window_that_holds_the_days_left(
    left: int, window: int | None
) -> None:
    assert window_reached(on(left), TODAY, (14, 7, 2)) == window
