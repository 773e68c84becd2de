"""A re-imported file that names another principal applicant for a household Haven holds: a row error
that says what Haven has, what the file says and what to do; never a silent swap, never a crash of the
one-principal rule, and nothing half-imported."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.translation import override

from haven.accounts.actor import Actor
from haven.cases.models import Household, Person
from haven.intake.actions import ImportRefused, cases_import
from haven.intake.choices import import_choices
from haven_core.intake import Table, validate
from tests.support.intake import confirm_import
from tests.support.personas import client_for

FIRST = (
    "ID семьи;ID человека;Родство;Фамилия;Имя;Дата рождения\n"
    "F-1;P-1;заявитель;Смирнова;Ольга;12.03.1984\n"
    "F-1;P-2;супруг;Смирнов;Павел;1980\n"
    "F-2;P-3;;Лебедев;Артём;1979\n"
)
# The spouse is now named as the principal applicant and Ольга as his spouse; F-2 gains a child.
SWAPPED = (
    "ID семьи;ID человека;Родство;Фамилия;Имя;Дата рождения\n"
    "F-1;P-1;супруг;Смирнова;Ольга;12.03.1984\n"
    "F-1;P-2;заявитель;Смирнов;Павел;1980\n"
    "F-2;P-3;;Лебедев;Артём;1979\n"
    "F-2;P-4;сын;Лебедев;Илья;2012\n"
)
# Someone new is named principal, and the principal Haven has is left out of the file.
REPLACED = (
    "ID семьи;ID человека;Родство;Фамилия;Имя;Дата рождения\n"
    "F-1;P-9;заявитель;Смирнова;Анна;1990\n"
    "F-1;P-2;супруг;Смирнов;Павел;1980\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "caseload.csv"
    path.write_bytes(text.encode("cp1251"))
    return path


def run(path: Path, *args: str) -> tuple[str, CommandError | None]:
    out = io.StringIO()
    try:
        with override("en"):  # the refusal is in English, as the command's terminal language
            call_command(
                "import-cases", str(path), *args, "--no-duplicates", stdout=out, stderr=io.StringIO()
            )
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


def principals() -> dict[str, str]:
    return {
        p.household.external_id: p.external_id
        for p in Person.objects.filter(relationship="principal").select_related("household")
    }


def test_a_swapped_principal_is_a_row_error_and_nothing_is_imported(tmp_path: Path, org_a: Any) -> None:
    run(write(tmp_path, FIRST), "--org", org_a.slug)
    output, error = run(write(tmp_path, SWAPPED), "--org", org_a.slug)
    assert error is not None and "nothing was imported" in str(error)
    assert (
        "row 3, Relationship: Haven has 'P-1' as the principal applicant of household 'F-1'; the file names "
        "'P-2'. An import never changes a principal: change it on the household's page in Haven first, or "
        "name 'P-1' as the principal in the file." in output
    )
    assert principals() == {"F-1": "P-1", "F-2": "P-3"}  # not swapped
    assert Person.objects.count() == 3  # F-2's new child waits with the rest of the file


def test_the_error_reads_in_russian(tmp_path: Path, org_a: Any) -> None:
    run(write(tmp_path, FIRST), "--org", org_a.slug)
    output, _ = run(write(tmp_path, SWAPPED), "--org", org_a.slug, "--language", "ru")
    assert "строка 3, Родство: В Haven основной заявитель семьи «F-1» — «P-1», а в файле — «P-2»." in output


def test_only_valid_imports_the_other_households_and_leaves_this_one_whole(
    tmp_path: Path, org_a: Any
) -> None:
    run(write(tmp_path, FIRST), "--org", org_a.slug)
    output, error = run(write(tmp_path, SWAPPED), "--org", org_a.slug, "--only-valid")
    assert error is None
    assert "0 created, 1 updated, 0 unchanged, 1 skipped as invalid" in output
    assert principals() == {"F-1": "P-1", "F-2": "P-3"}
    ольга = Person.objects.get(external_id="P-1")
    assert ольга.relationship == "principal"  # F-1 untouched: not half its rows
    assert Person.objects.filter(household__external_id="F-2").count() == 2


def test_a_new_principal_replacing_one_left_out_is_an_error_not_a_crash(tmp_path: Path, org_a: Any) -> None:
    run(write(tmp_path, FIRST), "--org", org_a.slug)
    output, error = run(write(tmp_path, REPLACED), "--org", org_a.slug, "--dry-run")
    assert error is not None
    assert "row 2, Relationship: Haven has 'P-1' as the principal applicant of household 'F-1'" in output
    output, error = run(write(tmp_path, REPLACED), "--org", org_a.slug, "--only-valid")
    assert error is None and "0 created, 0 updated, 0 unchanged, 1 skipped as invalid" in output
    assert not Person.objects.filter(external_id="P-9").exists()


def test_the_action_itself_refuses_a_swap_its_caller_did_not_check(org_a: Any) -> None:
    headers = ["Household ID", "Person ID", "Relationship", "Фамилия"]
    first = Table(
        headers, [(2, ["F-1", "P-1", "principal", "Смирнова"]), (3, ["F-1", "P-2", "spouse", "Смирнов"])]
    )
    cases_import(actor=Actor.system(), organisation=org_a, report=validate(first, import_choices()))
    swapped = Table(
        headers, [(2, ["F-1", "P-1", "spouse", "Смирнова"]), (3, ["F-1", "P-2", "principal", "Смирнов"])]
    )
    report = validate(swapped, import_choices())
    assert not report.errors  # the file alone is fine; only Haven's records show the change
    with pytest.raises(ImportRefused):
        cases_import(actor=Actor.system(), organisation=org_a, report=report)
    assert [e.code for e in report.errors] == ["principal_changed"]
    cases_import(actor=Actor.system(), organisation=org_a, report=report, only_valid=True)
    assert [e.code for e in report.errors] == ["principal_changed"]  # checking again adds nothing
    assert principals() == {"F-1": "P-1"}


def test_the_same_principal_again_is_no_error(tmp_path: Path, org_a: Any) -> None:
    run(write(tmp_path, FIRST), "--org", org_a.slug)
    output, error = run(write(tmp_path, FIRST.replace("Павел", "Павел Андреевич")), "--org", org_a.slug)
    assert error is None and "0 created, 1 updated, 1 unchanged" in output


def test_the_preview_shows_the_error_on_its_row(caseworker_a: Any, org_a: Any) -> None:
    client = client_for(caseworker_a)
    for text in (FIRST, SWAPPED):
        file = SimpleUploadedFile("caseload.csv", text.encode("cp1251"), content_type="text/csv")
        page = client.post("/intake/", {"file": file, "date_order": "auto"}).content.decode()
        if text == FIRST:
            confirm_import(client)
    assert "Rows to fix" in page
    assert '<td class="num">3</td><td>Relationship</td>' in page
    assert "An import never changes a principal" in page
    assert "Households updated: 1" in page and "Households with invalid rows: 1" in page
    confirm_import(client)  # without choosing "only the valid households"
    assert principals() == {"F-1": "P-1", "F-2": "P-3"} and Person.objects.count() == 3
    file = SimpleUploadedFile("caseload.csv", SWAPPED.encode("cp1251"), content_type="text/csv")
    client.post("/intake/", {"file": file, "date_order": "auto"})
    confirm_import(client, {"only_valid": "1"})
    assert "1 updated, 0 unchanged, 1 skipped as invalid" in client.get("/intake/").content.decode()
    assert principals() == {"F-1": "P-1", "F-2": "P-3"}
    assert Person.objects.get(external_id="P-1").relationship == "principal"  # F-1 whole, as it was
    assert Person.objects.filter(household__external_id="F-2").count() == 2
    assert Household.objects.count() == 2
