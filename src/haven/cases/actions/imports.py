"""Importing checked spreadsheet rows: the case actions in bulk.

A spreadsheet brings thousands of households at once, so new ones are written with ``bulk_create``
rather than one :func:`household_create` each; but every rule is the single actions' own code: who may
open or change a household (:func:`ensure_can_open`, :func:`ensure_can_edit`), the name index
(:func:`index_names`, :func:`reindex_names`), US records (:func:`us_record_values`,
:func:`us_record_apply`), relatives in Canada (:func:`canada_relative_new`), one principal applicant
(:func:`check_principal`), reassessment of a changed household (:func:`touch`) and screening once the
import commits (:func:`screen_after_commit`). One audit entry per household created or changed
(``household.import``: field names and counts, never values), in the import's transaction.

A new household is never assessed, so only changed households are touched. An import never deletes
anyone: a person Haven holds in the household but the rows no longer list is named in the outcome.
"""

from __future__ import annotations

import itertools
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.core.management.base import OutputWrapper
from django.db import transaction

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.audit.catalogue import AuditAction
from haven.cases.actions.canada import canada_relative_new
from haven.cases.actions.households import ensure_can_open
from haven.cases.actions.people import NAME_FIELDS, PERSON_FIELDS, check_principal, index_names, reindex_names
from haven.cases.actions.permission_and_audit import (
    apply_fields,
    audit,
    audit_entry,
    audit_many,
    ensure_can_edit,
    screen_after_commit,
    touch,
)
from haven.cases.actions.us_record import us_record_apply, us_record_values
from haven.cases.models import CanadaRelative, Household, Person, USRecord
from haven_core.intake import IntakeHousehold, IntakePerson

BATCH = 500
SCREENED_FIELDS = NAME_FIELDS.union({"birth_date"})


@dataclass(frozen=True)
class ImportColumns:
    """The columns a file has: on households Haven holds, a column the file lacks leaves Haven's value
    alone, and one it has sets the value, even to empty."""

    person_fields: tuple[str, ...]
    us_fields: tuple[str, ...]
    notes: bool


@dataclass(slots=True)  # one per household of the file: 40,000 for a large caseload
class HouseholdOutcome:
    external_id: str
    reference: str
    outcome: str  # created, updated or unchanged
    people_added: int = 0
    people_changed: int = 0
    row: int = 0  # the household's first row in the file
    # The ids of the people Haven has in the household and the file does not list: kept, not deleted.
    people_missing: list[str] = field(default_factory=list)


@dataclass
class ImportTally:
    """What an import did to the households it wrote: how many of each outcome, and the households
    worth naming, those it changed or that have people the file no longer lists (every household with
    ``every``). A household created is counted, not kept, so a large new caseload does not grow it."""

    counts: Counter[str] = field(default_factory=Counter)
    named: list[HouseholdOutcome] = field(default_factory=list)
    every: bool = False

    def add(self, outcome: HouseholdOutcome) -> None:
        self.counts[outcome.outcome] += 1
        if self.every or outcome.outcome == "updated" or outcome.people_missing:
            self.named.append(outcome)


def households_import(
    *,
    actor: Actor,
    organisation: Organisation,
    households: Iterable[IntakeHousehold],
    existing: Mapping[str, int],
    columns: ImportColumns,
    advance: Callable[[int], None] | None = None,
    stream: TextIO | OutputWrapper | None = None,
    every: bool = False,
) -> ImportTally:
    """Open the ``households`` Haven does not hold in ``organisation`` and apply the rows of those it
    does (``existing``: the import's household id → Haven's household pk), in one transaction; the
    people added or renamed are screened once it commits. ``households`` is read in batches as it comes
    (a file read again, :meth:`haven_core.intake.IntakeReport.read`): never all held at once, nor
    their outcomes (:class:`ImportTally`; all of them with ``every``)."""
    ensure_can_open(actor, organisation)
    writer = _Writer(actor, organisation, columns)
    tally = ImportTally(every=every)
    with transaction.atomic():
        for batch in _batches(households):
            new = [h for h in batch if h.external_id not in existing]
            held = Household.objects.in_bulk(
                [existing[h.external_id] for h in batch if h.external_id in existing]
            )
            if new:
                for outcome in writer.create(new):
                    tally.add(outcome)
            for intake in batch:
                if intake.external_id in existing:
                    tally.add(writer.update(held[existing[intake.external_id]], intake))
            if advance:
                advance(len(batch))
        screen_after_commit(actor=actor, person_ids=writer.to_screen, stream=stream)
    return tally


def _batches(items: Iterable[IntakeHousehold]) -> Iterator[list[IntakeHousehold]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def _us_record(person: Person, fields: dict[str, Any]) -> USRecord:
    record = USRecord.of(person)
    us_record_apply(record, us_record_values(fields))
    return record


class _Writer:
    def __init__(self, actor: Actor, organisation: Organisation, columns: ImportColumns) -> None:
        self.actor, self.organisation, self.columns = actor, organisation, columns
        self.to_screen = array("q")  # the people to screen once the import commits (a pk may repeat)
        self.owner = actor.user

    def create(self, batch: list[IntakeHousehold]) -> list[HouseholdOutcome]:
        households = [
            Household(
                organisation=self.organisation, owner=self.owner, notes=h.notes, external_id=h.external_id
            )
            for h in batch
        ]
        Household.objects.bulk_create(households)
        pairs = [
            (self._person(household, p), p)
            for household, h in zip(households, batch, strict=True)
            for p in h.people
        ]
        Person.objects.bulk_create([person for person, _ in pairs])
        index_names(person for person, _ in pairs)
        USRecord.objects.bulk_create(
            _us_record(person, p.us_record) for person, p in pairs if p.us_record is not None
        )
        CanadaRelative.objects.bulk_create(
            canada_relative_new(person, p.canada_relative) for person, p in pairs if p.canada_relative
        )
        self.to_screen.extend(person.pk for person, _ in pairs)
        audit_many(
            [
                audit_entry(self.actor, AuditAction.HOUSEHOLD_IMPORT, household, outcome="created",
                            people=len(h.people))
                for household, h in zip(households, batch, strict=True)
            ]
        )  # fmt: skip
        return [
            HouseholdOutcome(h.external_id, household.reference, "created", len(h.people), row=h.row)
            for household, h in zip(households, batch, strict=True)
        ]

    @staticmethod
    def _person(household: Household, intake: IntakePerson) -> Person:
        person = Person(household=household, external_id=intake.external_id)
        apply_fields(person, intake.fields, PERSON_FIELDS)
        return person

    def update(self, household: Household, intake: IntakeHousehold) -> HouseholdOutcome:
        ensure_can_edit(self.actor, household)
        result = HouseholdOutcome(intake.external_id, household.reference, "unchanged", row=intake.row)
        changed_fields: set[str] = set()
        if self.columns.notes and apply_fields(household, {"notes": intake.notes}, ["notes"]):
            household.save(update_fields=["notes"])
            changed_fields.add("notes")
        people: dict[str, Person] = {}
        for known in household.people.all():
            people.setdefault(known.external_id or str(known.public_id), known)
        for person_intake in intake.people:
            person = people.get(person_intake.external_id)
            if person is None:
                self._add_person(household, person_intake)
                result.people_added += 1
            elif fields := self._update_person(household, person, person_intake):
                changed_fields.update(fields)
                result.people_changed += 1
        listed = {p.external_id for p in intake.people}
        result.people_missing = sorted(key for key in people if key not in listed)
        if changed_fields or result.people_added:
            result.outcome = "updated"
            touch(household, self.actor)
            audit(
                self.actor,
                AuditAction.HOUSEHOLD_IMPORT,
                household,
                outcome="updated",
                people_added=result.people_added,
                people_changed=result.people_changed,
                fields=sorted(changed_fields),
            )
        return result

    def _add_person(self, household: Household, intake: IntakePerson) -> None:
        person = self._person(household, intake)
        check_principal(household, person)
        person.save()
        index_names([person])
        self.to_screen.append(person.pk)
        self._save_us_record(person, intake)
        self._save_relative(person, intake)

    def _update_person(self, household: Household, person: Person, intake: IntakePerson) -> set[str]:
        values = {k: intake.fields[k] for k in self.columns.person_fields}
        changed = set(apply_fields(person, values, PERSON_FIELDS))
        if changed:
            if "relationship" in changed:
                check_principal(household, person)
            person.save()
            if NAME_FIELDS.intersection(changed):
                reindex_names(person)
            if SCREENED_FIELDS.intersection(changed):
                self.to_screen.append(person.pk)
        changed.update(self._save_us_record(person, intake))
        changed.update(self._save_relative(person, intake))
        return changed

    def _save_us_record(self, person: Person, intake: IntakePerson) -> set[str]:
        if intake.us_record is None:
            return set()
        record = USRecord.objects.filter(person=person).first()
        created = record is None
        record = record or USRecord.of(person)
        given = {k: v for k, v in intake.us_record.items() if k in self.columns.us_fields or created}
        changed = us_record_apply(record, us_record_values(given))
        if changed or created:
            record.save()
            return {f"us_record.{name}" for name in changed}
        return set()

    def _save_relative(self, person: Person, intake: IntakePerson) -> set[str]:
        relative = intake.canada_relative
        if relative is None or any(
            r.full_name == relative["full_name"] for r in CanadaRelative.objects.filter(person=person)
        ):
            return set()
        canada_relative_new(person, relative).save()
        return {"canada_relative"}
