"""Whether a household can be referred now: every gap is named, with the role that can close it."""

from __future__ import annotations

import datetime as dt

import pytest

from haven_core.referral.readiness import (
    Adult,
    Facts,
    Gap,
    Scope,
    is_adult,
    readiness,
    scope_of_profile,
)
from haven_core.roles import Role

BOTH = frozenset({Scope.OFFICIALS, Scope.SPONSORS})
TODAY = dt.date(2026, 12, 7)


def ready_facts(**changes: object) -> Facts:
    values: dict[str, object] = {
        "reference": "H-7KQ3M9XD2A",
        "stage": "assessed",
        "assessed": True,
        "well_documented": True,
        "adults": (Adult("1", BOTH), Adult("2", BOTH)),
    }
    values.update(changes)
    return Facts(**values)  # type: ignore[arg-type]


def test_an_assessed_documented_consenting_household_is_ready_for_both_recipients() -> None:
    for scope in Scope:
        verdict = readiness(ready_facts(), scope)
        assert verdict.ready and verdict.missing == ()
    assert readiness(ready_facts(stage="shortlisted"), Scope.OFFICIALS).ready


@pytest.mark.parametrize(
    ("stage", "gap", "role"),
    [
        ("intake", Gap.BEING_DOCUMENTED, Role.CASEWORKER),
        ("documenting", Gap.BEING_DOCUMENTED, Role.CASEWORKER),
        ("ready_for_review", Gap.AWAITING_REVIEW, Role.REVIEWER),
        ("decision_received", Gap.ALREADY_DECIDED, Role.COORDINATOR),
        ("resettled", Gap.ALREADY_DECIDED, Role.COORDINATOR),
        ("closed", Gap.ALREADY_DECIDED, Role.COORDINATOR),
        ("referred", Gap.WRONG_STAGE, Role.COORDINATOR),
    ],
)
def test_a_status_before_or_after_review_is_named_with_who_moves_it(stage: str, gap: Gap, role: Role) -> None:
    verdict = readiness(ready_facts(stage=stage), Scope.OFFICIALS)
    assert not verdict.ready
    assert [(m.gap, m.fixed_by, m.detail) for m in verdict.missing] == [(gap, role, {"stage": stage})]


def test_a_household_awaiting_another_decision_is_the_liaisons() -> None:
    verdict = readiness(ready_facts(stage="referred", open_referral=True), Scope.OFFICIALS)
    assert verdict.codes == ("awaiting_decision",) and verdict.missing[0].fixed_by is Role.LIAISON
    # Still assessed but already in an open batch: named once.
    verdict = readiness(ready_facts(open_referral=True), Scope.OFFICIALS)
    assert verdict.codes == ("awaiting_decision",)


def test_evidence_waiting_for_a_verdict_goes_to_a_reviewer_and_missing_evidence_to_the_caseworker() -> None:
    waiting = readiness(ready_facts(well_documented=False, unverified_evidence=2), Scope.OFFICIALS)
    assert [(m.gap, m.fixed_by, m.detail) for m in waiting.missing] == [
        (Gap.EVIDENCE_NOT_VERIFIED, Role.REVIEWER, {"items": 2})
    ]
    thin = readiness(ready_facts(well_documented=False), Scope.OFFICIALS)
    assert [(m.gap, m.fixed_by) for m in thin.missing] == [(Gap.NOT_WELL_DOCUMENTED, Role.CASEWORKER)]


def test_consent_must_cover_the_recipient_for_every_adult() -> None:
    officials_only = (Adult("1", frozenset({Scope.OFFICIALS})), Adult("2", BOTH))
    assert readiness(ready_facts(adults=officials_only), Scope.OFFICIALS).ready
    verdict = readiness(ready_facts(adults=officials_only), Scope.SPONSORS)
    assert [(m.gap, m.fixed_by, m.detail) for m in verdict.missing] == [
        (Gap.NO_CONSENT, Role.CASEWORKER, {"adults": 1, "scope": "sponsors"})
    ]
    nobody = readiness(ready_facts(adults=()), Scope.OFFICIALS)
    assert nobody.codes == ("no_consent",)  # a household with no adult on record cannot consent


def test_every_gap_is_listed_not_only_the_first() -> None:
    facts = Facts(reference="H-1", stage="intake", adults=(Adult("1"),))
    verdict = readiness(facts, Scope.OFFICIALS)
    assert verdict.codes == ("being_documented", "not_assessed", "not_well_documented", "no_consent")
    assert verdict.to_dict()["missing"][1] == {"gap": "not_assessed", "fixed_by": "reviewer", "detail": {}}


@pytest.mark.parametrize(
    ("birth_date", "relationship", "minor", "expected"),
    [
        ("1988-04-12", "principal", None, True),
        ("2016", "child", None, False),
        ("2008-12-08", "child", None, False),  # 18 tomorrow
        ("2008-12-07", "child", None, True),  # 18 today
        ("2008", "child", None, True),  # may be 18 already: asked, to be safe
        ("", "child", None, False),
        ("", "spouse", None, True),
        ("не помню", "parent", None, True),
        ("1990", "spouse", True, False),  # marked a minor by the caseworker
    ],
)
def test_who_must_consent(birth_date: str, relationship: str, minor: bool | None, expected: bool) -> None:
    assert (
        is_adult(birth_date=birth_date, relationship=relationship, minor_flag=minor, today=TODAY) is expected
    )


def test_the_sponsor_profile_needs_consent_to_sponsors_and_every_other_to_officials() -> None:
    assert scope_of_profile("sponsor") is Scope.SPONSORS
    assert scope_of_profile("officer") is Scope.OFFICIALS
    assert scope_of_profile("ircc-custom") is Scope.OFFICIALS
