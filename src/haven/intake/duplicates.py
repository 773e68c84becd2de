"""Likely duplicates in a file about to be imported, flagged for the person importing: never merged.

Each new person of the file (one not found again by their own id) is a query to the identity matcher
(``haven_core.matching``) over the people already in Haven that the actor may see: their own
organisation's, or everyone's for the coalition coordinator. Names are decrypted in memory and dropped;
a flag names the row and the existing household's reference, with the matcher's score, never a name.

The file is also checked against itself: the same person in two different households of one file (one
family split over two ids, or a person copied into a relative's household) is flagged with both row
numbers and both household ids. People of the same household are not compared with each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.cases.models import Person
from haven.registries.screening import NAME_COLUMNS, person_record
from haven_core.intake import IntakeReport
from haven_core.intake.rows import IntakePerson
from haven_core.matching import Matcher, NameRecord, compare
from haven_core.roles import COALITION_WIDE


@dataclass(frozen=True)
class LikelyDuplicate:
    row: int
    household_ref: str  # the existing household the person may already be in
    decision: str  # the matcher's "match" or "review"
    score: float


@dataclass(frozen=True)
class FileDuplicate:
    row: int
    household_id: str
    other_row: int  # always after ``row``
    other_household_id: str
    decision: str
    score: float


def _record(intake: IntakePerson) -> NameRecord:
    return person_record(Person(**intake.fields), source="import")


def in_file_duplicates(*, report: IntakeReport) -> list[FileDuplicate]:
    """The pairs of rows in different households of the file that the matcher takes for one person."""
    people = {str(p.row): (h.external_id, p) for h in report.households for p in h.people}
    records = [
        NameRecord(str(p.row), r.names, r.birth, r.source)
        for _, p in people.values()
        if (r := _record(p)).names
    ]
    if len(records) < 2:
        return []
    matcher = Matcher(records)
    pairs: dict[tuple[int, int], FileDuplicate] = {}
    for query in records:
        household_id, person = people[query.id]
        # Blocking, then scoring only the entries of other households: a person and their own family,
        # most of what blocking finds, are never scored, nor a pair already found from its other side.
        for position in matcher.blocked(query):
            entry = records[position]
            other_household, other = people[entry.id]
            pair = (min(person.row, other.row), max(person.row, other.row))
            if other_household == household_id or pair in pairs:
                continue
            candidate = compare(query, entry)
            if candidate is not None:
                first, second = sorted([(person.row, household_id), (other.row, other_household)])
                pairs[first[0], second[0]] = FileDuplicate(
                    first[0], first[1], second[0], second[1], candidate.decision, candidate.score
                )
    return sorted(pairs.values(), key=lambda d: (d.row, d.other_row))


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
            for candidate in matcher.candidates(_record(intake), limit=3):
                flags.append(
                    LikelyDuplicate(
                        intake.row, where[candidate.entry_id], candidate.decision, candidate.score
                    )
                )
    return flags
