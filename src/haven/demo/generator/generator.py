"""The synthetic coalition: organisations and households for the demo, the benchmarks and the tests.

Everything is drawn from one ``random.Random(seed)``, so a seed and a ``today`` give the same coalition
on every machine. All dates are relative to ``today``. Households come out one at a time from
:func:`iter_households`, so that a hundred thousand of them can be written to a database without
holding them all in memory; :func:`generate` collects them for tests and small runs.

About one household in twenty-five is a *resubmission*: a family that a second organisation also
submitted, spelled its own way (see :mod:`haven.demo.generator.resubmission`). Its people keep the
``identity`` of the first submission, which is the ground truth that identity matching is tested on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace

from haven.demo.generator.canada import canada_ties
from haven.demo.generator.evidence import household_evidence
from haven.demo.generator.immigration import ANumbers, entry_date, pick_track, us_story
from haven.demo.generator.people import Home, household_people
from haven.demo.generator.places_data import CLOSED_REASONS, ORGANISATIONS, RISK_NOTES, STREETS, US_REGIONS
from haven.demo.generator.records import (
    SyntheticCoalition,
    SyntheticEvent,
    SyntheticHousehold,
    SyntheticOrganisation,
)
from haven.demo.generator.resubmission import resubmitted_people
from haven_core.pipeline import ORDER, Stage

RESUBMITTED_SHARE = 0.04
_RECENT = 500  # a resubmission copies one of the last few hundred households

_STAGES = tuple(ORDER)
_STAGE_WEIGHTS = (27, 27, 18, 9, 6, 4, 2, 1, 6)  # intake … resettled, closed
_LATE = frozenset({Stage.DECISION_RECEIVED, Stage.RESETTLED})
_REGION_WEIGHTS = tuple(region.weight for region in US_REGIONS)
# Why a household was closed, given its principal's US status; other households close for other reasons.
_CLOSED_FOR = {"protection_granted": CLOSED_REASONS[0], "removed": CLOSED_REASONS[2]}
_OTHER_CLOSED_REASONS = tuple(r for r in CLOSED_REASONS if r not in _CLOSED_FOR.values())


def coalition_organisations(count: int = len(ORGANISATIONS)) -> tuple[SyntheticOrganisation, ...]:
    """The demo coalition's member organisations; beyond the named five they are numbered."""
    named = [SyntheticOrganisation(name, slug) for name, slug in ORGANISATIONS[:count]]
    numbered = [
        SyntheticOrganisation(f"Demo Organisation {i}", f"demo{i}") for i in range(len(named) + 1, count + 1)
    ]
    return tuple(named + numbered)


def generate(seed: int, households: int, today: dt.date, organisations: int = 5) -> SyntheticCoalition:
    """The whole coalition at once: for tests and small runs (see :func:`iter_households` for large ones)."""
    return SyntheticCoalition(
        seed=seed,
        today=today,
        organisations=coalition_organisations(organisations),
        households=tuple(iter_households(seed, households, today, organisations)),
    )


def iter_households(
    seed: int, households: int, today: dt.date, organisations: int = 5
) -> Iterator[SyntheticHousehold]:
    """Yield ``households`` households one by one, deterministically for ``seed`` and ``today``."""
    if households < 0 or organisations < 1:
        raise ValueError("households must be 0 or more and organisations 1 or more")
    rng = random.Random(seed)
    counter = itertools.count(1)

    def next_identity() -> str:
        return f"syn-{seed}-{next(counter):07d}"

    a_numbers = ANumbers(rng)
    org_weights = [organisations - i for i in range(organisations)]  # caseloads of different sizes
    wanted = round(households * RESUBMITTED_SHARE) if organisations > 1 else 0
    resubmission_slots = set(rng.sample(range(1, households), min(wanted, max(households - 1, 0))))
    recent: deque[SyntheticHousehold] = deque(maxlen=_RECENT)
    for index in range(households):
        key = f"h{index + 1:07d}"
        if index in resubmission_slots and recent:
            position = rng.randrange(len(recent))
            original = recent[position]
            del recent[position]  # a family is submitted twice, not three times
            resubmission = _resubmission(rng, key, original, today, organisations)
            yield replace(resubmission, evidence=household_evidence(seed, resubmission, today))
            continue
        organisation = rng.choices(range(organisations), org_weights)[0]
        household = _new_household(rng, key, organisation, today, next_identity, a_numbers)
        recent.append(household)
        yield replace(household, evidence=household_evidence(seed, household, today))


def _new_household(
    rng: random.Random,
    key: str,
    organisation: int,
    today: dt.date,
    next_identity: Callable[[], str],
    a_numbers: ANumbers,
) -> SyntheticHousehold:
    stage = rng.choices(_STAGES, _STAGE_WEIGHTS)[0]
    track = (
        rng.choice(("asylum_pending", "removal_proceedings", "released"))
        if stage in _LATE
        else pick_track(rng)
    )
    closed_reason = ""
    if stage is not Stage.CLOSED and track in _CLOSED_FOR and rng.random() < 0.4:
        stage = Stage.CLOSED
    if stage is Stage.CLOSED:
        closed_reason = _CLOSED_FOR.get(track) or rng.choice(_OTHER_CLOSED_REASONS)
    home = _home(rng, today, entry_date(rng, track, today), stage)
    people = household_people(rng, home, next_identity)
    people, us_events = us_story(rng, track, home, people, a_numbers)
    people = canada_ties(rng, people, today)
    return SyntheticHousehold(
        key=key,
        organisation=organisation,
        stage=stage,
        people=people,
        events=us_events + _stage_events(rng, stage, closed_reason, home.entry, today),
        closed_reason=closed_reason,
        notes=_risk_notes(rng),
    )


def _home(rng: random.Random, today: dt.date, entry: dt.date, stage: Stage) -> Home:
    region = rng.choices(US_REGIONS, _REGION_WEIGHTS)[0]
    city, state, zip_prefix = rng.choice(region.cities)
    apartment = f", Apt {rng.randint(1, 24)}{rng.choice('ABCD')}" if rng.random() < 0.5 else ""
    street = f"{rng.randint(10, 9899)} {rng.choice(STREETS)}{apartment}"
    address = f"{street}, {city}, {state} {zip_prefix}{rng.randrange(100):02d}"
    # A caseworker asks about vulnerabilities while documenting; from review on, an unmarked fact is a "no".
    screened = ORDER.index(stage) >= ORDER.index(Stage.READY_FOR_REVIEW) and stage is not Stage.CLOSED
    return Home(region=region, city=city, address=address, entry=entry, today=today, screened=screened)


def _risk_notes(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return ""
    return "\n".join(rng.sample(RISK_NOTES, 1 if rng.random() < 0.7 else 2))


def _stage_events(
    rng: random.Random, stage: Stage, closed_reason: str, entry: dt.date, today: dt.date
) -> tuple[SyntheticEvent, ...]:
    """The household's moves along the pipeline, as ``household_move`` records them, since intake."""
    intake = today - dt.timedelta(days=rng.randint(3, min(420, (today - entry).days)))
    if stage is Stage.CLOSED:
        path = [*ORDER[: rng.randint(1, 3)], Stage.CLOSED]
    else:
        path = list(ORDER[: ORDER.index(stage) + 1])
    moves = list(itertools.pairwise(path))
    span = (today - intake).days
    days = sorted(rng.randint(0, span) for _ in moves)
    events = []
    for (before, after), day in zip(moves, days, strict=True):
        note = f"{before.value} → {after.value}" + (f": {closed_reason}" if after is Stage.CLOSED else "")
        events.append(
            SyntheticEvent(
                date=intake + dt.timedelta(days=day), kind="status_changed", person=None, note=note
            )
        )
    return tuple(events)


def _resubmission(
    rng: random.Random, key: str, original: SyntheticHousehold, today: dt.date, organisations: int
) -> SyntheticHousehold:
    """``original`` as a second organisation submitted it: early in its pipeline, spelled its own way."""
    organisation = rng.choice([o for o in range(organisations) if o != original.organisation])
    people, us_events = resubmitted_people(rng, original, today)
    stage = rng.choices((Stage.INTAKE, Stage.DOCUMENTING, Stage.READY_FOR_REVIEW), (5, 4, 1))[0]
    entry = min((e.date for e in us_events if e.kind == "entered_us"), default=today - dt.timedelta(days=30))
    return SyntheticHousehold(
        key=key,
        organisation=organisation,
        stage=stage,
        people=people,
        events=us_events + _stage_events(rng, stage, "", entry, today),
        notes=_risk_notes(rng),
        resubmission_of=original.key,
    )
