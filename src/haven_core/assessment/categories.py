"""UNHCR submission categories (DOMAIN.md §6) that the facts support, in the rules file's order: the
first is proposed as primary, the second as secondary. Proposals for a reviewer, never a decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from haven_core.assessment.facts import HouseholdFacts, PersonFacts
from haven_core.assessment.result import Note, Proposal, Score
from haven_core.assessment.rules import RuleSet
from haven_core.assessment.vocabulary import PRINCIPAL, RISK_LEVELS, SPOUSE, US_REFUSED
from haven_core.assessment.vulnerability import is_minor, only_russian

Reasons = Iterator[Note]


def _flagged(household: HouseholdFacts, *flags: str) -> Reasons:
    for person in household.people:
        for flag in flags:
            if flag in person.marked:
                yield Note.of("member_flag", person=person.id, flag=flag)


def _principal(household: HouseholdFacts) -> PersonFacts | None:
    return next((p for p in household.people if p.relationship == PRINCIPAL), None)


def categories(
    household: HouseholdFacts, risk: Score, risks: dict[str, Score], rules: RuleSet, today: dt.date
) -> tuple[Proposal, ...]:
    """The categories the facts support, primary first (``risk``: the household's; ``risks``: by member)."""

    def legal_physical_protection() -> Reasons:
        minimum = RISK_LEVELS.index(rules.categories.legal_protection_min_risk)
        if RISK_LEVELS.index(risk.level) >= minimum:
            yield Note.of("risk_level", level=risk.level, minimum=rules.categories.legal_protection_min_risk)

    def survivors() -> Reasons:
        yield from _flagged(household, "survivor_of_violence")

    def medical() -> Reasons:
        yield from _flagged(household, "serious_medical", "disability")

    def women_girls() -> Reasons:
        principal = _principal(household)
        has_partner = any(p.relationship == SPOUSE for p in household.people)
        if principal is not None and principal.sex == "F" and not has_partner:
            yield Note.of("woman_alone", person=principal.id)
        for person in household.people:
            if person.sex == "F" and "survivor_of_violence" in person.marked:
                yield Note.of("member_flag", person=person.id, flag="survivor_of_violence")

    def children() -> Reasons:
        principal = _principal(household)
        if principal is not None and is_minor(principal, rules, today):
            yield Note.of("unaccompanied_minor", person=principal.id)
        for person in household.people:
            if not is_minor(person, rules, today):
                continue
            if "survivor_of_violence" in person.marked:
                yield Note.of("member_flag", person=person.id, flag="survivor_of_violence")
            own = risks.get(person.id)
            if own is not None and any(c.kind == "exposure" and c.value > 0 for c in own.contributions):
                yield Note.of("minor_at_risk", person=person.id)

    def family_unity() -> Reasons:
        for person in household.people:
            for relative in person.relatives:
                if relative.relationship in rules.pathways.family_unity_relationships:
                    yield Note.of("relative_in_canada", person=person.id, relationship=relative.relationship)

    def lack_of_alternatives() -> Reasons:
        principal = _principal(household)
        record = principal.us_record if principal else None
        refused = record is not None and (
            record.status in US_REFUSED or record.removal_order_date is not None
        )
        recorded = [p for p in household.people if p.citizenships]  # an empty field is unknown
        if principal is not None and refused and only_russian(principal) and all(map(only_russian, recorded)):
            yield Note.of("no_durable_solution", status=record.status if record else "")

    tests: dict[str, Callable[[], Reasons]] = {
        "legal_physical_protection": legal_physical_protection,
        "survivors_violence_torture": survivors,
        "medical_needs": medical,
        "women_girls_at_risk": women_girls,
        "children_adolescents_at_risk": children,
        "restoring_family_unity": family_unity,
        "lack_of_alternatives": lack_of_alternatives,
    }
    proposals = []
    for category in rules.categories.order:
        reasons = tuple(dict.fromkeys(tests[category]()))
        if reasons:
            proposals.append(Proposal(category=category, basis=rules.categories.basis, reasons=reasons))
    return tuple(proposals)
