"""Vulnerability, urgency, UNHCR categories and Canadian route notes, by example."""

from __future__ import annotations

import datetime as dt

from haven_core.assessment import CanadaPermitFact, CanadaRelativeFact, USRecordFacts, assess
from tests.support.assessment import TODAY, household, person, removal_in, rules


def test_vulnerabilities_come_from_flags_detention_age_and_citizenship() -> None:
    principal = person(
        marked=frozenset({"pregnancy", "lgbtq"}), citizenships=("RU",), us=USRecordFacts("detained", True)
    )
    grandmother = person("p2", "parent", born="1950", citizenships=("RU", "IL"))
    result = assess(household(principal, grandmother), rules(), TODAY)
    keys = sorted((c.person, c.key) for c in result.vulnerability.contributions)
    assert keys == [
        ("p1", "vulnerability:detained"),
        ("p1", "vulnerability:lgbtq"),
        ("p1", "vulnerability:no_other_citizenship"),
        ("p1", "vulnerability:pregnancy"),
        ("p2", "vulnerability:elderly"),
    ]
    assert result.vulnerability.total == 4 + 3 + 2 + 3 + 2
    assert result.vulnerability.level == "high"


def test_an_answer_of_no_overrides_the_age() -> None:
    child = person("p2", "child", born="2015", ruled_out=frozenset({"minor"}))
    result = assess(household(person(), child), rules(), TODAY)
    assert "vulnerability:minor" not in {c.key for c in result.vulnerability.contributions}


def test_a_single_parent_is_a_household_vulnerability() -> None:
    result = assess(household(person(), person("p2", "child", born="2016")), rules(), TODAY)
    assert [c.key for c in result.household_vulnerabilities] == ["vulnerability:single_parent"]
    with_partner = household(person(), person("p2", "child", born="2016"), person("p3", "spouse", sex="M"))
    assert assess(with_partner, rules(), TODAY).household_vulnerabilities == ()


def test_removal_within_seven_days_is_an_emergency_driven_by_its_date() -> None:
    urgency = assess(household(person(us=removal_in(5))), rules(), TODAY).urgency
    assert urgency.level == "emergency"
    assert urgency.date == TODAY + dt.timedelta(days=5)
    assert urgency.contributions[0].basis.source.startswith("DOMAIN.md §6")


def test_removal_within_six_weeks_is_urgent_on_havens_own_threshold() -> None:
    urgency = assess(household(person(us=removal_in(30))), rules(), TODAY).urgency
    assert urgency.level == "urgent"
    removal = urgency.contributions[0]
    assert removal.basis.kind == "haven" and removal.detail is not None
    assert (
        assess(household(person(us=removal_in(60))), rules(), TODAY).urgency.level == "urgent"
    )  # final order


def test_detained_with_a_final_order_is_an_emergency_without_a_removal_date() -> None:
    record = USRecordFacts("final_order", detained=True, removal_order_date=dt.date(2026, 9, 1))
    urgency = assess(household(person(us=record)), rules(), TODAY).urgency
    assert urgency.level == "emergency" and urgency.date is None


def test_a_hearing_soon_adds_points_but_keeps_the_level() -> None:
    record = USRecordFacts("removal_proceedings", next_hearing_date=TODAY + dt.timedelta(days=10))
    urgency = assess(household(person(us=record)), rules(), TODAY).urgency
    assert (urgency.level, urgency.total, urgency.date) == ("normal", 10, record.next_hearing_date)


def test_the_household_takes_its_most_urgent_member() -> None:
    calm, pressed = person(us=removal_in(30)), person("p2", "spouse", us=removal_in(3))
    result = assess(household(calm, pressed), rules(), TODAY)
    assert result.urgency_person == "p2" and result.urgency.level == "emergency"


def test_categories_put_legal_protection_first_when_the_risk_is_moderate_or_more() -> None:
    from tests.support.assessment import item

    exposed = person(
        evidence=(item("p", "public_antiwar_statement", on=dt.date(2024, 1, 1)),),
        marked=frozenset({"serious_medical"}),
    )
    result = assess(household(exposed), rules(), TODAY)
    assert result.primary is not None and result.primary.category == "legal_physical_protection"
    assert result.secondary is not None and result.secondary.category == "medical_needs"
    quiet = assess(household(person(marked=frozenset({"serious_medical"}))), rules(), TODAY)
    assert quiet.primary is not None and quiet.primary.category == "medical_needs"


def test_women_at_risk_family_unity_and_no_durable_solution() -> None:
    mother = person(
        citizenships=("RU",),
        us=USRecordFacts("final_order", removal_order_date=dt.date(2026, 1, 1)),
        relatives=(CanadaRelativeFact("parent", "citizen"),),
    )
    result = assess(household(mother, person("p2", "child", born="2018")), rules(), TODAY)
    assert [p.category for p in result.categories] == [
        "women_girls_at_risk",
        "restoring_family_unity",
        "lack_of_alternatives",
    ]


def test_stca_notes_follow_the_relatives_relationship_and_status() -> None:
    someone = person(
        relatives=(
            CanadaRelativeFact("aunt_uncle", "permanent_resident"),
            CanadaRelativeFact("other", "citizen"),
            CanadaRelativeFact("sibling", "visitor"),
            CanadaRelativeFact("sibling", "study_permit"),
        ),
        permits=(
            CanadaPermitFact("visitor_visa", TODAY + dt.timedelta(days=1)),
            CanadaPermitFact("work_permit", dt.date(2020, 1, 1)),
        ),
    )
    notes = assess(household(someone), rules(), TODAY).pathways
    family = [(n.applies, [x.code for x in n.notes]) for n in notes if n.code == "stca_family"]
    assert family == [
        (True, ["relative"]),
        (False, ["relative", "not_listed_relationship"]),
        (False, ["relative", "not_listed_status"]),
        (True, ["relative", "relative_must_be_adult"]),
    ]
    documents = [(n.applies, n.notes[0].code) for n in notes if n.code == "stca_document"]
    assert documents == [(True, "permit"), (False, "permit_expired")]


def test_sponsoring_someone_refused_in_the_us_is_noted_as_unverified() -> None:
    refused = person(us=USRecordFacts("final_order"))
    notes = {n.code: n for n in assess(household(refused), rules(), TODAY).pathways}
    assert notes["sponsorship_after_us_refusal"].basis.confidence == "U"
    assert notes["temporary_public_policy"].applies is True
    pending = {
        n.code for n in assess(household(person(us=USRecordFacts("asylum_pending"))), rules(), TODAY).pathways
    }
    assert "sponsorship_after_us_refusal" not in pending


def test_an_unaccompanied_minor_is_an_stca_exception() -> None:
    notes = assess(household(person(born="2012")), rules(), TODAY).pathways
    assert "stca_unaccompanied_minor" in {n.code for n in notes}
