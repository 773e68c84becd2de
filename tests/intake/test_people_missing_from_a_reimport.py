"""Re-importing a household whose file no longer lists someone Haven has: the person is kept, never
deleted or demoted, and the report names them (by id, never by name) on the household's row."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils.translation import override

from haven.audit.models import AuditEntry
from haven.cases.models import Person
from tests.support.intake import confirm_import
from tests.support.personas import client_for

FIRST = (
    "ID семьи;Родство;Фамилия;Имя;Дата рождения\n"
    "F-2;;Лебедев;Артём;1979\n"
    "F-1;;Смирнова;Ольга;12.03.1984\n"
    "F-1;сын;Смирнов;Иван;2015\n"
    "F-1;дочь;Смирнова;Анна;2018\n"
)
# Анна (F-1/3) is no longer listed: the file has F-1's first two people only, Иван's birth date corrected.
LATER = (
    "ID семьи;Родство;Фамилия;Имя;Дата рождения\n"
    "F-2;;Лебедев;Артём;1979\n"
    "F-1;;Смирнова;Ольга;12.03.1984\n"
    "F-1;сын;Смирнов;Иван;2014\n"
)
NOTICE = "row 3, household F-1: person F-1/3 is in Haven but not in the file: kept, not deleted"


def run(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "caseload.csv"
    path.write_bytes(text.encode("cp1251"))
    out = io.StringIO()
    with override("en"):
        call_command("import-cases", str(path), *args, "--no-duplicates", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_person_left_out_is_kept_and_reported_on_the_households_row(tmp_path: Path, org_a: Any) -> None:
    run(tmp_path, FIRST, "--org", org_a.slug)
    output = run(tmp_path, LATER, "--org", org_a.slug)
    assert NOTICE in output
    assert output.count("is in Haven but not in the file") == 1  # F-2 lists everyone
    assert "0 created, 1 updated, 1 unchanged" in output
    anna = Person.objects.get(external_id="F-1/3")
    assert (anna.given_name_cyrillic, anna.relationship) == ("Анна", "child")  # kept as she was
    assert Person.objects.count() == 4
    assert "Анна" not in output and "Смирнова" not in output  # ids, never names


def test_without_person_ids_the_report_warns_that_places_shift(tmp_path: Path, org_a: Any) -> None:
    run(tmp_path, FIRST, "--org", org_a.slug)
    # Иван's row is left out: Анна, third before, is now second and is read as F-1/2.
    output = run(tmp_path, FIRST.replace("F-1;сын;Смирнов;Иван;2015\n", ""), "--org", org_a.slug, "--dry-run")
    assert "person F-1/3 is in Haven but not in the file" in output
    assert "The file has no Person ID column, so people are known by their place in the household" in output
    with_ids = "ID семьи;ID человека;Фамилия\nF-1;F-1/1;Смирнова\nF-1;F-1/3;Смирнова\nF-2;F-2/1;Лебедев\n"
    output = run(tmp_path, with_ids, "--org", org_a.slug, "--dry-run")
    assert "person F-1/2 is in Haven but not in the file" in output
    assert "no Person ID column" not in output


def test_the_dry_run_says_so_too_and_writes_nothing(tmp_path: Path, org_a: Any) -> None:
    run(tmp_path, FIRST, "--org", org_a.slug)
    entries = AuditEntry.objects.count()
    output = run(tmp_path, LATER, "--org", org_a.slug, "--dry-run")
    assert NOTICE in output and "Nothing was written" in output
    assert Person.objects.get(external_id="F-1/2").birth_date == "2015"
    assert AuditEntry.objects.count() == entries


def test_an_unchanged_household_with_someone_left_out_is_still_reported(tmp_path: Path, org_a: Any) -> None:
    run(tmp_path, FIRST, "--org", org_a.slug)
    output = run(tmp_path, LATER.replace("2014", "2015"), "--org", org_a.slug)
    assert NOTICE in output and "0 created, 0 updated, 2 unchanged" in output


def test_the_preview_lists_who_is_kept(caseworker_a: Any, org_a: Any, settings: Any) -> None:
    client = client_for(caseworker_a)
    for text in (FIRST, LATER):
        file = SimpleUploadedFile("caseload.csv", text.encode("cp1251"), content_type="text/csv")
        page = client.post("/intake/", {"file": file, "date_order": "auto"}).content.decode()
        if text == FIRST:
            confirm_import(client)
    assert "In Haven but not in the file" in page
    assert (
        '<td class="num">3</td><td class="mono">F-1</td><td class="mono">F-1/3</td><td>Kept, not deleted</td>'
        in page
    )
    assert "Анна" not in page
    assert "The file has no Person ID column, so people are known by their place in the household" in page
    confirm_import(client)
    assert Person.objects.filter(external_id="F-1/3").exists()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    file = SimpleUploadedFile("caseload.csv", LATER.encode("cp1251"), content_type="text/csv")
    page = client.post("/intake/", {"file": file, "date_order": "auto"}).content.decode()
    assert "В Haven, но не в файле" in page and "Остаётся, не удаляется" in page
    assert "В файле нет столбца «ID человека», поэтому люди узнаются по месту в семье" in page
