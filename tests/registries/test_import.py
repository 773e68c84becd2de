"""Importing snapshots: counts, what changed since the previous one, and all-or-nothing on bad files."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from haven.audit.models import AuditEntry
from haven.registries.errors import RegistryImportError
from haven.registries.models import Appearance, Change, Entry, Registry, Snapshot
from tests.support.registries import CSV_2024, ROSFIN, ROSFIN_UPDATED, XLSX_2025, data_file, import_file

pytestmark = pytest.mark.django_db


def changed(snapshot: Snapshot, kind: str) -> set[str]:
    return set(Change.objects.filter(snapshot=snapshot, kind=kind).values_list("entry__reference", flat=True))


def test_the_2025_export_is_kept_whole() -> None:
    result = import_file(XLSX_2025)
    snapshot = result.snapshot
    assert snapshot is not None and snapshot.taken_on == dt.date(2025, 8, 15)
    assert (snapshot.entries_count, snapshot.individuals_count) == (1050, 648)
    assert Entry.objects.filter(kind="individual").count() == 648
    akunin = Entry.objects.get(registry__slug="minjust-foreign-agents", reference="743")
    assert akunin.names == ["Чхартишвили Григорий Шалвович", "Борис Акунин"]
    assert (akunin.birth_date, akunin.listed_on) == ("1956-05-20", dt.date(2024, 1, 12))
    assert akunin.first_snapshot == snapshot == akunin.last_snapshot
    assert result.previous is None and not Change.objects.exists()  # nothing to compare a first snapshot with
    entry = AuditEntry.objects.get(action="registry.import")
    assert entry.detail["entries"] == 1050 and entry.detail["sha256"] == snapshot.sha256


def test_the_newer_snapshot_says_who_was_added_and_removed() -> None:
    old = import_file(CSV_2024, taken_on=dt.date(2024, 2, 2)).snapshot
    new = import_file(XLSX_2025)
    assert new.previous == dt.date(2024, 2, 2)
    assert (len(new.added), len(new.removed)) == (287, 37)
    snapshot = new.snapshot
    assert snapshot is not None and (snapshot.added_count, snapshot.removed_count) == (287, 37)
    added, removed = changed(snapshot, "added"), changed(snapshot, "removed")
    assert {"1049", "1050", "764"} <= added and "763" not in added  # Солонин listed 2025-08-15
    assert "382" in removed  # Константинов, removed 15.03.2024
    assert "743" not in removed | added  # Акунин: listed 2024-01-12 and still listed
    assert "352" in changed(snapshot, "changed")  # Дремин gained his pseudonym "Face"
    dremin = Entry.objects.get(reference="352")
    assert dremin.first_snapshot == old and dremin.last_snapshot == snapshot and "Face" in dremin.names
    newly_listed = Entry.objects.filter(changes__snapshot=snapshot, changes__kind="added", kind="individual")
    assert newly_listed.filter(reference="1049").exists()


def test_an_older_snapshot_imported_later_fits_in_between() -> None:
    new = import_file(XLSX_2025).snapshot
    import_file(CSV_2024, taken_on=dt.date(2024, 2, 2))
    new.refresh_from_db()
    assert new.previous is not None and new.previous.taken_on == dt.date(2024, 2, 2)
    assert (new.added_count, new.removed_count) == (287, 37)
    dremin = Entry.objects.get(reference="352")
    assert "Face" in dremin.names and dremin.last_snapshot == new  # the newer values are kept
    assert dremin.first_snapshot.taken_on == dt.date(2024, 2, 2)


def test_the_two_rosfinmonitoring_pages() -> None:
    import_file(ROSFIN, taken_on=dt.date(2025, 3, 1))
    result = import_file(ROSFIN_UPDATED, taken_on=dt.date(2025, 3, 15))
    assert [e.name for e in result.added] == [
        "ИВАНОВ ИВАН ИВАНОВИЧ*",
        "ВЕРЕМЕЕВ ОЛЕГ ПЕТРОВИЧ",
        "КУРБАНОВ АНДРЕЙ БАХТИЕРОВИЧ*, (КУРБАНОВ АНДРЕЙ БАХТИЁРОВИЧ)",
    ]
    assert [e.reference for e in result.removed] == ["1", "4", "6"]  # КОЛОБОВ, АНТОНОВА, МАРАГИН
    assert [e.reference for e in result.changed] == ["2", "3", "5"]
    snapshot = result.snapshot
    assert snapshot is not None
    antipova = Change.objects.get(snapshot=snapshot, entry__reference="3")
    assert antipova.fields == ["name", "birth_date"]  # the mark dropped, the birth date published
    assert Entry.objects.get(reference="3").birth_date == "1957-05-12"
    kolobov = Entry.objects.get(reference="1")
    assert kolobov.last_snapshot.taken_on == dt.date(2025, 3, 1)  # not in the newer page


def test_a_dry_run_writes_nothing() -> None:
    result = import_file(XLSX_2025, dry_run=True)
    assert result.snapshot is None and result.entries == 1050
    assert not Snapshot.objects.exists() and not Entry.objects.exists() and not Registry.objects.exists()
    assert not AuditEntry.objects.filter(action="registry.import").exists()


def test_the_same_file_twice_or_the_same_day_twice_is_refused() -> None:
    import_file(ROSFIN, taken_on=dt.date(2025, 3, 1))
    with pytest.raises(RegistryImportError, match="already imported"):
        import_file(ROSFIN, taken_on=dt.date(2025, 3, 2))
    with pytest.raises(RegistryImportError, match="already has a snapshot dated 2025-03-01"):
        import_file(ROSFIN_UPDATED, taken_on=dt.date(2025, 3, 1))
    assert Snapshot.objects.count() == 1


def test_a_file_without_a_date_needs_one() -> None:
    with pytest.raises(RegistryImportError, match="--date"):
        import_file(CSV_2024)
    with pytest.raises(RegistryImportError, match="exported on 2025-08-15, not 2025-08-16"):
        import_file(XLSX_2025, taken_on=dt.date(2025, 8, 16))


def broken_xlsx(path: Path) -> Path:
    """The real export's first rows with a birth date that cannot be, in spreadsheet row 6."""
    source = openpyxl.load_workbook(io.BytesIO(data_file(XLSX_2025)), read_only=True)
    rows = [list(r) for r, _ in zip(source.active.iter_rows(values_only=True), range(10), strict=False)]
    source.close()
    rows[5][11] = "31.02.1980"
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_broken_row_names_the_row_and_imports_nothing(tmp_path: Path, capsys: Any) -> None:
    import_file(ROSFIN, taken_on=dt.date(2025, 3, 1))
    before = (Snapshot.objects.count(), Entry.objects.count(), Appearance.objects.count())
    with pytest.raises(CommandError) as raised:
        call_command("registry-import", str(broken_xlsx(tmp_path / "agents.xlsx")))
    assert "row 6: birth date '31.02.1980' is not a date" in str(raised.value)
    assert "Nothing was imported" in str(raised.value)
    assert (Snapshot.objects.count(), Entry.objects.count(), Appearance.objects.count()) == before
    assert not Registry.objects.filter(slug="minjust-foreign-agents").exists()


def test_a_generic_csv_needs_a_registry_name(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "list.csv"
    path.write_text("reference,name,birth_date\nA-1,Котова Юлия Сергеевна,1988-04-12\n", encoding="cp1251")
    with pytest.raises(CommandError, match="--registry NAME"):
        call_command("registry-import", str(path), "--date", "2025-01-10")
    call_command("registry-import", str(path), "--date", "2025-01-10", "--registry", "partner-list")
    assert Entry.objects.get(registry__slug="partner-list").names == ["Котова Юлия Сергеевна"]


def test_the_command_prints_the_changes(capsys: Any) -> None:
    base = Path(__file__).parents[2] / ".." / "shared" / "data"
    data_file(ROSFIN)  # skip without the samples
    call_command("registry-import", str(base / ROSFIN), "--date", "2025-03-01", "--no-screen")
    call_command("registry-import", str(base / ROSFIN_UPDATED), "--date", "2025-03-15", "--no-screen")
    out = capsys.readouterr().out
    assert "This is the registry's first snapshot" in out
    assert "Since 2025-03-01: 3 added, 3 removed, 3 changed." in out
    assert "  7  ИВАНОВ ИВАН ИВАНОВИЧ*, born 2001-06-29" in out
    assert "  1  КОЛОБОВ ИВАН АНДРЕЕВИЧ*, born 1998-05-16" in out
