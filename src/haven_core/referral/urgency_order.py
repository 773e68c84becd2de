"""The order in which a liaison reads a batch: the most urgent household first.

Urgency is the assessment's level in force (a reviewer's override before the computed one); within a
level, a household with someone detained comes first, then the nearest scheduled removal, then the
selection's rank. A household without an assessment (or whose profile keeps it back) comes last.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

URGENCY_ORDER = ("emergency", "urgent", "normal")


@dataclass(frozen=True)
class Urgency:
    """What the batch page shows of one household, and sorts it by."""

    level: str  # "emergency", "urgent", "normal" or "" (not assessed, or not let out)
    detained: bool
    next_removal: dt.date | None
    people: int
    rank: int | None = None


def sort_key(row: Urgency) -> tuple[int, int, dt.date, int]:
    level = URGENCY_ORDER.index(row.level) if row.level in URGENCY_ORDER else len(URGENCY_ORDER)
    return (
        level,
        0 if row.detained else 1,
        row.next_removal or dt.date.max,
        row.rank if row.rank is not None else 1_000_000,
    )


def by_urgency(rows: list[Urgency]) -> list[Urgency]:
    """``rows`` from the most urgent to the least (a stable sort: ties keep their order)."""
    return sorted(rows, key=sort_key)
