"""Likely duplicates in a file about to be imported: people Haven already has, and one person twice in
the file. Nothing is ever merged.

Each new person of the file (one not found again by their own id) is a query to the identity matcher
(``haven_core.matching``) over the people already in Haven that the actor may see: their own
organisation's, or everyone's for the coalition coordinator. Only the people whose blind name index
(``PersonNameKey``) shares a key with some new person are read: names are decrypted in memory and
dropped, and a file whose people Haven all knows by id reads none.

A likely duplicate in a household the file brings new (its Household ID is not in Haven) blocks its
row until the person importing chooses "update that household" or "a different person"
(``haven_core.intake.duplicates.resolve_duplicates``). A new person in a household Haven already has
is flagged for information: the household is an update anyway.

The file is also checked against itself: the same person in two different households of one file (one
family split over two ids, or a person copied into a relative's household) is flagged with both row
numbers and both household ids. People of the same household are not compared with each other.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Q

from haven.accounts.access import visible_households
from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.cases.models import Person, PersonNameKey
from haven.cases.names import NAME_COLUMNS, person_record
from haven.security.sensitive import index_values
from haven_core.intake import CheckedHousehold, IntakeReport
from haven_core.intake.duplicates import (
    Caseload,
    Existing,
    RowDuplicate,
    UpdateTarget,
)
from haven_core.intake.rows import IntakePerson
from haven_core.matching import Matcher, NameRecord, compare
from haven_core.matching.caches import forget_records
from haven_core.names import name_keys

BATCH = 500


@dataclass(frozen=True)
class KnownHouseholdFlag:
    """A new person of a household Haven already has, who may be someone Haven has elsewhere: for
    information only, since the household is an update anyway."""

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
    """The pairs of rows in different households of the file that the matcher takes for one person.

    The people are read again from the file, one at a time, into the matcher, which keeps each one's
    name record packed (:class:`haven_core.matching.packed.PackedRecords`: the bytes of their names
    and birth date, in memory only) and, beside it, only the number of their household in the report.
    """
    ids: list[str] = []  # the households' ids, each once (two households updating one are one)
    numbers: dict[str, int] = {}
    for checked in report.households:
        if numbers.setdefault(checked.external_id, len(ids)) == len(ids):
            ids.append(checked.external_id)
    households = array("I")  # parallel to the matcher's entries: a number of ``ids``

    def records() -> Iterator[NameRecord]:
        for household, person in report.people():
            record = _record(person)
            if record.names:
                households.append(numbers[household.external_id])
                yield NameRecord(str(person.row), record.names, record.birth, record.source)

    matcher = Matcher(records())
    if len(matcher) < 2:
        return []
    pairs: dict[tuple[int, int], FileDuplicate] = {}
    for position in range(len(matcher)):
        query = matcher.entry(position)
        household, row = households[position], int(query.id)
        # Blocking, then scoring only the entries of other households: a person and their own family,
        # most of what blocking finds, are never scored, nor a pair already found from its other side.
        for other_position in matcher.blocked(query):
            other_household = households[other_position]
            if other_household == household:
                continue
            entry = matcher.entry(other_position)
            other_row = int(entry.id)
            pair = (min(row, other_row), max(row, other_row))
            if pair in pairs:
                continue
            candidate = compare(query, entry)
            if candidate is not None:
                first, second = sorted([(row, household), (other_row, other_household)])
                pairs[pair] = FileDuplicate(
                    first[0],
                    ids[first[1]],
                    second[0],
                    ids[second[1]],
                    candidate.decision,
                    candidate.score,
                )
    del matcher
    forget_records()  # the file's people, of no use to what follows
    return sorted(pairs.values(), key=lambda d: (d.row, d.other_row))


@dataclass
class FileCheck:
    """What the matcher found for the file's new people: rows to decide, and flags to read."""

    blocking: list[RowDuplicate] = field(default_factory=list)  # rows of households new to Haven
    flags: list[KnownHouseholdFlag] = field(default_factory=list)  # new people of households Haven has


def _known(organisation: Organisation, report: IntakeReport) -> tuple[set[str], set[tuple[str, str]]]:
    """The file's household ids Haven has in ``organisation``, and their people, by the import's ids."""
    ids = [h.external_id for h in report.households]
    households: set[str] = set()
    people: set[tuple[str, str]] = set()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = Person.objects.filter(household__organisation=organisation).filter(
            Q(household__external_id__in=chunk) | Q(household__reference__in=chunk)
        )
        for external_id, public_id, household_id, reference in rows.values_list(
            "external_id", "public_id", "household__external_id", "household__reference"
        ):
            person = external_id or str(public_id)
            for key in {household_id or reference, reference}:
                households.add(key)
                people.add((key, person))
    return households, people


def _query_values(query: NameRecord) -> set[str]:
    return {value for key in name_keys(*query.names) for value in index_values(key)}


def _candidates(actor: Actor, values: set[str]) -> tuple[list[int], set[str]]:
    """The people ``actor`` may see who have one of the name index ``values``, and the values found (a
    query none of whose values was found has nobody to be compared with)."""
    found: set[int] = set()
    present: set[str] = set()
    scope = visible_households(actor)
    ordered = sorted(values)
    for start in range(0, len(ordered), BATCH):
        rows = PersonNameKey.objects.filter(
            key__in=ordered[start : start + BATCH], person__household__in=scope
        ).values_list("person_id", "key")
        for person_id, value in rows:
            found.add(person_id)
            present.add(value)
    return sorted(found), present


def _chunks(
    people: Iterator[tuple[CheckedHousehold, IntakePerson]],
) -> Iterator[list[tuple[CheckedHousehold, IntakePerson]]]:
    while chunk := list(itertools.islice(people, BATCH)):
        yield chunk


def file_check(*, actor: Actor, organisation: Organisation, report: IntakeReport) -> FileCheck:
    """Look for every new person of the file among the people Haven has that ``actor`` may see."""
    known_households, known_people = _known(organisation, report)
    # The file's people are read again a batch at a time, each batch's name index values looked up at
    # once; only the rows some of whose own values Haven has are kept, by number, with the people found.
    ids: set[int] = set()
    rows: set[int] = set()
    for chunk in _chunks(report.people()):
        values: dict[int, set[str]] = {}
        for household, intake in chunk:
            if (household.external_id, intake.external_id) in known_people:
                continue  # the same person again, found by their own id: an update, not a duplicate
            if (record := _record(intake)).names:
                values[intake.row] = _query_values(record)
        found, present = _candidates(actor, set().union(*values.values()))
        ids.update(found)
        # Only the people whose own keys someone in Haven shares are compared: for the others, the
        # blind index already says nobody there is like them.
        rows.update(row for row, own in values.items() if not present.isdisjoint(own))
    check = FileCheck()
    if not ids:
        return check
    existing: list[Existing] = []
    targets: dict[str, UpdateTarget] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), BATCH):
        people = (
            Person.objects.filter(pk__in=ordered[start : start + BATCH])
            .select_related("household")
            .only(*NAME_COLUMNS, "external_id", "household__reference", "household__external_id",
                  "household__organisation_id")
        )  # fmt: skip
        for person in people:
            home = person.household
            own = home.organisation_id == organisation.pk
            existing.append(Existing(person_record(person), home.reference, own))
            if own:
                targets[str(person.pk)] = UpdateTarget(
                    home.external_id or home.reference,
                    person.external_id or str(person.public_id),
                )
    caseload = Caseload(existing)
    del existing
    for household, intake in report.people():
        if intake.row not in rows:
            continue
        row, record = intake.row, _record(intake)
        matches = caseload.matches(record)
        if not matches:
            continue
        if household.external_id in known_households:
            check.flags += [KnownHouseholdFlag(row, m.household, m.decision, m.score) for m in matches]
            continue
        row_targets = {m.household: targets[m.person] for m in matches if m.person in targets}
        check.blocking.append(RowDuplicate(row, household.file_id, tuple(matches), row_targets))
    forget_records()  # the file's people and Haven's found, of no use to what follows
    return check
