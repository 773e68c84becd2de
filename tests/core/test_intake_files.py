"""Reading caseload files: CSV in UTF-8, UTF-8 with BOM and Windows-1251, and XLSX; headers in either
language."""

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from haven_core.intake.columns import COLUMNS, header_row, match_headers
from haven_core.intake.files import FileProblem, read_table, write_csv, write_xlsx
from haven_core.intake.template import column_reference, template_xlsx

RUSSIAN_CSV = "ID семьи;Фамилия;Имя;Дата рождения\nF-1;Иванова;Анна;12.03.1984\n"


def test_windows_1251_csv_with_russian_headers_and_semicolons():
    table = read_table(RUSSIAN_CSV.encode("cp1251"), "caseload.csv")
    assert table.encoding == "cp1251"
    assert table.headers == ["ID семьи", "Фамилия", "Имя", "Дата рождения"]
    assert table.rows == [(2, ["F-1", "Иванова", "Анна", "12.03.1984"])]


def test_utf8_with_a_byte_order_mark():
    table = read_table(b"\xef\xbb\xbf" + RUSSIAN_CSV.encode("utf-8"), "caseload.csv")
    assert table.encoding == "utf-8-sig"
    assert table.headers[0] == "ID семьи"  # the mark is not part of the first header


def test_plain_utf8_and_blank_rows_keep_their_spreadsheet_row_numbers():
    text = "Household ID,Surname (Cyrillic)\n\nF-1,Петров\n,\nF-2,Сидоров\n"
    table = read_table(text.encode("utf-8"), "caseload.csv")
    assert table.encoding == "utf-8"
    assert [number for number, _ in table.rows] == [3, 5]


def test_xlsx_cells_including_dates():
    book = Workbook()
    sheet = book.active
    sheet.append(["Household ID", "Date of birth", "A-number"])
    sheet.append(["F-1", dt.datetime(1984, 3, 12), 12345678])
    out = io.BytesIO()
    book.save(out)
    table = read_table(out.getvalue(), "caseload.xlsx")
    assert table.rows == [(2, ["F-1", "1984-03-12", "12345678"])]


def test_written_files_read_back():
    rows = [["F-1", "Иванова"]]
    assert read_table(write_xlsx(["Household ID", "Фамилия"], rows), "x.xlsx").rows == [(2, rows[0])]
    assert read_table(write_csv(["Household ID", "Фамилия"], rows), "x.csv").rows == [(2, rows[0])]


def test_other_files_and_broken_xlsx_are_refused():
    with pytest.raises(FileProblem):
        read_table(b"%PDF-1.7", "scan.pdf")
    with pytest.raises(FileProblem):
        read_table(b"not a zip", "caseload.xlsx")


def test_every_column_is_known_by_its_english_and_russian_header():
    for language in ("en", "ru"):
        positions, unknown, repeated = match_headers(header_row(language))
        assert list(positions.values()) == [c.key for c in COLUMNS]
        assert unknown == repeated == []


def test_headers_match_loosely_and_unknown_ones_are_reported():
    positions, unknown, repeated = match_headers(["  household id ", "ФАМИЛИЯ", "Дата  рожденья", "Имя"])
    assert positions == {0: "household_id", 1: "surname_cyrillic", 3: "given_name_cyrillic"}
    assert unknown == ["Дата  рожденья"]
    assert repeated == []
    assert match_headers(["Фамилия", "Surname (Cyrillic)"])[2] == ["Surname (Cyrillic)"]


def test_the_documented_columns_are_the_columns_read() -> None:
    doc = Path(__file__).parents[2] / "docs" / "import-format.md"
    assert column_reference() in doc.read_text(encoding="utf-8")


def test_the_templates_have_every_column_in_each_language() -> None:
    for language in ("en", "ru"):
        table = read_table(template_xlsx(language), "template.xlsx")
        assert match_headers(table.headers)[0] == dict(enumerate(c.key for c in COLUMNS))
        assert [cells[0] for _, cells in table.rows] == ["F-0001", "F-0001"]
