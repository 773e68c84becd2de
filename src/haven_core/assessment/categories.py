"""UNHCR submission categories (DOMAIN.md §6) that the facts support, in the rules file's order: the
first is proposed as primary, the second as secondary. Proposals for a reviewer, never a decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from haven_core.assessment.facts import HouseholdFacts, PersonFacts
from haven_core.assessment.result import Note, Proposal, Score
from haven_core.assessment.rules import RuleSet
from haven_core.assessment.vocabulary import PRINCIPAL, RISK_LEVELS, SPOUSE, US_REFUSED
from haven_core.assessment.vulnerability import is_minor, only_russian

Reasons = Iterator[Note]


@dataclass(frozen=True)
class _Case:
    household: HouseholdFacts
    principal: PersonFacts | None
    risk: Score  # the household's
    risks: dict[str, Score]  # each member's
    rules: RuleSet
    today: dt.date


def _flagged(case: _Case, *flags: str) -> Reasons:
    for person in case.household.people:
        for flag in flags:
            if flag in person.marked:
                yield Note.of("member_flag", person=person.id, flag=flag)


def _legal_physical_protection(case: _Case) -> Reasons:
    minimum = case.rules.categories.legal_protection_min_risk
    if RISK_LEVELS.index(case.risk.level) >= RISK_LEVELS.index(minimum):
        yield Note.of("risk_level", level=case.risk.level, minimum=minimum)


def _survivors(case: _Case) -> Reasons:
    yield from _flagged(case, "survivor_of_violence")


def _medical(case: _Case) -> Reasons:
    yield from _flagged(case, "serious_medical", "disability")


def _women_girls(case: _Case) -> Reasons:
    principal = case.principal
    has_partner = any(p.relationship == SPOUSE for p in case.household.people)
    if principal is not None and principal.sex == "F" and not has_partner:
        yield Note.of("woman_alone", person=principal.id)
    for person in case.household.people:
        if person.sex == "F" and "survivor_of_violence" in person.marked:
            yield Note.of("member_flag", person=person.id, flag="survivor_of_violence")


def _children(case: _Case) -> Reasons:
    if case.principal is not None and is_minor(case.principal, case.rules, case.today):
        yield Note.of("unaccompanied_minor", person=case.principal.id)
    for person in case.household.people:
        if not is_minor(person, case.rules, case.today):
            continue
        if "survivor_of_violence" in person.marked:
            yield Note.of("member_flag", person=person.id, flag="survivor_of_violence")
        own = case.risks.get(person.id)
        if own is not None and any(c.kind == "exposure" and c.value > 0 for c in own.contributions):
            yield Note.of("minor_at_risk", person=person.id)


def _family_unity(case: _Case) -> Reasons:
    for person in case.household.people:
        for relative in person.relatives:
            if relative.relationship in case.rules.pathways.family_unity_relationships:
                yield Note.of("relative_in_canada", person=person.id, relationship=relative.relationship)


def _lack_of_alternatives(case: _Case) -> Reasons:
    principal = case.principal
    record = principal.us_record if principal else None
    if principal is None or record is None:
        return
    refused = record.status in US_REFUSED or record.removal_order_date is not None
    recorded = [p for p in case.household.people if p.citizenships]  # an empty field is unknown
    if refused and only_russian(principal) and all(map(only_russian, recorded)):
        yield Note.of("no_durable_solution", status=record.status)


_TESTS: dict[str, Callable[[_Case], Reasons]] = {
    "legal_physical_protection": _legal_physical_protection,
    "survivors_violence_torture": _survivors,
    "medical_needs": _medical,
    "women_girls_at_risk": _women_girls,
    "children_adolescents_at_risk": _children,
    "restoring_family_unity": _family_unity,
    "lack_of_alternatives": _lack_of_alternatives,
}


def categories(
    household: HouseholdFacts, risk: Score, risks: dict[str, Score], rules: RuleSet, today: dt.date
) -> tuple[Proposal, ...]:
    """The categories the facts support, primary first (``risk``: the household's; ``risks``: by member)."""
    principal = next((p for p in household.people if p.relationship == PRINCIPAL), None)
    case = _Case(household, principal, risk, risks, rules, today)
    proposals = []
    for category in rules.categories.order:
        reasons = tuple(dict.fromkeys(_TESTS[category](case)))
        if reasons:
            proposals.append(Proposal(category=category, basis=rules.categories.basis, reasons=reasons))
    return tuple(proposals)
