"""Reading the real registry files: counts, known entries, and the format told from the content."""

from __future__ import annotations

import datetime as dt

import pytest

from haven.registries.formats import ParsedFile, RegistryFileError, read_registry_file
from tests.support.registries import CSV_2024, ROSFIN, ROSFIN_UPDATED, XLSX_2025, data_file


def by_reference(parsed: ParsedFile) -> dict[str, object]:
    return {e.reference: e for e in parsed.entries}


def test_the_ministry_xlsx_export() -> None:
    parsed = read_registry_file(data_file(XLSX_2025))
    assert parsed.format == "minjust-xlsx" and parsed.registry == "minjust-foreign-agents"
    assert parsed.exported_at == dt.datetime(2025, 8, 15, 17, 0) and parsed.taken_on == dt.date(2025, 8, 15)
    assert len(parsed.entries) == 1050 and parsed.individuals == 648
    assert all(e.birth_date for e in parsed.entries if e.kind == "individual")
    assert not any(e.birth_date for e in parsed.entries if e.kind == "organisation")
    entries = by_reference(parsed)
    akunin = entries["743"]
    assert akunin.kind == "individual"  # type: ignore[attr-defined]
    assert akunin.name == 'Чхартишвили Григорий Шалвович "Борис Акунин"'  # type: ignore[attr-defined]
    assert akunin.names == ("Чхартишвили Григорий Шалвович", "Борис Акунин")  # type: ignore[attr-defined]
    assert akunin.birth_date == "1956-05-20"  # type: ignore[attr-defined]
    assert akunin.listed_on == dt.date(2024, 1, 12) and akunin.removed_on is None  # type: ignore[attr-defined]
    assert akunin.raw["№ п/п"] == "743"  # type: ignore[attr-defined]
    assert "Туркова Ксения Дмитриевна" in entries["907"].names  # type: ignore[attr-defined]
    volin = entries["382"]
    assert volin.removed_on == dt.date(2024, 3, 15)  # type: ignore[attr-defined]
    assert entries["1050"].kind == "organisation"  # type: ignore[attr-defined]


def test_the_older_ministry_csv() -> None:
    parsed = read_registry_file(data_file(CSV_2024))
    assert parsed.format == "minjust-csv" and parsed.taken_on is None
    assert "2024-02-02" in parsed.hint  # the newest decision in it, to help whoever gives --date
    assert len(parsed.entries) == 763 and parsed.individuals == 411
    orlov = by_reference(parsed)["759"]
    assert orlov.name == "Орлов Олег Петрович" and orlov.birth_date == "1953-04-04"  # type: ignore[attr-defined]
    assert orlov.listed_on == dt.date(2024, 2, 2)  # type: ignore[attr-defined]
    first = by_reference(parsed)["1"]
    assert first.kind == "organisation" and first.removed_on == dt.date(2023, 7, 5)  # type: ignore[attr-defined]


def test_the_rosfinmonitoring_pages() -> None:
    parsed = read_registry_file(data_file(ROSFIN))
    assert parsed.format == "rosfinmonitoring-html" and parsed.taken_on is None
    assert [e.reference for e in parsed.entries] == ["1", "2", "3", "4", "5", "6"]
    mirzoev = parsed.entries[1]
    assert mirzoev.names == ("МИРЗОЕВ ЗАУР ИСА ОГЛЫ", "МИРЗОЕВ ЗАУР ИСА")
    assert mirzoev.birth_date == "2002-01-03" and mirzoev.raw["place"] == "ТУЛЬСКАЯ ОБЛАСТЬ"
    assert parsed.entries[0].name == "КОЛОБОВ ИВАН АНДРЕЕВИЧ*"  # as published, extremism mark kept
    assert parsed.entries[2].birth_date == ""  # АНТИПОВА: no birth date on this page
    maragin = parsed.entries[5]
    assert maragin.names[1:] == ("МАРАГИН ВЕНИАМИН ДИЁРБЕКОВИЧ", "МАРАГИН ВЕНИАМИН ДИЙОРБЕКОВИЧ")
    updated = read_registry_file(data_file(ROSFIN_UPDATED))
    assert [e.reference for e in updated.entries] == ["2", "3", "5", "7", "8", "9"]
    assert updated.entries[-1].names == ("КУРБАНОВ АНДРЕЙ БАХТИЕРОВИЧ", "КУРБАНОВ АНДРЕЙ БАХТИЁРОВИЧ")
    assert all(e.kind == "individual" for e in updated.entries)


GENERIC = (
    "reference,name,kind,aliases,birth_date,listed_on,removed_on,note\n"
    "A-1,Котова Юлия Сергеевна,individual,Yulia Kotova;Kotova Iuliia,1988-04-12,2024-05-01,,first\n"
    'A-2,"Фонд ""Свобода""",organisation,,,01.02.2023,2024-01-01,\n'
    "A-3,Щербаков Дмитрий,,,1979,2024-06-01,,\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_the_generic_csv_in_utf8_or_windows_1251(encoding: str) -> None:
    parsed = read_registry_file(GENERIC.encode(encoding))
    assert parsed.format == "generic-csv" and parsed.registry == ""
    kotova, fund, shcherbakov = parsed.entries
    assert kotova.names == ("Котова Юлия Сергеевна", "Yulia Kotova", "Kotova Iuliia")
    assert kotova.birth_date == "1988-04-12" and kotova.listed_on == dt.date(2024, 5, 1)
    assert kotova.raw["note"] == "first"
    assert fund.kind == "organisation" and fund.name == 'Фонд "Свобода"'
    assert fund.listed_on == dt.date(2023, 2, 1) and fund.removed_on == dt.date(2024, 1, 1)
    assert shcherbakov.kind == "individual" and shcherbakov.birth_date == "1979"


def test_the_format_comes_from_the_content_not_the_name() -> None:
    """Files arrive renamed; only their bytes say what they are."""
    assert read_registry_file(data_file(XLSX_2025)[:]).format == "minjust-xlsx"
    with pytest.raises(RegistryFileError, match="not a registry file Haven knows"):
        read_registry_file("id,name,birth_date\n1,Иванов,\n".encode())
    with pytest.raises(RegistryFileError, match="cannot be read"):
        read_registry_file(b"PK\x03\x04 not really a spreadsheet")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "reference,name,birth_date\nA-1,Котова Юлия,1988-04-12\nA-2,Котов Миша,31.02.2016\n",
            "row 3: birth date",
        ),
        ("reference,name,listed_on\nA-1,Котова Юлия,2024-13-01\n", "row 2: listed_on"),
        ("reference,name\nA-1,Котова Юлия\n,Котов Миша\n", "row 3: the entry has no reference"),
        ("reference,name\nA-1,Котова Юлия\nA-1,Котов Миша\n", "row 3: reference 'A-1' appears again"),
        ("reference,name,kind\nA-1,Котова Юлия,person\n", "row 2: kind 'person'"),
        ('reference,name\nA-1,"Котова\nЮлия"\nA-2,\n', "row 4: entry A-2 has no name"),
    ],
)
def test_a_bad_row_is_named(text: str, message: str) -> None:
    with pytest.raises(RegistryFileError) as raised:
        read_registry_file(text.encode())
    assert str(raised.value).startswith(message)


def test_a_bad_rosfinmonitoring_item_names_its_line() -> None:
    page = (
        '<html><body><ol class="terrorist-list">\n'
        "<li>1. ИВАНОВ ИВАН ИВАНОВИЧ, 01.01.1990 г.р. , Г. МОСКВА;</li>\n"
        "<li>кто-то без номера</li>\n</ol></body></html>"
    )
    with pytest.raises(RegistryFileError, match=r"^line 3: the list item"):
        read_registry_file(page.encode())
    with pytest.raises(RegistryFileError, match=r"^line 2: birth date"):
        read_registry_file(page.replace("01.01.1990", "41.01.1990").encode())
