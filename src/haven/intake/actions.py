"""``cases_import``: the one write path for a checked caseload spreadsheet.

A bulk action, like ``haven seed``, because ten thousand households through the per-field actions would
take too long: it checks the same permission as ``household_create`` and ``ensure_can_edit``, writes the
whole file in ONE transaction, keeps the name index (``person_keys``) and the A-number index
(``index_value``) exactly as the case actions keep them, records one audit entry per household it
created or changed (field names and counts, never values), and screens the new and renamed people
against the registries once the import is committed.

Households are found again by the organisation's own id (``Household.external_id``, or Haven's
reference, which an export writes when there is no own id) and people by theirs (``Person.external_id``
or their public id): re-importing a file updates rather than duplicates. A column the file lacks leaves
Haven's value alone; a column it has sets the value, even to empty.

An import never deletes and never demotes anyone. A person Haven holds in a re-imported household but the
file no longer lists is kept and named (by their id) in the household's outcome, for the person
importing to deal with in Haven; removing someone stays a deliberate act on the household's page. A
file that names a different principal applicant for a household Haven holds is a row error
(``check_against_haven``): the household is not imported, as with any other invalid row.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.audit.record import audit_record, audit_records
from haven.cases.actions.base import apply_fields, ensure_can_edit
from haven.cases.actions.people import NAME_FIELDS, PERSON_FIELDS, person_keys, reindex_names
from haven.cases.actions.us_record import US_RECORD_FIELDS
from haven.cases.models import CanadaRelative, Household, Person, PersonNameKey, USRecord
from haven.errors import HavenError, NotAllowed
from haven.registries.screening import screen_everyone
from haven.security.sensitive import index_value
from haven_core.intake import IntakeHousehold, IntakePerson, IntakeReport
from haven_core.intake.reimport import check_principals
from haven_core.intake.rows import US_KEYS
from haven_core.roles import COALITION_WIDE, can_use_caseload

BATCH = 500


class ImportRefused(HavenError):
    """The file has invalid rows and the person importing did not choose to import only the valid ones."""


@dataclass
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
class ImportOutcome:
    households: list[HouseholdOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # the external ids of invalid households
    dry_run: bool = False

    @property
    def counts(self) -> Counter[str]:
        return Counter(h.outcome for h in self.households)

    @property
    def people_missing(self) -> list[tuple[HouseholdOutcome, str]]:
        """Every person kept in Haven though the file no longer lists them, with their household."""
        return [(h, person) for h in self.households for person in h.people_missing]


def check_can_import(actor: Actor, organisation: Organisation) -> None:
    if not can_use_caseload(actor.role):
        raise NotAllowed(_("Your role does not work with households."))
    if actor.role not in COALITION_WIDE and actor.organisation_id != organisation.pk:
        raise NotAllowed(_("You can only import into your own organisation."))


def check_against_haven(*, organisation: Organisation, report: IntakeReport) -> None:
    """Add to ``report`` the row problems only Haven's records show: a household Haven already holds
    whose file names another principal applicant. Checking again adds nothing."""
    ids = [h.external_id for h in report.households]
    principals: dict[str, str] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        people = (
            Person.objects.filter(relationship="principal", household__organisation=organisation)
            .filter(Q(household__external_id__in=chunk) | Q(household__reference__in=chunk))
            .select_related("household")
            .only("external_id", "public_id", "household__external_id", "household__reference")
        )
        for person in people:
            key = person.external_id or str(person.public_id)
            principals[person.household.external_id or person.household.reference] = key
            principals.setdefault(person.household.reference, key)
    check_principals(report, principals)


def cases_import(
    *,
    actor: Actor,
    organisation: Organisation,
    report: IntakeReport,
    only_valid: bool = False,
    dry_run: bool = False,
    advance: Callable[[int], None] | None = None,
    stream: TextIO | OutputWrapper | None = None,
) -> ImportOutcome:
    """Import the checked households of ``report`` into ``organisation``; with ``dry_run``, say what
    would change and roll everything back."""
    check_can_import(actor, organisation)
    with transaction.atomic():
        check_against_haven(organisation=organisation, report=report)
        if report.errors and not only_valid:
            raise ImportRefused(_("The file has invalid rows: nothing was imported."))
        outcome = ImportOutcome(skipped=[h.external_id for h in report.invalid_households], dry_run=dry_run)
        chosen = report.valid_households
        writer = _Writer(actor, organisation, report)
        existing = writer.existing([h.external_id for h in chosen])
        fresh = [h for h in chosen if h.external_id not in existing]
        for batch in _batches(fresh):
            outcome.households += writer.create(batch)
            if advance:
                advance(len(batch))
        for intake in chosen:
            if intake.external_id in existing:
                outcome.households.append(writer.update(existing[intake.external_id], intake))
                if advance:
                    advance(1)
        if dry_run:
            transaction.set_rollback(True)
        elif writer.to_screen:
            ids = sorted(writer.to_screen)
            transaction.on_commit(
                lambda: screen_everyone(
                    actor=actor, stream=stream or _Quiet(), people=Person.objects.filter(pk__in=ids)
                )
            )
    return outcome


class _Quiet:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        return None


def _batches(items: Iterable[IntakeHousehold]) -> Iterator[list[IntakeHousehold]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def _us_values(values: dict[str, Any]) -> dict[str, Any]:
    """The rules ``us_record_save`` applies: the detained status always means in custody, removed never."""
    values = dict(values)
    if values.get("status") == "detained":
        values["detained"] = True
    if values.get("status") == "removed":
        values["detained"] = False
    return values


def _us_record(person: Person, values: dict[str, Any]) -> USRecord:
    values = _us_values(values)
    key = index_value(values["a_number"]) if values["a_number"] else ""
    return USRecord(person=person, a_number_key=key, **values)


class _Writer:
    def __init__(self, actor: Actor, organisation: Organisation, report: IntakeReport) -> None:
        self.actor, self.organisation = actor, organisation
        self.person_fields = [f for f in PERSON_FIELDS if report.given(f) or f == "relationship"]
        self.us_fields = [name for key, name in US_KEYS.items() if report.given(key)]
        self.notes_given = report.given("household_notes")
        self.to_screen: set[int] = set()
        self.owner = actor.user if getattr(actor.user, "pk", None) else None

    def existing(self, ids: list[str]) -> dict[str, Household]:
        found: dict[str, Household] = {}
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            for household in Household.objects.filter(organisation=self.organisation).filter(
                Q(external_id__in=chunk) | Q(reference__in=chunk)
            ):
                found[household.external_id or household.reference] = household
                found.setdefault(household.reference, household)
        return found

    def entry(self, household: Household, **detail: Any) -> dict[str, Any]:
        return {
            "actor": self.actor.user,
            "action": "household.import",
            "organisation": self.organisation,
            "household_ref": household.reference,
            "ip": self.actor.ip,
            "detail": detail,
        }

    def audit(self, household: Household, **detail: Any) -> None:
        audit_record(**self.entry(household, **detail))

    def create(self, batch: list[IntakeHousehold]) -> list[HouseholdOutcome]:
        households = [
            Household(
                organisation=self.organisation, owner=self.owner, notes=h.notes, external_id=h.external_id
            )
            for h in batch
        ]
        Household.objects.bulk_create(households)
        pairs = [
            (Person(household=household, external_id=p.external_id, **p.fields), p)
            for household, h in zip(households, batch, strict=True)
            for p in h.people
        ]
        Person.objects.bulk_create([person for person, _ in pairs])
        PersonNameKey.objects.bulk_create(
            PersonNameKey(person=person, key=key)
            for person, _ in pairs
            for key in sorted(person_keys(person))
        )
        USRecord.objects.bulk_create(
            _us_record(person, p.us_record) for person, p in pairs if p.us_record is not None
        )
        CanadaRelative.objects.bulk_create(
            CanadaRelative(person=person, **p.canada_relative)
            for person, p in pairs
            if p.canada_relative is not None
        )
        self.to_screen.update(person.pk for person, _ in pairs)
        audit_records(
            [
                self.entry(household, outcome="created", people=len(h.people))
                for household, h in zip(households, batch, strict=True)
            ]
        )
        return [
            HouseholdOutcome(h.external_id, household.reference, "created", len(h.people), row=h.row)
            for household, h in zip(households, batch, strict=True)
        ]

    def update(self, household: Household, intake: IntakeHousehold) -> HouseholdOutcome:
        ensure_can_edit(self.actor, household)
        result = HouseholdOutcome(intake.external_id, household.reference, "unchanged", row=intake.row)
        changed_fields: set[str] = set()
        if self.notes_given and apply_fields(household, {"notes": intake.notes}, ["notes"]):
            changed_fields.add("notes")
        people = {}
        for person in household.people.all():
            people.setdefault(person.external_id or str(person.public_id), person)
        for person_intake in intake.people:
            person = people.get(person_intake.external_id)
            if person is None:
                self._add_person(household, person_intake)
                result.people_added += 1
            elif fields := self._update_person(person, person_intake):
                changed_fields.update(fields)
                result.people_changed += 1
        listed = {p.external_id for p in intake.people}
        result.people_missing = sorted(key for key in people if key not in listed)
        if changed_fields or result.people_added:
            result.outcome = "updated"
            household.save()
            self.audit(
                household,
                outcome="updated",
                people_added=result.people_added,
                people_changed=result.people_changed,
                fields=sorted(changed_fields),
            )
        return result

    def _add_person(self, household: Household, intake: IntakePerson) -> None:
        person = Person(household=household, external_id=intake.external_id, **intake.fields)
        person.save()
        reindex_names(person)
        self.to_screen.add(person.pk)
        self._save_us_record(person, intake)
        self._save_relative(person, intake)

    def _update_person(self, person: Person, intake: IntakePerson) -> set[str]:
        values = {k: intake.fields[k] for k in self.person_fields}
        changed = set(apply_fields(person, values, PERSON_FIELDS))
        if changed:
            person.save()
            if NAME_FIELDS.intersection(changed):
                reindex_names(person)
            if NAME_FIELDS.union({"birth_date"}).intersection(changed):
                self.to_screen.add(person.pk)
        changed.update(self._save_us_record(person, intake))
        changed.update(self._save_relative(person, intake))
        return changed

    def _save_us_record(self, person: Person, intake: IntakePerson) -> set[str]:
        if intake.us_record is None:
            return set()
        record = USRecord.objects.filter(person=person).first()
        created = record is None
        record = record or USRecord(person=person)
        values = _us_values({k: v for k, v in intake.us_record.items() if k in self.us_fields or created})
        changed = apply_fields(record, values, US_RECORD_FIELDS)
        if changed or created:
            record.a_number_key = index_value(record.a_number) if record.a_number else ""
            record.save()
            return {f"us_record.{name}" for name in changed}
        return set()

    def _save_relative(self, person: Person, intake: IntakePerson) -> set[str]:
        relative = intake.canada_relative
        if relative is None or any(
            r.full_name == relative["full_name"] for r in CanadaRelative.objects.filter(person=person)
        ):
            return set()
        CanadaRelative.objects.create(person=person, **relative)
        return {"canada_relative"}
