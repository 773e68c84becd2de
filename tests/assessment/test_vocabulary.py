"""The engine's vocabulary (plain Python) matches the choices of Haven's models, so rules files checked
without Django mean the same as the records they are applied to."""

from __future__ import annotations

from haven.cases.models.canada import CANADIAN_STATUS_CHOICES, RELATIVE_CHOICES
from haven.cases.models.immigration import US_STATUS_CHOICES
from haven.cases.models.person import RELATIONSHIP_CHOICES, VULNERABILITY_FIELDS
from haven.evidence.models.items import STATUS_CHOICES, TAG_CHOICES
from haven_core.assessment import vocabulary as v


def codes(choices: list[tuple[str, object]]) -> set[str]:
    return {code for code, _ in choices}


def test_evidence_tags_and_statuses_match_the_evidence_locker() -> None:
    assert codes(TAG_CHOICES) == v.EVIDENCE_TAGS
    assert codes(STATUS_CHOICES) == v.EVIDENCE_STATUSES


def test_people_us_and_canada_words_match_the_caseload() -> None:
    assert set(VULNERABILITY_FIELDS) == v.PERSON_FLAGS
    assert codes(RELATIONSHIP_CHOICES) == v.HOUSEHOLD_RELATIONSHIPS
    assert codes(US_STATUS_CHOICES) == v.US_STATUSES
    assert codes(RELATIVE_CHOICES) == v.CANADA_RELATIONSHIPS
    assert codes(CANADIAN_STATUS_CHOICES) == v.CANADIAN_STATUSES
