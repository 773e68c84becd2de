"""A liaison reads a batch from the most urgent household: urgency level, then detention, then the
nearest removal, then the selection's rank; a household without a level comes last."""

from __future__ import annotations

import datetime as dt

from haven_core.referral.urgency_order import Urgency, by_urgency

DAY = dt.date(2026, 12, 7)


def row(name: int, level: str, *, detained: bool = False, removal: int | None = None) -> Urgency:
    when = DAY + dt.timedelta(days=removal) if removal is not None else None
    return Urgency(level=level, detained=detained, next_removal=when, people=1, rank=name)


def test_levels_come_first_then_detention_then_the_nearest_removal_then_rank() -> None:
    rows = [
        row(1, "normal"),
        row(2, ""),
        row(3, "urgent", removal=40),
        row(4, "urgent", removal=20),
        row(5, "emergency", removal=10),
        row(6, "emergency", detained=True, removal=12),
        row(7, "urgent"),
        row(8, "normal"),
    ]
    assert [r.rank for r in by_urgency(rows)] == [6, 5, 4, 3, 7, 1, 8, 2]


def test_an_unknown_level_sorts_like_no_level() -> None:
    assert [r.rank for r in by_urgency([row(1, "whatever"), row(2, "normal")])] == [2, 1]
