"""Reading uploaded tables within limits, checked while reading: the spreadsheet bombs an adversarial
probe sent (made here, not stored), overlong CSV fields, and encodings that would import as gibberish."""

from __future__ import annotations

import io
import tracemalloc

import pytest

from haven_core.intake.files import open_table, read_table
from haven_core.tables import FileProblem, Limits, check_xlsx_archive, csv_rows, detect_encoding, xlsx_rows
from tests.support.spreadsheet_bombs import (
    big_cell_xlsx,
    bom_then_not_utf8,
    koi8_csv,
    long_field_csv,
    many_rows_xlsx,
)

RUSSIAN = "ID семьи;Фамилия;Имя;Отчество\nF-1;Смирнова;Ольга;Петровна\nF-2;Лебедев;Артём;Ильич\n"
OPEN_ARCHIVE = Limits(max_ratio=10**9, max_unpacked_bytes=1 << 40)  # to reach the row-by-row checks


@pytest.fixture(scope="module")
def three_million_rows() -> bytes:
    return many_rows_xlsx(3_000_000)


def test_three_million_rows_in_a_small_xlsx_are_refused_before_any_row_is_read(three_million_rows):
    assert len(three_million_rows) < 1_000_000  # small on disk: what the 20 MB upload limit counted
    with pytest.raises(FileProblem, match=r"compressed \d+ times .*more than 100 times is refused"):
        check_xlsx_archive(io.BytesIO(three_million_rows))
    with pytest.raises(FileProblem, match="compressed"):
        read_table(three_million_rows, "caseload.xlsx")


def test_past_the_archive_check_the_row_limit_stops_the_reading_at_its_row(three_million_rows):
    tracemalloc.start()
    read = 0
    try:
        with pytest.raises(FileProblem, match=r"more than 5,000 rows \(the limit\)") as raised:
            for _row in xlsx_rows(io.BytesIO(three_million_rows), Limits(**_open(max_rows=5_000))):
                read += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert raised.value.row == 5_002 and read == 5_001  # the header and 5,000 rows, then no more
    # Neither the sheet nor its rows were held: openpyxl opened it without parsing it whole first.
    assert peak < 20 << 20


def test_one_400_mb_cell_in_a_small_xlsx_is_refused_by_its_unpacked_size() -> None:
    bomb = big_cell_xlsx(400 << 20)
    assert len(bomb) < 500_000
    with pytest.raises(FileProblem, match=r"unpacks to more than 256 MB \(the limit\)"):
        read_table(bomb, "caseload.xlsx")


def test_a_long_cell_is_refused_at_its_row() -> None:
    data = big_cell_xlsx(40_000)
    with pytest.raises(FileProblem, match=r"Row 2 has a cell of more than 32,767 characters") as raised:
        read_table(data, "caseload.xlsx", Limits(**_open()))
    assert raised.value.row == 2


def test_a_csv_field_longer_than_the_csv_module_reads_is_a_clear_refusal() -> None:
    with pytest.raises(FileProblem, match=r"Row 2 cannot be read as CSV .*32,767 characters") as raised:
        read_table(long_field_csv(131_073), "caseload.csv")
    assert raised.value.row == 2
    with pytest.raises(FileProblem, match=r"Row 2 has a cell of more than 32,767 characters"):
        read_table(long_field_csv(40_000), "caseload.csv")


def test_a_csv_with_no_line_breaks_is_not_read_whole() -> None:
    data = ("Household ID;" + "x;" * 600_000).encode()
    with pytest.raises(FileProblem, match=r"Line 1 of the file is longer than 1,048,576 characters"):
        read_table(data, "caseload.csv")


def test_rows_past_the_limit_of_a_csv_are_refused_with_the_row_number() -> None:
    data = ("Household ID;Фамилия\n" + "F-1;Смирнова\n" * 11).encode()
    with pytest.raises(FileProblem, match=r"more than 10 rows \(the limit\)") as raised:
        read_table(data, "caseload.csv", Limits(max_rows=10))
    assert raised.value.row == 12


def test_a_byte_order_mark_followed_by_windows_1251_is_refused_naming_the_byte() -> None:
    with pytest.raises(FileProblem, match=r"starts with the mark of UTF-8 text, but byte 7 is not UTF-8"):
        read_table(bom_then_not_utf8(), "caseload.csv")


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("koi8_r", "KOI8-R"),
        ("cp866", "DOS 866"),
        ("iso8859_5", "ISO 8859-5"),
        ("mac_cyrillic", "Mac Cyrillic"),
    ],
)
def test_cyrillic_in_another_encoding_is_refused_not_imported_as_gibberish(encoding: str, name: str) -> None:
    with pytest.raises(FileProblem, match=f"read as Russian only in the {name} encoding"):
        read_table(RUSSIAN.encode(encoding), "caseload.csv")
    assert koi8_csv() == RUSSIAN.encode("koi8_r")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RUSSIAN.encode("cp1251"), "cp1251"),
        (RUSSIAN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + RUSSIAN.encode("utf-8"), "utf-8-sig"),
        (b"Household ID,Surname\nF-1,Smith\n", "utf-8"),
    ],
)
def test_utf8_and_windows_1251_are_read(data: bytes, encoding: str) -> None:
    table = read_table(data, "caseload.csv")
    assert table.encoding == encoding
    assert table.rows[-1] == (
        (2, ["F-1", "Smith"]) if data.startswith(b"Household") else (3, ["F-2", "Лебедев", "Артём", "Ильич"])
    )


def test_text_that_reads_as_russian_in_no_encoding_is_refused() -> None:
    latin = ("Household ID;Surname\n" + "F-1;Müller-Lüdenscheidt Françoise Ñúñez\n" * 3).encode("cp1252")
    with pytest.raises(FileProblem, match="do not read as Russian in Windows-1251 either"):
        detect_encoding(io.BytesIO(latin))


def test_an_opened_table_is_read_again_at_each_pass_and_never_held() -> None:
    data = ("Household ID;Фамилия\n" + "".join(f"F-{n};Смирнова\n" for n in range(1, 6))).encode("cp1251")
    table = open_table(io.BytesIO(data), "caseload.csv")
    assert not isinstance(table.rows, list)
    assert [n for n, _cells in table.rows] == [2, 3, 4, 5, 6] == [n for n, _cells in table.rows]
    assert list(csv_rows(io.BytesIO(data), "cp1251"))[1] == (2, ["F-1", "Смирнова"])


def _open(**limits: int) -> dict[str, int]:
    return {
        "max_ratio": OPEN_ARCHIVE.max_ratio,
        "max_unpacked_bytes": OPEN_ARCHIVE.max_unpacked_bytes,
        **limits,
    }
