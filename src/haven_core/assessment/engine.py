"""Assessing a household: each member, then the household as the unit that moves together.

Pure and deterministic: the same facts, rules and ``today`` give the same :class:`~.result.Assessment`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from haven_core.assessment.categories import categories
from haven_core.assessment.facts import HouseholdFacts, PersonFacts
from haven_core.assessment.pathways import pathways
from haven_core.assessment.result import Assessment, EvidenceCount, PersonAssessment, total_of
from haven_core.assessment.risk import person_risk, status_weight
from haven_core.assessment.rules import RuleSet, level_for
from haven_core.assessment.urgency import most_urgent_key, person_urgency
from haven_core.assessment.vocabulary import NOT_YET_REVIEWED, VERIFIED
from haven_core.assessment.vulnerability import household_vulnerabilities, person_vulnerability


def _evidence(person: PersonFacts, rules: RuleSet) -> EvidenceCount:
    statuses = [item.status for item in person.evidence]
    return EvidenceCount(
        verified=statuses.count(VERIFIED),
        unreviewed=sum(1 for status in statuses if status in NOT_YET_REVIEWED),
        not_counted=sum(1 for item in person.evidence if status_weight(item.status, rules) == 0),
    )


def assess_person(person: PersonFacts, rules: RuleSet, today: dt.date) -> PersonAssessment:
    return PersonAssessment(
        person=person.id,
        risk=person_risk(person, rules, today),
        vulnerability=person_vulnerability(person, rules, today),
        urgency=person_urgency(person, rules, today),
        evidence=_evidence(person, rules),
    )


def assess(household: HouseholdFacts, rules: RuleSet, today: dt.date) -> Assessment:
    """The household's assessment under ``rules`` on ``today``."""
    people = tuple(assess_person(person, rules, today) for person in household.people)
    # The first of equals wins, so the order of the members (principal first) settles ties.
    most_at_risk = max(people, key=lambda p: p.risk.total, default=None)
    most_urgent = max(people, key=lambda p: most_urgent_key(p.urgency), default=None)
    own = household_vulnerabilities(household, rules, today)
    everyone = tuple(c for p in people for c in p.vulnerability.contributions) + own
    risk = most_at_risk.risk if most_at_risk else None
    assessment = Assessment(
        rules_version=rules.version,
        rules_digest=rules.digest,
        assessed_on=today,
        people=people,
        risk_person=most_at_risk.person if most_at_risk else None,
        urgency_person=most_urgent.person if most_urgent else None,
        vulnerability_level=level_for(total_of(everyone), rules.vulnerability_levels),
        household_vulnerabilities=own,
        categories=(),
        pathways=pathways(household, rules, today),
    )
    risks = {p.person: p.risk for p in people}
    proposals = categories(household, risk or assessment.risk, risks, rules, today)
    return replace(assessment, categories=proposals)
