"""Importing a caseload spreadsheet: all or nothing, idempotent, duplicates flagged, only into one's own
organisation; through ``haven import-cases`` and the import action."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.caselist import search
from haven.cases.models import Household, Person, PersonNameKey, USRecord
from haven.errors import NotAllowed
from haven.intake.actions import ImportRefused, cases_import
from haven.intake.choices import import_choices
from haven.security.sensitive import index_value
from haven_core.intake import Table, validate

RUSSIAN = (
    "ID семьи;Родство;Фамилия;Имя;Отчество;Фамилия (латиницей);Имя (латиницей);Пол;Дата рождения;"
    "A-номер;Статус в США;Под стражей;Следующее заседание\n"
    "F-1;;Смирнова;Ольга;Петровна;SMIRNOVA;OLGA;Ж;12.03.1984;A 012-345-678;Под стражей;да;01.06.2026\n"
    "F-1;сын;Смирнов;Иван;;SMIRNOV;IVAN;М;2015;;;;\n"
    "F-2;;Лебедев;Артём;;LEBEDEV;ARTEM;М;1979;;;;\n"
)


def run(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("import-cases", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write(tmp_path: Path, text: str, encoding: str = "cp1251", name: str = "caseload.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_windows_1251_file_with_russian_headers_is_imported(tmp_path: Path, org_a: Any) -> None:
    output = run(write(tmp_path, RUSSIAN), "--org", org_a.slug, "--no-duplicates")
    assert "Read 3 rows (cp1251): 2 households, 2 valid." in output
    assert "Imported: 2 created, 0 updated, 0 unchanged, 0 skipped as invalid." in output
    household = Household.objects.get(organisation=org_a, external_id="F-1")
    principal = household.people.get(relationship="principal")
    assert (principal.surname_cyrillic, principal.birth_date, principal.external_id) == (
        "Смирнова",
        "1984-03-12",
        "F-1/1",
    )
    record = USRecord.objects.get(person=principal)
    assert (record.a_number, record.status, record.detained) == ("012345678", "detained", True)
    assert record.a_number_key == index_value("012345678")
    assert str(record.next_hearing_date) == "2026-06-01"
    assert household.people.get(relationship="child").given_name_cyrillic == "Иван"
    # The name index is the one the case actions keep: the person is found by another spelling.
    assert PersonNameKey.objects.filter(person=principal).exists()
    assert household in search(Household.objects.all(), "Smirnova Olga")
    assert household in search(Household.objects.all(), "A012345678")
    entries = AuditEntry.objects.filter(action="household.import")
    assert entries.count() == 2 and all("Смирнова" not in str(e.detail) for e in entries)


def test_a_malformed_row_is_reported_with_its_number_and_nothing_is_imported(
    tmp_path: Path, org_a: Any
) -> None:
    bad = RUSSIAN.replace("A 012-345-678", "A12")
    with pytest.raises(CommandError, match="nothing was imported"):
        out = io.StringIO()
        call_command(
            "import-cases", str(write(tmp_path, bad)), "--org", org_a.slug, stdout=out, stderr=io.StringIO()
        )
    assert "row 2, A-number: An A-number is the letter A" in out.getvalue()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import-cases", str(write(tmp_path, bad)), "--org", org_a.slug, "--language", "ru",
                     stdout=out, stderr=io.StringIO())  # fmt: skip
    assert "строка 2, A-номер: A-номер — это буква A и 8 или 9 цифр" in out.getvalue()
    assert not Household.objects.exists()
    assert not AuditEntry.objects.filter(action="household.import").exists()


def test_only_valid_imports_the_valid_households_whole(tmp_path: Path, org_a: Any) -> None:
    bad = RUSSIAN.replace(
        "F-1;сын;Смирнов;Иван;;SMIRNOV;IVAN;М;2015", "F-1;сын;Смирнов;Иван;;SMIRNOV;IVAN;М;31.02.2015"
    )
    output = run(write(tmp_path, bad), "--org", org_a.slug, "--only-valid", "--no-duplicates")
    assert "row 3, Date of birth" in output
    assert "1 created, 0 updated, 0 unchanged, 1 skipped as invalid" in output
    assert list(Household.objects.values_list("external_id", flat=True)) == ["F-2"]  # never half a family


def test_a_utf8_file_with_a_byte_order_mark_and_english_headers(tmp_path: Path, org_a: Any) -> None:
    text = "Household ID,Surname (Cyrillic),Given name (Cyrillic),Date of birth\nX-9,Орлова,Вера,04/23/1990\n"
    output = run(write(tmp_path, text, "utf-8-sig"), "--org", org_a.slug)
    assert "(utf-8-sig)" in output
    assert Person.objects.get().birth_date == "1990-04-23"


def test_ambiguous_dates_are_flagged_and_the_date_order_settles_them(tmp_path: Path, org_a: Any) -> None:
    text = "Household ID,Surname (Cyrillic),Date of birth\nX-9,Орлова,03/04/1990\n"
    path = write(tmp_path, text, "utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import-cases", str(path), "--org", org_a.slug, stdout=out, stderr=io.StringIO())
    assert "row 2, Date of birth: '03/04/1990' is ambiguous" in out.getvalue()
    run(path, "--org", org_a.slug, "--date-order", "mdy")
    assert Person.objects.get().birth_date == "1990-03-04"


def test_reimporting_updates_and_reports_what_changed(tmp_path: Path, org_a: Any) -> None:
    run(write(tmp_path, RUSSIAN), "--org", org_a.slug, "--no-duplicates")
    again = run(write(tmp_path, RUSSIAN), "--org", org_a.slug, "--no-duplicates")
    assert "0 created, 0 updated, 2 unchanged" in again
    changed = RUSSIAN.replace("Лебедев;Артём", "Лебедев;Артемий") + "F-1;дочь;Смирнова;Анна;;;;Ж;2018;;;;\n"
    output = run(write(tmp_path, changed), "--org", org_a.slug, "--no-duplicates")
    assert "0 created, 2 updated, 0 unchanged" in output
    assert "F-1 → " in output and "(1 people added, 0 changed)" in output
    assert "(0 people added, 1 changed)" in output
    assert Household.objects.count() == 2 and Person.objects.count() == 4
    artemii = Person.objects.get(household__external_id="F-2")
    assert artemii.given_name_cyrillic == "Артемий"
    assert set(PersonNameKey.objects.filter(person=artemii).values_list("key", flat=True))  # reindexed
    entry = AuditEntry.objects.filter(action="household.import").order_by("-seq").first()
    assert entry is not None and entry.detail["outcome"] == "updated"


def test_dry_run_reports_and_writes_nothing(tmp_path: Path, org_a: Any) -> None:
    output = run(write(tmp_path, RUSSIAN), "--org", org_a.slug, "--dry-run")
    assert "Would import: 2 created" in output and "Nothing was written" in output
    assert (
        not Household.objects.exists() and not AuditEntry.objects.filter(action="household.import").exists()
    )


def test_likely_duplicates_are_never_merged_nor_silently_copied(tmp_path: Path, household_a: Any) -> None:
    text = "ID семьи;Фамилия;Имя;Отчество;Дата рождения\nK-1;Котова;Юлия;Сергеевна;12.04.1988\n"
    output = run(write(tmp_path, text), "--org", household_a.organisation.slug, "--only-valid")
    assert f"row 2: likely already in Haven: {household_a.reference} (match" in output
    assert Household.objects.count() == 1  # held back until --update or --different-person says


def test_a_caseworker_imports_only_into_their_own_organisation(
    caseworker_a: Any, org_a: Any, org_b: Any
) -> None:
    report = validate(Table(["Household ID", "Фамилия"], [(2, ["A-1", "Иванова"])]), import_choices())
    actor = Actor.for_user(caseworker_a)
    with pytest.raises(NotAllowed):
        cases_import(actor=actor, organisation=org_b, report=report)
    outcome = cases_import(actor=actor, organisation=org_a, report=report)
    assert outcome.counts["created"] == 1
    assert Household.objects.get().owner == caseworker_a


def test_a_liaison_cannot_import(liaison: Any, org_a: Any) -> None:
    report = validate(Table(["Household ID", "Фамилия"], [(2, ["A-1", "Иванова"])]), import_choices())
    with pytest.raises(NotAllowed):
        cases_import(actor=Actor.for_user(liaison), organisation=org_a, report=report)


def test_the_action_refuses_a_report_with_errors(org_a: Any) -> None:
    report = validate(Table(["Household ID", "Пол"], [(2, ["A-1", "?"])]), import_choices())
    with pytest.raises(ImportRefused):
        cases_import(actor=Actor.system(), organisation=org_a, report=report)


def test_the_russian_template_imports_as_one_family(tmp_path: Path, org_a: Any) -> None:
    from haven_core.intake.template import template_xlsx

    path = tmp_path / "шаблон.xlsx"
    path.write_bytes(template_xlsx("ru"))
    assert "Imported: 1 created" in run(path, "--org", org_a.slug)
    assert Household.objects.get().people.count() == 2
    anna = Household.objects.get().people.get(relationship="principal")
    assert (anna.sex, anna.us_record.status) == ("F", "removal_proceedings")
    assert anna.us_record.next_hearing_date.isoformat() == "2026-06-01"


def test_the_russian_template_examples_are_written_in_russian() -> None:
    from haven_core.intake.files import read_table
    from haven_core.intake.template import template_xlsx

    rows = [cells for _, cells in read_table(template_xlsx("ru"), "шаблон.xlsx").rows]
    cells = {cell for row in rows for cell in row if cell}
    assert {"основной заявитель", "сын", "Ж", "М", "Идёт процедура депортации", "01.06.2026"} <= cells
    assert not cells & {"principal", "child", "removal_proceedings", "F", "M", "2026-06-01"}


def test_the_import_entries_keep_the_audit_chain_whole(tmp_path: Path, household_a: Any) -> None:
    run(write(tmp_path, RUSSIAN), "--org", household_a.organisation.slug, "--no-duplicates")
    out = io.StringIO()
    call_command("audit-verify", stdout=out)
    assert "holds" in out.getvalue()
    assert AuditEntry.objects.filter(action="household.import").count() == 2
