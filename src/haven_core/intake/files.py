"""Reading and writing caseload files: CSV in the encodings Russian offices use, and XLSX.

CSV encoding is detected, not asked for: a UTF-8 byte-order mark means UTF-8; text that decodes as
UTF-8 is UTF-8; anything else is read as Windows-1251, the encoding Russian Excel saves CSV in. The
delimiter is whichever of comma, semicolon (Russian Excel) or tab the header line uses most.
XLSX is read with openpyxl in read-only mode, first sheet; date cells come out as ISO dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import load_workbook  # type: ignore[import-untyped]

from haven_core.spreadsheets import csv_bytes, xlsx_bytes

_BOM = b"\xef\xbb\xbf"


class FileProblem(ValueError):
    """The file cannot be read as a caseload spreadsheet."""


@dataclass
class Table:
    """A file's header and its data rows, each with the row number a spreadsheet shows (header = 1)."""

    headers: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    encoding: str = ""


def decode_csv(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a CSV file's bytes."""
    if data.startswith(_BOM):
        return data[len(_BOM) :].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251"), "cp1251"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(rows: Iterable[Sequence[object]], encoding: str) -> Table:
    iterator = iter(rows)
    header_number = 0
    for header in iterator:
        header_number += 1
        cells = [_cell(v) for v in header]
        if any(cells):
            table = Table(headers=cells, encoding=encoding)
            break
    else:
        raise FileProblem("The file has no header row.")
    for offset, row in enumerate(iterator, start=header_number + 1):
        cells = [_cell(v) for v in row]
        if any(cells):
            table.rows.append((offset, cells))
    return table


def read_table(data: bytes, filename: str) -> Table:
    """Read an uploaded or given file by its name's ending: ``.xlsx`` or ``.csv`` (or ``.txt``)."""
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise FileProblem(f"This is not a readable XLSX file ({type(exc).__name__}).") from exc
        try:
            sheet = workbook.worksheets[0]
            return _table(sheet.iter_rows(values_only=True), "xlsx")
        finally:
            workbook.close()
    if name.endswith((".csv", ".txt")):
        text, encoding = decode_csv(data)
        first_line = text.split("\n", 1)[0]
        delimiter = max(",;\t", key=first_line.count)
        return _table(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), encoding)
    raise FileProblem("Give an .xlsx or a .csv file.")


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens Cyrillic correctly; formula-like cells quoted
    (:mod:`haven_core.spreadsheets`)."""
    return csv_bytes(itertools.chain([headers], rows))


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence[str]], *, sheet: str = "Haven") -> bytes:
    """One sheet, formula-like cells kept as text (:mod:`haven_core.spreadsheets`)."""
    return xlsx_bytes(itertools.chain([headers], rows), sheet=sheet)
