"""Gaps in a household's immigration records that would hide a deadline or a person from the radar.

Pure rules over small facts read from one person's US record (see :mod:`haven.radar.quality`):

- **detained, no facility**: someone in custody must be findable; without the facility nobody can
  visit, call or send a lawyer.
- **final order, no removal date**: a final order of removal can be carried out at any time; the radar
  can only warn before a removal whose date is known.
- **past hearing, no outcome**: the record's next hearing date has passed and no ``hearing_held`` event
  of the household is dated on or after it. Either the hearing happened and its outcome was not recorded,
  or it was moved and the new date was not entered; in both cases the record no longer says what comes
  next. The event is looked for in the whole household (events may name no person), and the hearing day
  itself counts: an outcome is usually recorded on the day.

Households that are closed or resettled are not checked: their records are history.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal


class Problem(enum.StrEnum):
    DETAINED_NO_FACILITY = "detained_no_facility"
    FINAL_ORDER_NO_REMOVAL = "final_order_no_removal"
    HEARING_NO_OUTCOME = "hearing_no_outcome"


_ORDER = list(Problem)
FINAL_ORDER = "final_order"  # the US status code of a final order of removal


@dataclass(frozen=True)
class RecordFacts:
    """What the rules read about one person's US record and their household."""

    household: str  # the household's public reference
    person: str  # the person's public id
    status: str  # the US status code
    detained: bool
    has_facility: bool  # a detention facility is recorded
    next_hearing: dt.date | None
    removal_scheduled: dt.date | None
    last_hearing_held: dt.date | None  # the latest ``hearing_held`` event of the household
    active: bool = True  # False once the household is closed or resettled


@dataclass(frozen=True)
class DataWarning:
    household: str
    person: str
    problem: Problem
    date: dt.date | None = None  # the past hearing date, for HEARING_NO_OUTCOME

    def sort_key(self) -> tuple[int, str, str]:
        return (_ORDER.index(self.problem), self.household, self.person)


Op = Literal["true", "false", "none", "equals", "before_today", "none_or_before"]


@dataclass(frozen=True)
class Test:
    """One condition on a :class:`RecordFacts` field: ``fact`` is true, false, None, equal to ``value``,
    a date before today, or None or before the date in the fact named by ``value``."""

    fact: str
    op: Op
    value: str = ""

    def holds(self, facts: RecordFacts, today: dt.date) -> bool:
        found = getattr(facts, self.fact)
        if self.op == "true":
            return found is True
        if self.op == "false":
            return found is False
        if self.op == "none":
            return found is None
        if self.op == "equals":
            return bool(found == self.value)
        if self.op == "before_today":
            return found is not None and found < today
        other = getattr(facts, self.value)
        return found is None or (other is not None and found < other)


# Each problem is found when all of its tests hold, on an active household's record. This table is
# the rule itself: :func:`problems` reads it, and the radar translates it into one SQL condition per
# problem to count a coalition's warnings in the database (haven.radar.quality); a test checks both
# agree. A past hearing has its outcome when a ``hearing_held`` event is dated on or after it.
RULES: dict[Problem, tuple[Test, ...]] = {
    Problem.DETAINED_NO_FACILITY: (Test("detained", "true"), Test("has_facility", "false")),
    Problem.FINAL_ORDER_NO_REMOVAL: (
        Test("status", "equals", FINAL_ORDER),
        Test("removal_scheduled", "none"),
    ),
    Problem.HEARING_NO_OUTCOME: (
        Test("next_hearing", "before_today"),
        Test("last_hearing_held", "none_or_before", "next_hearing"),
    ),
}


def problems(facts: RecordFacts, today: dt.date) -> list[DataWarning]:
    """What is missing from one record, in the order of :class:`Problem`."""
    if not facts.active:
        return []
    found = []
    for problem in Problem:
        if all(test.holds(facts, today) for test in RULES[problem]):
            date = facts.next_hearing if problem is Problem.HEARING_NO_OUTCOME else None
            found.append(DataWarning(facts.household, facts.person, problem, date))
    return found


def check(records: Iterable[RecordFacts], today: dt.date) -> list[DataWarning]:
    """Every warning for ``records``, grouped by problem, then by household."""
    return sorted((w for facts in records for w in problems(facts, today)), key=DataWarning.sort_key)


@dataclass(frozen=True)
class HouseholdWarning:
    """One gap in a household's records, said once, with the people whose records show it."""

    household: str
    problem: Problem
    people: tuple[str, ...]  # the people's public ids, in the order their warnings came
    date: dt.date | None = None

    def sort_key(self) -> tuple[int, str, str]:
        return (_ORDER.index(self.problem), self.household, self.people[0] if self.people else "")


def distinct(warnings: Iterable[DataWarning]) -> list[HouseholdWarning]:
    """Each distinct warning once: the same problem (for a past hearing, of the same date) on several
    records of one household, as when a family shares its hearing, is one warning naming them all. The
    order of ``warnings`` is kept (the first of each)."""
    found: dict[tuple[str, Problem, dt.date | None], list[str]] = {}
    for w in warnings:
        people = found.setdefault((w.household, w.problem, w.date), [])
        if w.person not in people:
            people.append(w.person)
    return [
        HouseholdWarning(household, problem, tuple(people), date)
        for (household, problem, date), people in found.items()
    ]
