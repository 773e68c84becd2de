"""``cases_export``: an organisation's own caseload as a spreadsheet with the import's columns.

What comes out goes back in: the Household ID is the organisation's own id, or Haven's reference when
there is none, and the Person ID likewise, so that importing an export updates rather than duplicates.
An export is audited (who, which organisation, how many households, which format), never its content.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.accounts.visibility import can_work_for
from haven.cases.models import CanadaRelative, Household, Person
from haven.errors import NotAllowed
from haven.intake.actions import caseload_export_record
from haven_core.anumber import format_a_number
from haven_core.intake import COLUMNS, header_row, write_csv, write_xlsx
from haven_core.intake.rows import PERSON_KEYS, US_KEYS

FORMATS = ("xlsx", "csv")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _person_row(household: Household, person: Person, first: bool) -> list[str]:
    values: dict[str, str] = {
        "household_id": household.external_id or household.reference,
        "person_id": person.external_id or str(person.public_id),
        "household_notes": household.notes if first else "",
    }
    for key in PERSON_KEYS:
        value = getattr(person, key)
        values[key] = (
            "; ".join(value.splitlines()) if key in ("other_spellings", "former_names") else _text(value)
        )
    record = getattr(person, "us_record", None)
    if record is not None:
        for key, name in US_KEYS.items():
            values[key] = _text(getattr(record, name))
        values["a_number"] = format_a_number(record.a_number) if record.a_number else ""
    relatives = list(person.canada_relatives.all())
    if relatives:
        relative = relatives[0]
        values["canada_relative_name"] = relative.full_name
        values["canada_relative_relationship"] = relative.relationship
        values["canada_relative_status"] = relative.canadian_status
        values["canada_relative_city"] = relative.city
    return [values.get(column.key, "") for column in COLUMNS]


def caseload_rows(organisation: Organisation) -> Iterator[list[str]]:
    people = Person.objects.select_related("us_record").prefetch_related(
        Prefetch("canada_relatives", queryset=CanadaRelative.objects.order_by("id"))
    )
    households = (
        Household.objects.filter(organisation=organisation)
        .order_by("id")
        .prefetch_related(Prefetch("people", queryset=people))
    )
    for household in households.iterator(chunk_size=500):
        members = sorted(household.people.all(), key=lambda p: (p.relationship != "principal", p.pk))
        for index, person in enumerate(members):
            yield _person_row(household, person, index == 0)


def cases_export(
    *, actor: Actor, organisation: Organisation, fmt: str = "xlsx", language: str = "en"
) -> bytes:
    """The organisation's caseload as XLSX or CSV bytes, headers in ``language``; audited."""
    if not can_work_for(actor, organisation):
        raise NotAllowed(_("You can only export your own organisation's caseload."))
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    with transaction.atomic():
        rows = list(caseload_rows(organisation))
        caseload_export_record(
            actor=actor,
            organisation=organisation,
            fmt=fmt,
            people=len(rows),
            households=len({row[0] for row in rows}),
        )
    headers = header_row(language)
    return write_xlsx(headers, rows) if fmt == "xlsx" else write_csv(headers, rows)
