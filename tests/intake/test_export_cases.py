"""Exporting an organisation's own caseload with the import's columns: audited, and what comes out goes
back in unchanged."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import us_record_save
from haven.cases.models import Household
from haven.errors import NotAllowed
from haven.intake.export import caseload_rows, cases_export
from haven_core.intake import header_row, read_table


def test_export_then_import_into_another_organisation_gives_the_same_data(
    tmp_path: Path, household_a: Any, caseworker_a: Any, org_b: Any
) -> None:
    principal = household_a.people.get(relationship="principal")
    us_record_save(
        actor=Actor.for_user(caseworker_a),
        person=principal,
        fields={"a_number": "A12345678", "status": "final_order", "court": "Chicago"},
    )
    out = tmp_path / "caseload.xlsx"
    call_command(
        "export-cases", "--org", household_a.organisation.slug, "--out", str(out), stdout=io.StringIO()
    )
    exported = read_table(out.read_bytes(), out.name)
    assert exported.headers == header_row("en")
    assert len(exported.rows) == 2
    assert exported.rows[0][1][:3] == [household_a.reference, str(principal.public_id), "principal"]

    # The same two people in another organisation are likely duplicates: importing them again is a
    # deliberate "different person" (the command sees the whole coalition).
    with pytest.raises(CommandError, match="Rows 2, 3 are likely already in Haven"):
        call_command(
            "import-cases", str(out), "--org", org_b.slug, stdout=io.StringIO(), stderr=io.StringIO()
        )
    call_command(
        "import-cases", str(out), "--org", org_b.slug, "--different-person", "2,3",
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    copy = Household.objects.get(organisation=org_b)
    assert copy.reference != household_a.reference and copy.external_id == household_a.reference
    assert list(caseload_rows(org_b)) == list(caseload_rows(household_a.organisation))


def test_a_csv_export_in_russian_reads_back(household_a: Any, caseworker_a: Any) -> None:
    data = cases_export(
        actor=Actor.for_user(caseworker_a), organisation=household_a.organisation, fmt="csv", language="ru"
    )
    table = read_table(data, "export.csv")
    assert table.encoding == "utf-8-sig" and table.headers == header_row("ru")
    assert [row[1][4] for row in table.rows] == ["Котова", "Котов"]


def test_an_export_is_audited_without_its_content(household_a: Any, caseworker_a: Any) -> None:
    cases_export(actor=Actor.for_user(caseworker_a), organisation=household_a.organisation)
    entry = AuditEntry.objects.get(action="caseload.export")
    assert entry.actor == caseworker_a and entry.organisation == household_a.organisation
    assert entry.detail == {"format": "xlsx", "people": 2, "households": 1}


def test_only_ones_own_caseload_is_exported(household_a: Any, caseworker_b: Any, liaison: Any) -> None:
    for user in (caseworker_b, liaison):
        with pytest.raises(NotAllowed):
            cases_export(actor=Actor.for_user(user), organisation=household_a.organisation)
    assert not AuditEntry.objects.filter(action="caseload.export").exists()
