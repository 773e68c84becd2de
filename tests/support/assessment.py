"""Small builders for the assessment tests: a household in a line, with sensible defaults."""

from __future__ import annotations

import datetime as dt
from functools import cache

from haven_core.assessment import (
    EvidenceFact,
    HouseholdFacts,
    PersonFacts,
    RuleSet,
    TagFact,
    USRecordFacts,
    load_rules,
)
from haven_core.dates import PartialDate

TODAY = dt.date(2026, 11, 24)


@cache
def rules() -> RuleSet:
    return load_rules()


def item(
    item_id: str,
    *tags: str,
    status: str = "verified",
    on: dt.date | None = None,
    kind: str = "social_post",
    **fields: object,
) -> EvidenceFact:
    return EvidenceFact(
        id=item_id,
        kind=kind,
        status=status,
        tags=tuple(TagFact(t, on) for t in tags),
        **fields,  # type: ignore[arg-type]
    )


def person(
    person_id: str = "p1",
    relationship: str = "principal",
    *,
    sex: str = "F",
    born: str | None = "1985",
    evidence: tuple[EvidenceFact, ...] = (),
    us: USRecordFacts | None = None,
    marked: frozenset[str] = frozenset(),
    **fields: object,
) -> PersonFacts:
    return PersonFacts(
        id=person_id,
        relationship=relationship,
        sex=sex,
        birth=PartialDate.parse(born) if born else None,
        evidence=evidence,
        us_record=us,
        marked=marked,
        **fields,  # type: ignore[arg-type]
    )


def household(*people: PersonFacts) -> HouseholdFacts:
    return HouseholdFacts(people=people)


def removal_in(days: int, *, status: str = "final_order", detained: bool = False) -> USRecordFacts:
    return USRecordFacts(
        status=status, detained=detained, removal_scheduled_date=TODAY + dt.timedelta(days=days)
    )
