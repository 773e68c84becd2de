"""A synthetic household's story in the US: its immigration records and the timeline that led there.

Every date is drawn relative to ``today`` so the demo always looks current: hearings in the coming
weeks, removal orders in the past, a few removals scheduled within the next seven days. A household
follows one *track* (its principal's status, ../shared/DOMAIN.md §4); the family's records follow the
principal's, except that a detained principal's family has usually been released, and a family whose
principal was removed stays behind with their own case.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from haven.demo.generator.people import Home
from haven.demo.generator.places_data import (
    ATTORNEY_GIVEN,
    ATTORNEY_SURNAMES,
    DISTANT_FACILITIES,
    PORTS_OF_ENTRY,
)
from haven.demo.generator.records import SyntheticEvent, SyntheticPerson, SyntheticUSRecord
from haven_core.anumber import normalise_a_number

TRACKS = (
    "asylum_pending",
    "removal_proceedings",
    "final_order",
    "detained",
    "released",
    "protection_granted",
    "removed",
)
TRACK_WEIGHTS = (14, 33, 17, 14, 12, 5, 5)
_DECIDED = frozenset({"final_order", "removed", "protection_granted"})  # a judge has ruled

# The least time since entry a track needs: an order or a grant takes months of hearings.
_MIN_DAYS_IN_US = {
    "asylum_pending": 60,
    "removal_proceedings": 60,
    "final_order": 240,
    "detained": 20,
    "released": 90,
    "protection_granted": 365,
    "removed": 300,
}
_MAX_DAYS_IN_US = 4 * 365 + 200


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A day from ``start`` to ``end`` inclusive; an empty span is a bug in the caller and raises."""
    return start + _days(rng.randint(0, (end - start).days))


def pick_track(rng: random.Random) -> str:
    return rng.choices(TRACKS, TRACK_WEIGHTS)[0]


def entry_date(rng: random.Random, track: str, today: dt.date) -> dt.date:
    """When the household entered the US: mostly two to three years ago, never too late for its track."""
    least = _MIN_DAYS_IN_US[track]
    return today - _days(round(rng.triangular(least, _MAX_DAYS_IN_US, 900)))


class ANumbers:
    """Draws A-numbers unique across the coalition; families who entered together get consecutive ones.

    Recent A-numbers have nine digits starting with 2; older ones had eight and are padded with a
    leading zero (../shared/DOMAIN.md §4), which is how a few of ours are made.
    """

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def family(self, size: int) -> list[str]:
        while True:
            if self._rng.random() < 0.06:
                base = normalise_a_number(str(self._rng.randint(10_000_000, 99_999_000)))
            else:
                base = str(self._rng.randint(200_000_000, 249_999_000))
            numbers = [f"{int(base) + i:09d}" for i in range(size)]
            if not self._used.intersection(numbers):
                self._used.update(numbers)
                return numbers


@dataclass(frozen=True)
class _Story:
    record: SyntheticUSRecord
    events: tuple[SyntheticEvent, ...]


def _event(date: dt.date, kind: str, note: str = "", person: int | None = 0) -> SyntheticEvent:
    return SyntheticEvent(date=date, kind=kind, person=person, note=note)


def _attorney(rng: random.Random) -> str:
    if rng.random() >= 0.45:
        return ""
    name = f"{rng.choice(ATTORNEY_GIVEN)} {rng.choice(ATTORNEY_SURNAMES)}"
    return f"{name} (pro bono)" if rng.random() < 0.3 else name


def _facility(rng: random.Random, home: Home) -> tuple[str, str]:
    """Where a person is held, and the court of its detained docket: near home, or far away."""
    if rng.random() < 0.7:
        return rng.choice(home.region.facilities), rng.choice(home.region.courts)
    return rng.choice(DISTANT_FACILITIES)


def principal_story(rng: random.Random, track: str, home: Home, a_number: str, household_size: int) -> _Story:
    """The principal's US record and the events that led to it, all consistent with ``today``."""
    today, entry = home.today, home.entry
    together = " with the family" if household_size > 1 else ""
    events = [_event(entry, "entered_us", f"Entered{together} at {rng.choice(PORTS_OF_ENTRY)}.", person=None)]
    record = SyntheticUSRecord(
        a_number=a_number,
        status=track,
        detained=False,
        court=rng.choice(home.region.courts),
        attorney_of_record=_attorney(rng),
    )
    if track == "asylum_pending":
        filed = _between(rng, entry + _days(30), min(entry + _days(330), today - _days(10)))
        events.append(_event(filed, "asylum_filed", "Form I-589 filed with USCIS (affirmative)."))
        record = replace(record, court="")
    elif track in _DECIDED:
        decided_by = today - _days(60 if track == "removed" else 10)
        filed = _between(rng, entry + _days(45), min(entry + _days(360), decided_by - _days(70)))
        events.append(_event(filed, "asylum_filed", "Form I-589 filed with the immigration court."))
        decided = _between(rng, max(filed + _days(60), today - _days(500)), decided_by)
        record = _decided(rng, home, decided, replace(record, removal_order_date=decided), events)
    else:
        if entry + _days(45) <= today - _days(5):
            filed = _between(rng, entry + _days(45), min(entry + _days(360), today - _days(5)))
            events.append(_event(filed, "asylum_filed", "Form I-589 filed with the immigration court."))
        record = _in_proceedings(rng, home, record, events)
    return _Story(record, tuple(sorted(events, key=lambda e: e.date)))


def _in_proceedings(
    rng: random.Random, home: Home, record: SyntheticUSRecord, events: list[SyntheticEvent]
) -> SyntheticUSRecord:
    """Removal proceedings still open: in custody, released from it, or never held; a hearing ahead."""
    today, entry = home.today, home.entry
    if record.status == "detained":
        held = entry if rng.random() < 0.5 else _between(rng, entry, today - _days(3))
        facility, court = _facility(rng, home)
        events.append(_event(held, "detained", f"Taken into ICE custody; held at {facility}."))
        record = replace(record, detained=True, detention_facility=facility, court=court)
    if record.status == "released":
        released = _between(rng, entry + _days(20), min(entry + _days(300), today - _days(7)))
        events.append(_event(entry, "detained", "Detained by CBP on arrival."))
        events.append(_event(released, "released", "Released on parole with alternatives to detention."))
    if (today - entry).days > 120 and rng.random() < 0.7:
        held_on = _between(rng, entry + _days(90), today - _days(14))
        events.append(_event(held_on, "hearing_held", "Master calendar hearing."))
    days_ahead = rng.randint(3, 90) if record.status == "detained" else round(rng.triangular(7, 300, 45))
    hearing = today + _days(days_ahead)
    notice = _between(rng, max(entry, today - _days(60)), today - _days(1))
    events.append(
        _event(notice, "hearing_scheduled", f"Next hearing on {hearing:%Y-%m-%d} at {record.court}.")
    )
    return replace(record, next_hearing_date=hearing)


def _decided(
    rng: random.Random, home: Home, decided: dt.date, record: SyntheticUSRecord, events: list[SyntheticEvent]
) -> SyntheticUSRecord:
    """A judge has decided on ``decided``: protection granted, or removal ordered and perhaps carried out."""
    today = home.today
    events.append(_event(decided, "hearing_held", "Individual (merits) hearing."))
    if record.status == "protection_granted":
        kind = rng.choice(("Withholding of removal (INA 241(b)(3))", "Protection under the CAT"))
        events.append(
            _event(decided, "protection_granted", f"{kind} granted; the removal order is withheld.")
        )
        return record
    events.append(_event(decided, "order_issued", "Asylum denied; removal to Russia ordered."))
    if rng.random() < 0.3 and decided + _days(30) < today:
        appeal = decided + _days(rng.randint(5, 29))
        events.append(_event(appeal, "appeal_filed", "Appeal to the Board of Immigration Appeals."))
    if record.status == "removed":
        held = _between(rng, decided, today - _days(40))
        removed = _between(rng, held + _days(14), today - _days(1))
        events.append(_event(held, "detained", "Detained at an ICE check-in."))
        events.append(_event(removed, "removed", "Removed on an ICE charter flight via Cairo to Moscow."))
        return record
    # A final order: half are held; some have a removal date, a few within the coming week.
    if rng.random() < 0.5:
        facility, _ = _facility(rng, home)
        held = _between(rng, decided, today - _days(2))
        events.append(_event(held, "detained", f"Detained at an ICE check-in; held at {facility}."))
        record = replace(record, detained=True, detention_facility=facility)
    if rng.random() < (0.6 if record.detained else 0.25):
        soon = rng.random() < 0.35
        removal = today + _days(rng.randint(1, 7) if soon else rng.randint(8, 60))
        told = _between(rng, max(decided, today - _days(14)), today)
        events.append(_event(told, "removal_scheduled", f"ICE set removal for {removal:%Y-%m-%d}."))
        record = replace(record, removal_scheduled_date=removal)
    return record


def family_record(
    rng: random.Random, principal: SyntheticUSRecord, home: Home, a_number: str
) -> SyntheticUSRecord:
    """A family member's record: the principal's case, without the principal's custody."""
    record = replace(
        principal, a_number=a_number, detained=False, detention_facility="", removal_scheduled_date=None
    )
    if principal.status == "detained":
        hearing = home.today + _days(round(rng.triangular(14, 300, 60)))
        status = "released" if rng.random() < 0.6 else "removal_proceedings"
        return replace(record, status=status, court=rng.choice(home.region.courts), next_hearing_date=hearing)
    if principal.status == "removed":
        if rng.random() < 0.6:
            return replace(record, status="final_order")
        hearing = home.today + _days(round(rng.triangular(14, 300, 60)))
        return replace(
            record, status="removal_proceedings", removal_order_date=None, next_hearing_date=hearing
        )
    return record


def us_story(
    rng: random.Random, track: str, home: Home, people: tuple[SyntheticPerson, ...], a_numbers: ANumbers
) -> tuple[tuple[SyntheticPerson, ...], tuple[SyntheticEvent, ...]]:
    """Give each person who is not a US citizen a US record; return them with the household's events."""
    numbers = iter(a_numbers.family(len(people)))
    story = principal_story(rng, track, home, next(numbers), len(people))
    result = [replace(people[0], us_record=_maybe_unknown(rng, story.record))]
    for person in people[1:]:
        number = next(numbers)
        if person.citizenships.startswith("US"):
            result.append(person)
            continue
        record = family_record(rng, story.record, home, number)
        result.append(replace(person, us_record=_maybe_unknown(rng, record)))
    return tuple(result), story.events


def _maybe_unknown(rng: random.Random, record: SyntheticUSRecord) -> SyntheticUSRecord:
    """Some A-numbers are not yet known to the caseworker."""
    return replace(record, a_number="") if rng.random() < 0.04 else record
