"""Writing spreadsheets and CSV files that a spreadsheet program will not evaluate.

Every CSV and XLSX file Haven writes goes through this module (a test keeps it so). A cell whose text a
spreadsheet would read as a formula — one that starts, perhaps after spaces, with ``=``, ``+``, ``-`` or
``@`` (or their full-width forms), or starts with a tab or a carriage return (OWASP, "CSV Injection") —
is written so that it stays text:

- **CSV** has no cell types, so such a cell is prefixed with a single quote: ``=HYPERLINK(…)`` is
  written ``'=HYPERLINK(…)`` and a phone number ``+1 555 0100`` is written ``'+1 555 0100``, which every
  spreadsheet shows as text and a person still reads as the number. A plain negative number (``-12``,
  ``-0.5``) cannot be a formula and is left alone.
- **XLSX** has cell types, so the value is kept exactly as it is, written as a string cell with Excel's
  own "quote prefix" flag (what Excel stores when someone types ``'=…``): it is shown as typed, never
  evaluated, and stays text if someone edits the cell. A file read back gets the very same value.

Reading a file back (the caseload import) takes the quote off again with :func:`unquoted_cell`, only
where what follows would have been neutralised here: a CSV export imported again gives the values it
was made from. The one value that does not come back is a quote a person typed before such a cell
themselves (``'=1`` typed as text): it was never neutralised and reads back as ``=1``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

#: First characters that make a spreadsheet evaluate a cell (after any leading spaces).
TRIGGERS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
#: Characters that, first in a cell, let the trigger hide behind them (OWASP lists tab and CR).
_CONTROL_LEADS = ("\t", "\r", "\n")
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?")
_BOM = "\ufeff"


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula (or a formula's start)."""
    if not text:
        return False
    if text.startswith(_CONTROL_LEADS):
        return True
    stripped = text.lstrip(" \u00a0")
    if not stripped or stripped[0] not in TRIGGERS:
        return False
    return _NEGATIVE_NUMBER.fullmatch(stripped) is None


def csv_cell(value: object) -> str:
    """The text of one CSV cell: ``value`` as text, quoted with ``'`` when it is formula-like."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text


def unquoted_cell(text: str) -> str:
    """A cell read back: ``text`` without the quote :func:`csv_cell` puts before a formula-like value,
    and as it is otherwise (a quote before anything else is the person's own).

    >>> unquoted_cell("'=HYPERLINK(1)"), unquoted_cell("'+1 555 0100"), unquoted_cell("'-12")
    ('=HYPERLINK(1)', '+1 555 0100', "'-12")
    """
    if text.startswith("'") and is_formula_like(text[1:]):
        return text[1:]
    return text


class _TextStream(Protocol):
    def write(self, text: str, /) -> Any: ...


def write_csv_rows(
    out: _TextStream, rows: Iterable[Sequence[object]], *, lineterminator: str = "\r\n"
) -> None:
    """Write ``rows`` to a text stream opened with ``newline=""``, every cell neutralised."""
    writer = csv.writer(out, lineterminator=lineterminator)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])


def csv_bytes(rows: Iterable[Sequence[object]], *, bom: bool = True, lineterminator: str = "\r\n") -> bytes:
    """A whole CSV file in UTF-8, with a byte-order mark by default so that Excel reads Cyrillic."""
    out = io.StringIO(newline="")
    if bom:
        out.write(_BOM)
    write_csv_rows(out, rows, lineterminator=lineterminator)
    return out.getvalue().encode("utf-8")


def _xlsx_cell(sheet: Any, value: object, *, bold: bool) -> Any:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and is_formula_like(value):
        cell.data_type = "s"  # openpyxl made it a formula ("f") from the leading "="
        cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_bytes(
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "Haven",
    bold_header: bool = False,
    freeze_header: bool = False,
    column_widths: Sequence[float] = (),
) -> bytes:
    """A workbook of one sheet holding ``rows`` (the first is the header), written as it streams."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    for number, width in enumerate(column_widths, start=1):
        worksheet.column_dimensions[get_column_letter(number)].width = width
    if freeze_header:
        worksheet.freeze_panes = "A2"
    for index, row in enumerate(rows):
        bold = bold_header and index == 0
        worksheet.append([_xlsx_cell(worksheet, value, bold=bold) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
