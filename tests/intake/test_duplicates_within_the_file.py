"""The same person twice in one file: in two households, flagged by the identity matcher with both row
numbers (in the dry-run report and the preview); the same Person ID twice in a household, a row error
with both row numbers."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.translation import override

from haven.cases.models import Household
from haven.intake.choices import import_choices
from haven.intake.duplicates import in_file_duplicates
from haven_core.intake import Table, validate
from tests.support.personas import client_for

# Юлия Котова heads K-1 and is copied into her brother's household K-7, spelt in Latin there.
SPLIT = (
    "ID семьи;Родство;Фамилия;Имя;Отчество;Фамилия (латиницей);Имя (латиницей);Дата рождения\n"
    "K-1;;Котова;Юлия;Сергеевна;;;12.04.1988\n"
    "K-1;сын;Котов;Максим;;;;2014\n"
    "K-7;;Котов;Андрей;Сергеевич;;;03.09.1985\n"
    "K-7;сестра;;;;KOTOVA;IULIIA;12.04.1988\n"
    "K-9;;Орлова;Вера;;;;1990\n"
)


def run(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "caseload.csv"
    path.write_bytes(text.encode("cp1251"))
    out = io.StringIO()
    with override("en"):
        call_command("import-cases", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_same_person_in_two_households_is_flagged_with_both_rows(tmp_path: Path, org_a: Any) -> None:
    output = run(tmp_path, SPLIT, "--org", org_a.slug, "--dry-run")
    lines = [line for line in output.splitlines() if "two households of the file" in line]
    assert len(lines) == 1, output
    assert lines[0].startswith(
        "rows 2 and 5: may be the same person in two households of the file (K-1, K-7;"
    )
    assert "Котова" not in output and "KOTOVA" not in output
    assert "Would import: 3 created" in output  # flagged, never merged or refused
    assert not Household.objects.exists()


def check(rows: list[tuple[int, list[str]]]) -> list[tuple[int, str, int, str, str]]:
    report = validate(Table(["Household ID", "Фамилия", "Имя", "Дата рождения"], rows), import_choices())
    return [(d.row, d.household_id, d.other_row, d.other_household_id, d.decision)
            for d in in_file_duplicates(report=report)]  # fmt: skip


def test_relatives_of_one_household_are_not_duplicates_of_each_other() -> None:
    юлия = ["Котова", "Юлия", "12.04.1988"]
    assert check([(2, ["K-1", *юлия]), (3, ["K-1", *юлия])]) == []
    assert check([(2, ["K-1", *юлия]), (3, ["K-2", *юлия])]) == [(2, "K-1", 3, "K-2", "match")]
    assert check([(2, ["K-1", *юлия]), (3, ["K-2", "Орлова", "Вера", "1990"])]) == []


def test_no_duplicates_skips_the_search(tmp_path: Path, org_a: Any) -> None:
    output = run(tmp_path, SPLIT, "--org", org_a.slug, "--dry-run", "--no-duplicates")
    assert "two households of the file" not in output


def test_the_preview_flags_them_with_both_rows(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    file = SimpleUploadedFile("caseload.csv", SPLIT.encode("cp1251"), content_type="text/csv")
    page = client.post("/intake/", {"file": file, "date_order": "auto"}).content.decode()
    assert "The same person in two households of the file?" in page
    assert (
        '<td class="num">2</td><td class="mono">K-1</td><td class="num">5</td><td class="mono">K-7</td>'
        in page
    )
    assert "Котова" not in page and "KOTOVA" not in page


def test_the_same_person_id_twice_in_a_household_is_an_error_with_both_rows(
    tmp_path: Path, org_a: Any
) -> None:
    text = "ID семьи;ID человека;Фамилия\nF-1;P-1;Смирнова\nF-2;P-1;Лебедев\nF-1;P-1;Смирнов\n"
    out = io.StringIO()
    path = tmp_path / "caseload.csv"
    path.write_bytes(text.encode("cp1251"))
    with pytest.raises(CommandError, match="nothing was imported"), override("en"):
        call_command("import-cases", str(path), "--org", org_a.slug, stdout=out, stderr=io.StringIO())
    assert (
        "row 4, Person ID: Person ID 'P-1' is given twice in this household, on rows 2 and 4: give each "
        "person their own id." in out.getvalue()
    )
    # P-1 of F-2 is another household's own numbering, not an error: ids are the household's.
    assert "row 3" not in out.getvalue()
    assert not Household.objects.exists()
