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


def problems(facts: RecordFacts, today: dt.date) -> list[DataWarning]:
    """What is missing from one record, in the order of :class:`Problem`."""
    if not facts.active:
        return []
    found = []
    if facts.detained and not facts.has_facility:
        found.append(DataWarning(facts.household, facts.person, Problem.DETAINED_NO_FACILITY))
    if facts.status == FINAL_ORDER and facts.removal_scheduled is None:
        found.append(DataWarning(facts.household, facts.person, Problem.FINAL_ORDER_NO_REMOVAL))
    hearing = facts.next_hearing
    if hearing is not None and hearing < today and not _held_since(facts.last_hearing_held, hearing):
        found.append(DataWarning(facts.household, facts.person, Problem.HEARING_NO_OUTCOME, hearing))
    return found


def _held_since(held: dt.date | None, hearing: dt.date) -> bool:
    return held is not None and held >= hearing


def check(records: Iterable[RecordFacts], today: dt.date) -> list[DataWarning]:
    """Every warning for ``records``, grouped by problem, then by household."""
    return sorted((w for facts in records for w in problems(facts, today)), key=DataWarning.sort_key)
