"""Canadian routes that may apply (DOMAIN.md §5), as notes for a lawyer: never advice, never a decision.

Safe Third Country Agreement exceptions come from the household's ties to Canada (a relative's
relationship and status; a Canadian visa or permit; an unaccompanied minor). Private sponsorship, the
temporary public policy the coalition asks for and the discretionary permits are always noted, with the
unverified doubt about sponsoring someone refused in the US shown as unverified.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from haven_core.assessment.facts import HouseholdFacts
from haven_core.assessment.result import Note, PathwayNote
from haven_core.assessment.rules import RuleSet
from haven_core.assessment.vocabulary import PARENT, PRINCIPAL, SPOUSE, US_REFUSED
from haven_core.assessment.vulnerability import is_minor


def _stca(household: HouseholdFacts, rules: RuleSet, today: dt.date) -> Iterator[PathwayNote]:
    p = rules.pathways
    for person in household.people:
        for relative in person.relatives:
            params = {"relationship": relative.relationship, "status": relative.canadian_status}
            if relative.relationship in p.stca_relationships and relative.canadian_status in p.stca_statuses:
                notes: tuple[Note, ...] = (Note.of("relative", **params),)
                if relative.canadian_status in p.stca_adult_statuses:
                    notes += (Note.of("relative_must_be_adult"),)
                yield PathwayNote("stca_family", p.stca, True, person.id, notes)
            else:
                why = "relationship" if relative.relationship not in p.stca_relationships else "status"
                notes = (Note.of("relative", **params), Note.of(f"not_listed_{why}"))
                yield PathwayNote("stca_family", p.stca, False, person.id, notes)
        for permit in person.permits:
            if permit.valid_until is None or permit.valid_until >= today:
                note = Note.of("permit", kind=permit.kind, valid_until=permit.valid_until)
                yield PathwayNote("stca_document", p.stca, True, person.id, (note,))
            else:
                note = Note.of("permit_expired", kind=permit.kind, valid_until=permit.valid_until.isoformat())
                yield PathwayNote("stca_document", p.stca, False, person.id, (note,))
    principal = next((m for m in household.people if m.relationship == PRINCIPAL), None)
    adults = [
        m for m in household.people if m.relationship in (SPOUSE, PARENT) and not is_minor(m, rules, today)
    ]
    if principal is not None and is_minor(principal, rules, today) and not adults:
        yield PathwayNote("stca_unaccompanied_minor", p.stca, True, principal.id)


def pathways(household: HouseholdFacts, rules: RuleSet, today: dt.date) -> tuple[PathwayNote, ...]:
    p = rules.pathways
    notes = list(_stca(household, rules, today))
    notes.append(PathwayNote("sponsorship_sah", p.sponsorship, True))
    notes.append(PathwayNote("sponsorship_g5", p.sponsorship, None))
    refused = [
        m.id
        for m in household.people
        if m.us_record is not None
        and (m.us_record.status in US_REFUSED or m.us_record.removal_order_date is not None)
    ]
    if refused:
        notes.append(PathwayNote("sponsorship_after_us_refusal", p.refused_sponsorship, None, refused[0]))
    notes.append(PathwayNote("government_assisted", replace(p.sponsorship, confidence="M"), None))
    notes.append(PathwayNote("temporary_public_policy", p.public_policy, True))
    notes.append(PathwayNote("discretionary_permits", p.discretionary, None))
    notes.append(PathwayNote("admissibility", p.stca, None))
    return tuple(notes)
