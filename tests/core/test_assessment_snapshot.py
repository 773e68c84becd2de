"""The inputs snapshot: every fact the engine reads changes it, and the stored JSON reads back the same."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from haven_core.assessment import (
    CanadaPermitFact,
    CanadaRelativeFact,
    EvidenceFact,
    HouseholdFacts,
    TagFact,
    USRecordFacts,
    assess,
    canonical,
    from_json,
    to_json,
)
from haven_core.dates import PartialDate
from tests.support.assessment import TODAY, person, rules

BASE_ITEM = EvidenceFact("e1", "social_post", "verified", (TagFact("fbk_work", dt.date(2022, 1, 1)),))
BASE = person(
    citizenships=("RU",),
    us=USRecordFacts("removal_proceedings"),
    relatives=(CanadaRelativeFact("sibling", "citizen"),),
    permits=(CanadaPermitFact("visitor_visa"),),
    evidence=(BASE_ITEM,),
)

CHANGES = {
    "id": "p9",
    "relationship": "spouse",
    "sex": "M",
    "birth": PartialDate(1990),
    "citizenships": ("RU", "IL"),
    "marked": frozenset({"lgbtq"}),
    "ruled_out": frozenset({"minor"}),
    "us_record": USRecordFacts("removal_proceedings", detained=True),
    "relatives": (CanadaRelativeFact("sibling", "visitor"),),
    "permits": (CanadaPermitFact("visitor_visa", dt.date(2027, 1, 1)),),
    "evidence": (dataclasses.replace(BASE_ITEM, status="unreviewed"),),
}
ITEM_CHANGES = {
    "id": "e2",
    "kind": "article",
    "status": "disputed",
    "tags": (TagFact("fbk_work", dt.date(2022, 1, 2)),),
    "published_on": dt.date(2022, 1, 1),
    "followers": 5,
    "views": 5,
    "registry": "minjust",
    "registry_listed_on": dt.date(2022, 1, 1),
}


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(BASE)])
def test_every_person_fact_changes_the_snapshot(name: str) -> None:
    changed = dataclasses.replace(BASE, **{name: CHANGES[name]})
    assert canonical(HouseholdFacts((changed,))) != canonical(HouseholdFacts((BASE,)))


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(BASE_ITEM)])
def test_every_evidence_fact_changes_the_snapshot(name: str) -> None:
    item = dataclasses.replace(BASE_ITEM, **{name: ITEM_CHANGES[name]})
    changed = dataclasses.replace(BASE, evidence=(item,))
    assert canonical(HouseholdFacts((changed,))) != canonical(HouseholdFacts((BASE,)))


def test_the_snapshot_does_not_depend_on_the_order_flags_were_set_in() -> None:
    one = dataclasses.replace(BASE, marked=frozenset(["lgbtq", "pregnancy", "disability"]))
    other = dataclasses.replace(BASE, marked=frozenset(["disability", "pregnancy", "lgbtq"]))
    assert canonical(HouseholdFacts((one,))) == canonical(HouseholdFacts((other,)))


def test_an_assessment_reads_back_from_its_json() -> None:
    result = assess(HouseholdFacts((BASE, person("p2", "child", born="2015"))), rules(), TODAY)
    assert from_json(to_json(result)) == result
    assert from_json(to_json(result)).risk.total == result.risk.total
