"""Small builders for the assessment tests: a household in a line, with sensible defaults; random
households for the property tests (``households``, ``people``, ``evidence_items``); and assessing a stored
household through its write path (``assessed``)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.assessment.models import Assessment
from haven_core.assessment import (
    EvidenceFact,
    HouseholdFacts,
    PersonFacts,
    RuleSet,
    TagFact,
    USRecordFacts,
    load_rules,
)
from haven_core.assessment.vocabulary import EVIDENCE_TAGS, PERSON_FLAGS, US_STATUSES
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


JUSTIFICATION = "Her brother was arrested on return in 2025; the evidence understates the risk."


def assessed(household: Any, user: Any) -> Assessment:
    """Assess a stored household as ``user`` would from its page."""
    return household_assess(actor=Actor.for_user(user), household=household)


# --- Random households for the property tests -----------------------------------------------------

# Few examples each: the suite must stay quick; CI runs these on every push.
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
dates = st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2026, 11, 1)))
coming = st.one_of(st.none(), st.dates(TODAY - dt.timedelta(days=10), TODAY + dt.timedelta(days=120)))
ids = st.uuids().map(str)


@st.composite
def evidence_items(draw: st.DrawFn, status: st.SearchStrategy[str] | None = None) -> EvidenceFact:
    registry = draw(st.booleans())
    return EvidenceFact(
        id=draw(ids),
        kind="registry_listing"
        if registry
        else draw(st.sampled_from(["social_post", "article", "court_document"])),
        status=draw(
            status
            if status is not None
            else st.sampled_from(["verified", "unreviewed", "disputed", "retracted"])
        ),
        tags=tuple(
            TagFact(t, draw(dates))
            for t in draw(st.sets(st.sampled_from(sorted(EVIDENCE_TAGS)), min_size=1, max_size=3))
        ),
        followers=draw(st.one_of(st.none(), st.integers(0, 200_000))),
        views=draw(st.one_of(st.none(), st.integers(0, 2_000_000))),
        registry=draw(st.sampled_from(["minjust", "rosfinmonitoring", "other list"])) if registry else "",
        registry_listed_on=draw(dates) if registry else None,
    )


@st.composite
def people(draw: st.DrawFn, relationship: str) -> PersonFacts:
    record = None
    if draw(st.booleans()):
        record = USRecordFacts(
            status=draw(st.sampled_from(sorted(US_STATUSES))),
            detained=draw(st.booleans()),
            removal_order_date=draw(dates),
            removal_scheduled_date=draw(coming),
            next_hearing_date=draw(coming),
        )
    return PersonFacts(
        id=draw(ids),
        relationship=relationship,
        sex=draw(st.sampled_from(["F", "M", "X", ""])),
        birth=draw(st.one_of(st.none(), st.integers(1940, 2024).map(PartialDate))),
        citizenships=draw(st.sampled_from([(), ("RU",), ("RU", "UA")])),
        marked=frozenset(draw(st.sets(st.sampled_from(sorted(PERSON_FLAGS)), max_size=3))),
        us_record=record,
        evidence=tuple(draw(st.lists(evidence_items(), max_size=4))),
    )


@st.composite
def households(draw: st.DrawFn) -> HouseholdFacts:
    others = draw(st.lists(st.sampled_from(["spouse", "child", "parent", "other"]), max_size=3))
    return HouseholdFacts(people=(draw(people("principal")), *[draw(people(r)) for r in others]))
