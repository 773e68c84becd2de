"""Reading and writing caseload files: CSV in the encodings Russian offices use, and XLSX.

Reading is streamed and bounded (:mod:`haven_core.tables`): rows are read one at a time, every limit is
checked while reading, and an encoding that does not fit Russian text is refused. CSV encoding is
detected, not asked for: a UTF-8 byte-order mark means UTF-8; text that decodes as UTF-8 is UTF-8;
otherwise Windows-1251, the encoding Russian Excel saves CSV in, when the text reads as Russian in it.
XLSX is read with openpyxl in read-only mode, first sheet; date cells come out as ISO dates. The quote
Haven's CSV export puts before a formula-like cell is taken off again (:func:`.spreadsheets.unquoted_cell`),
so an export imported again gives the values it was made from.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO

from haven_core.spreadsheets import csv_bytes, unquoted_cell, xlsx_bytes
from haven_core.tables import DEFAULT_LIMITS, FileProblem, Limits, csv_rows, detect_encoding, xlsx_rows

_BOM = b"\xef\xbb\xbf"
__all__ = ["FileProblem", "Limits", "Table", "open_table", "read_table", "write_csv", "write_xlsx"]


@dataclass
class Table:
    """A file's header and its data rows, each with the row number a spreadsheet shows (header = 1).

    ``rows`` is a list (:func:`read_table`) or, for a file read from disk or an upload
    (:func:`open_table`), rows read again from the file at each pass, never all held at once.
    """

    headers: list[str]
    rows: Iterable[tuple[int, list[str]]] = field(default_factory=list)
    encoding: str = ""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unquoted_cell(str(value)).strip()


class _Rows:
    """The data rows of a file, read from it again at each pass: the first non-empty row is the header,
    rows with no value are skipped."""

    def __init__(self, file: IO[bytes], kind: str, encoding: str, limits: Limits) -> None:
        self.file, self.kind, self.encoding, self.limits = file, kind, encoding, limits

    def raw(self) -> Iterator[tuple[int, list[object]]] | Iterator[tuple[int, list[str]]]:
        if self.kind == "xlsx":
            return xlsx_rows(self.file, self.limits)
        return csv_rows(self.file, self.encoding, self.limits)

    def header(self) -> list[str]:
        for _number, values in self.raw():
            cells = [_cell(v) for v in values]
            if any(cells):
                return cells
        raise FileProblem("no_header")

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        header_seen = False
        for number, values in self.raw():
            cells = [_cell(v) for v in values]
            if not any(cells):
                continue
            if header_seen:
                yield number, cells
            header_seen = True


def open_table(file: IO[bytes], filename: str, limits: Limits = DEFAULT_LIMITS) -> Table:
    """A seekable file, by its name's ending: ``.xlsx`` or ``.csv`` (or ``.txt``), read as it is used."""
    name = filename.lower()
    if name.endswith((".xlsx", ".xlsm")):
        kind, encoding = "xlsx", "xlsx"
    elif name.endswith((".csv", ".txt")):
        kind, encoding = "csv", detect_encoding(file)
    else:
        raise FileProblem("not_a_table")
    rows = _Rows(file, kind, encoding, limits)
    return Table(headers=rows.header(), rows=rows, encoding=encoding)


def read_table(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> Table:
    """A small file's bytes read whole, by its name's ending (a list of rows)."""
    table = open_table(io.BytesIO(data), filename, limits)
    table.rows = list(table.rows)
    return table


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens Cyrillic correctly; formula-like cells quoted
    (:mod:`haven_core.spreadsheets`)."""
    return csv_bytes(itertools.chain([headers], rows))


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence[str]], *, sheet: str = "Haven") -> bytes:
    """One sheet, formula-like cells kept as text (:mod:`haven_core.spreadsheets`)."""
    return xlsx_bytes(itertools.chain([headers], rows), sheet=sheet)
