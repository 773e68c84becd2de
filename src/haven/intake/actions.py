"""``cases_import``: importing a checked caseload spreadsheet, all or nothing.

This module decides WHAT to import (the valid households, or nothing when the file has invalid rows and
the person importing did not choose only the valid ones; a dry run rolls back) and finds the households
Haven already holds; the writing is the case actions' bulk action
(:func:`haven.cases.actions.imports.households_import`), so the name index, US-record rules, ties to
Canada, reassessment and screening are the single actions' own code. The whole file is written in ONE
transaction, with one audit entry per household created or changed (field names and counts, never
values).

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

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.audit.record import audit_record
from haven.cases.actions.imports import HouseholdOutcome, ImportColumns, households_import
from haven.cases.actions.people import PERSON_FIELDS
from haven.cases.models import Household, Person
from haven.errors import HavenError, NotAllowed
from haven_core.intake import IntakeReport
from haven_core.intake.reimport import check_principals
from haven_core.intake.rows import US_KEYS
from haven_core.roles import COALITION_WIDE, can_use_caseload

BATCH = 500
__all__ = [
    "HouseholdOutcome",
    "ImportOutcome",
    "ImportRefused",
    "caseload_export_record",
    "cases_import",
    "check_against_haven",
    "check_can_import",
]


class ImportRefused(HavenError):
    """The file has invalid rows and the person importing did not choose to import only the valid ones."""


@dataclass
class ImportOutcome:
    counts: Counter[str] = field(default_factory=Counter)  # households by outcome: created, updated…
    # The households worth naming: updated, or with people Haven has that the file does not list (every
    # household when the import was asked for all: ``cases_import(every_household=True)``).
    households: list[HouseholdOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # the external ids of invalid households
    dry_run: bool = False

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
    every_household: bool = False,
) -> ImportOutcome:
    """Import the checked households of ``report`` into ``organisation``; with ``dry_run``, say what
    would change and roll everything back. The outcome counts the households and names those updated
    or missing people (all of them with ``every_household``, for a listing of each)."""
    check_can_import(actor, organisation)
    with transaction.atomic():
        check_against_haven(organisation=organisation, report=report)
        if report.errors and not only_valid:
            raise ImportRefused(_("The file has invalid rows: nothing was imported."))
        outcome = ImportOutcome(skipped=[h.external_id for h in report.invalid_households], dry_run=dry_run)
        chosen = report.valid_households
        tally = households_import(
            actor=actor,
            organisation=organisation,
            households=report.read(chosen),
            existing=_existing(organisation, [h.external_id for h in chosen]),
            columns=_columns(report),
            advance=advance,
            stream=stream,
            every=every_household,
        )
        outcome.counts, outcome.households = tally.counts, tally.named
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _columns(report: IntakeReport) -> ImportColumns:
    return ImportColumns(
        person_fields=tuple(f for f in PERSON_FIELDS if report.given(f) or f == "relationship"),
        us_fields=tuple(name for key, name in US_KEYS.items() if report.given(key)),
        notes=report.given("household_notes"),
    )


def _existing(organisation: Organisation, ids: list[str]) -> dict[str, int]:
    """The households of ``organisation`` the file names, by their own id or Haven's reference: the
    pk of each (the households themselves are read as they are written, a batch at a time)."""
    found: dict[str, int] = {}
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = (
            Household.objects.filter(organisation=organisation)
            .filter(Q(external_id__in=chunk) | Q(reference__in=chunk))
            .values_list("pk", "external_id", "reference")
        )
        for pk, external_id, reference in rows:
            found[external_id or reference] = pk
            found.setdefault(reference, pk)
    return found


def caseload_export_record(
    *, actor: Actor, organisation: Organisation, fmt: str, people: int, households: int
) -> None:
    """Record an export of ``organisation``'s caseload (:func:`haven.intake.export.cases_export`), in the
    transaction that read it: the format and how many, never the content."""
    audit_record(
        actor=actor.user,
        action="caseload.export",
        organisation=organisation,
        ip=actor.ip,
        detail={"format": fmt, "people": people, "households": households},
    )
