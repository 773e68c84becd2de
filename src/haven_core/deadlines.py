"""Dated things about to happen to a household: hearings, removals and other scheduled events.

Pure: the Django side (:mod:`haven.radar.deadlines`) reads records into :class:`Deadline` values; the
radar page, the 90-day chart and the alert digests all work from these.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class Kind(enum.StrEnum):
    REMOVAL = "removal"  # a scheduled removal (deportation) date
    HEARING = "hearing"  # the next immigration-court hearing
    EVENT = "event"  # a future-dated timeline event (its own kind in ``event_kind``)


# The order in which deadlines on the same day are listed: removal first.
WEIGHT = {Kind.REMOVAL: 0, Kind.HEARING: 1, Kind.EVENT: 2}


@dataclass(frozen=True)
class Deadline:
    household: str  # the household's public reference
    person: str  # the person's public id ("" for a household-wide event)
    kind: Kind
    date: dt.date
    detained: bool = False
    event_kind: str = ""  # for Kind.EVENT: the timeline event's kind

    def days_left(self, today: dt.date) -> int:
        return (self.date - today).days

    def sort_key(self) -> tuple[dt.date, int, bool, str, str]:
        return (self.date, WEIGHT[self.kind], not self.detained, self.household, self.person)


def upcoming(deadlines: Iterable[Deadline], today: dt.date, days: int) -> list[Deadline]:
    """Deadlines from ``today`` to ``today + days`` inclusive, soonest first (removals before hearings
    on the same day, detained people first)."""
    if days < 0:
        raise ValueError("days must not be negative")
    end = today + dt.timedelta(days=days)
    return sorted((d for d in deadlines if today <= d.date <= end), key=Deadline.sort_key)


def window_reached(deadline: Deadline, today: dt.date, windows: Sequence[int]) -> int | None:
    """The alert window (in days) that ``deadline`` is in today: the smallest window not shorter than
    the days left, or None when it is further away than every window or already past.

    With windows (14, 7, 2): 10 days left is in the 14-day window, 7 in the 7-day one, 0 in the 2-day one.
    """
    left = deadline.days_left(today)
    if left < 0:
        return None
    fitting = [w for w in windows if w >= left]
    return min(fitting) if fitting else None
