"""Likely duplicates in a file about to be imported, flagged for the person importing: never merged.

Each new person of the file (one not found again by their own id) is a query to the identity matcher
(``haven_core.matching``) over the people already in Haven that the actor may see: their own
organisation's, or everyone's for the coalition coordinator. Names are decrypted in memory and dropped;
a flag names the row and the existing household's reference, with the matcher's score, never a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.cases.models import Person
from haven.registries.screening import NAME_COLUMNS, person_record
from haven_core.intake import IntakeReport
from haven_core.matching import Matcher, NameRecord
from haven_core.roles import COALITION_WIDE


@dataclass(frozen=True)
class LikelyDuplicate:
    row: int
    household_ref: str  # the existing household the person may already be in
    decision: str  # the matcher's "match" or "review"
    score: float


def likely_duplicates(
    *, actor: Actor, organisation: Organisation, report: IntakeReport
) -> list[LikelyDuplicate]:
    people = Person.objects.select_related("household").only(
        *NAME_COLUMNS, "external_id", "household__reference", "household__external_id",
        "household__organisation",
    )  # fmt: skip
    if actor.role not in COALITION_WIDE:
        people = people.filter(household__organisation=organisation)
    records: list[NameRecord] = []
    where: dict[str, str] = {}
    known: set[tuple[str, str]] = set()
    for person in people.iterator(chunk_size=500):
        records.append(person_record(person))
        where[str(person.pk)] = person.household.reference
        if person.household.organisation_id == organisation.pk:
            household_id = person.household.external_id or person.household.reference
            known.add((household_id, person.external_id or str(person.public_id)))
    if not records:
        return []
    matcher = Matcher(records)
    flags = []
    for household in report.households:
        for intake in household.people:
            if (household.external_id, intake.external_id) in known:
                continue  # the same person again, found by their own id: an update, not a duplicate
            query = Person(**intake.fields)
            for candidate in matcher.candidates(person_record(query, source="import"), limit=3):
                flags.append(
                    LikelyDuplicate(
                        intake.row, where[candidate.entry_id], candidate.decision, candidate.score
                    )
                )
    return flags
