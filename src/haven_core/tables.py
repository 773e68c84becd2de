"""Reading the tables people upload (CSV and XLSX), streamed and bounded.

A spreadsheet is small on disk and may be huge once read: an XLSX is a zip of XML, and 1 MB of it can
unpack to gigabytes (three million rows, or one cell of 400 MB). So every limit is checked WHILE
reading, never after:

- an XLSX's parts are measured by the sizes its zip declares, before any XML is parsed: the whole may
  not unpack to more than ``max_unpacked_bytes``, nor any large part be compressed more than
  ``max_ratio`` times (Python's zip reader stops at the declared size, so a part that lies fails its
  check instead of growing);
- rows are read one at a time (openpyxl in read-only mode; csv over a text stream) and counted: the
  row after ``max_rows`` stops the reading; a cell longer than ``max_cell_chars`` stops it at its row;
- a CSV is read line by line with each physical line bounded, so a file with no line breaks is not
  read whole.

CSV encodings: UTF-8 (with or without a byte-order mark) and Windows-1251, the encoding Russian Excel
saves CSV in. A file that is neither is not guessed into gibberish: when its Cyrillic letters read as
Russian only in another encoding (KOI8-R, DOS 866, Mac, ISO 8859-5), it is refused with that encoding's
name, so that whoever has the file can save it again as UTF-8.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import zipfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import IO

import openpyxl.reader.excel  # type: ignore[import-untyped]
from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # type: ignore[import-untyped]
from openpyxl.xml.functions import iterparse  # type: ignore[import-untyped]

from haven_core.table_problems import FileProblem

__all__ = [
    "DEFAULT_LIMITS",
    "FileProblem",
    "Limits",
    "check_xlsx_archive",
    "csv_records",
    "csv_rows",
    "detect_encoding",
    "guess_eight_bit",
    "xlsx_rows",
]

BOM = b"\xef\xbb\xbf"
NUL = b"\x00"
CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    """What an uploaded table may hold. The defaults fit a coalition's whole caseload in one file."""

    max_rows: int = 200_000
    max_cell_chars: int = 32_767  # Excel's own limit for the text of one cell
    max_columns: int = 500
    max_line_chars: int = 1 << 20  # one physical line of a CSV
    max_unpacked_bytes: int = 256 << 20  # an XLSX's parts, unpacked, all together
    max_ratio: int = 100  # how much more a part of an XLSX may unpack to than it takes in the zip
    ratio_from_bytes: int = 1 << 20  # small parts (styles, a short sheet) compress well and are harmless


DEFAULT_LIMITS = Limits()


# --- XLSX ----------------------------------------------------------------------------------------


class _SizedAtTheStart(ReadOnlyWorksheet):  # type: ignore[misc]
    """openpyxl's read-only sheet, opened without reading it whole.

    openpyxl looks for a sheet's ``<dimension>`` element with "end" events only, so for a sheet that has
    none (as a crafted file) it parses every row before the first is asked for: three million rows took
    38 s and 300 MB before reading began. This one reads no further than the start of the sheet's data,
    and leaves the sheet unsized: rows are read as long as they are (a declared size may lie).
    """

    def _get_size(self) -> None:
        with self._get_source() as source:
            for _event, element in iterparse(source, events=("start",)):
                if element.tag in (_DIMENSION, _SHEET_DATA):
                    return


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_DIMENSION, _SHEET_DATA = f"{_MAIN}dimension", f"{_MAIN}sheetData"
# Every read-only workbook Haven opens, whoever opens it, gets its sheets this way.
openpyxl.reader.excel.ReadOnlyWorksheet = _SizedAtTheStart


def check_xlsx_archive(file: IO[bytes], limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse an XLSX whose parts would unpack too big or are compressed suspiciously well, by the
    sizes its zip declares: nothing is unpacked."""
    try:
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise FileProblem("not_xlsx", error=type(exc).__name__) from exc
    finally:
        file.seek(0)
    total = 0
    for part in parts:
        total += part.file_size
        if total > limits.max_unpacked_bytes:
            raise FileProblem("unpacked", limit=limits.max_unpacked_bytes >> 20)
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > limits.ratio_from_bytes and ratio > limits.max_ratio:
            raise FileProblem("ratio", ratio=round(ratio), part=part.filename, limit=limits.max_ratio)


def _check_row(number: int, cells: list[object] | list[str], limits: Limits) -> None:
    if number > limits.max_rows + 1:  # the header is row 1
        raise FileProblem("too_many_rows", row=number, limit=limits.max_rows)
    if len(cells) > limits.max_columns:
        raise FileProblem("too_many_cells", row=number, limit=limits.max_columns)
    for value in cells:
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            raise FileProblem("long_cell", row=number, limit=limits.max_cell_chars)


def xlsx_rows(file: IO[bytes], limits: Limits = DEFAULT_LIMITS) -> Generator[tuple[int, list[object]]]:
    """The rows of the first sheet, numbered as the spreadsheet shows them (from 1), one at a time."""
    check_xlsx_archive(file, limits)
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise FileProblem("not_xlsx", error=type(exc).__name__) from exc
    try:
        if not workbook.worksheets:
            raise FileProblem("no_sheet")
        sheet = workbook.worksheets[0]
        number = 0
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = list(values)
                _check_row(number, cells, limits)
                yield number, cells
        except FileProblem:
            raise
        except Exception as exc:  # damaged XML inside a readable zip
            raise FileProblem("broken_after", row=number + 1, last=number, error=type(exc).__name__) from exc
    finally:
        workbook.close()


# --- CSV -----------------------------------------------------------------------------------------

# Letter frequencies of Russian text, per cent (ru.wikipedia.org/wiki/Частотность, table from the
# National Corpus of the Russian Language, read 2026-12-07). Reference data: only their order of
# magnitude matters here.
RUSSIAN_LETTERS = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73, "в": 4.54,
    "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74,
    "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64,
    "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
}  # fmt: skip
_NEUTRAL = frozenset("\xa0«»–—№…‘’“”„•€")  # punctuation any Windows file may hold
_UNLIKELY = 0.002  # a character Russian text hardly ever has: a symbol, a letter of another alphabet
ENCODING_NAMES = {
    "cp1251": "Windows-1251",
    "koi8_r": "KOI8-R",
    "cp866": "DOS 866",
    "mac_cyrillic": "Mac Cyrillic",
    "iso8859_5": "ISO 8859-5",
}
SAMPLE_BYTES = 1 << 20


RUSSIAN = 1.0  # the score above which text reads as Russian (Russian ~1.5-1.9, mis-decoded below 0.9)
FEW_LETTERS = 12  # too few to judge: a short file in Windows-1251 is taken as it is


def russian_score(text: str) -> tuple[float, int]:
    """How much ``text``'s non-ASCII characters look like Russian: the mean log-frequency of its
    letters (higher is likelier, Russian text scores 1.5 to 1.9) and how many there were."""
    total, count = 0.0, 0
    for char in text:
        if char < "\x80" or char in _NEUTRAL:
            continue
        frequency = RUSSIAN_LETTERS.get(char.lower(), _UNLIKELY)
        total += math.log(frequency)
        count += 1
    return (total / count if count else 0.0), count


def guess_eight_bit(sample: bytes) -> str | None:
    """Which one-byte Cyrillic encoding ``sample`` reads as Russian in: Windows-1251 unless another
    reads clearly better; None when none reads as Russian."""
    scores: dict[str, tuple[float, int]] = {}
    for encoding in ENCODING_NAMES:
        try:
            scores[encoding] = russian_score(sample.decode(encoding))
        except UnicodeDecodeError:
            continue
    windows, letters = scores.get("cp1251", (-math.inf, 0))
    best = max(scores, key=lambda encoding: scores[encoding][0])
    if best != "cp1251" and scores[best][0] >= RUSSIAN and scores[best][0] - windows >= 0.5:
        return best
    if windows >= RUSSIAN or (letters < FEW_LETTERS and "cp1251" in scores):
        return "cp1251"
    return None


def _first_bad_utf8(file: IO[bytes], start: int) -> int | None:
    """The offset of the first byte that is not UTF-8, reading from ``start`` in chunks; None if all is."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = start
    file.seek(start)
    while chunk := file.read(CHUNK):
        if (nul := chunk.find(NUL)) >= 0:
            raise FileProblem("nul", byte=offset + nul + 1)
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            return offset + exc.start
        offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset
    return None


def detect_encoding(file: IO[bytes]) -> str:
    """The encoding of a CSV file: ``utf-8-sig``, ``utf-8`` or ``cp1251``; anything else is refused."""
    file.seek(0)
    marked = file.read(len(BOM)) == BOM
    bad = _first_bad_utf8(file, len(BOM) if marked else 0)
    file.seek(0)
    if marked:
        if bad is not None:
            raise FileProblem("bom_not_utf8", byte=bad + 1)
        return "utf-8-sig"
    if bad is None:
        return "utf-8"
    guess = guess_eight_bit(file.read(SAMPLE_BYTES))
    file.seek(0)
    if guess is None:
        raise FileProblem("not_russian", byte=bad + 1)
    if guess != "cp1251":
        raise FileProblem("other_encoding", encoding=ENCODING_NAMES[guess])
    return "cp1251"


def _lines(text: IO[str], limits: Limits) -> Iterator[str]:
    """The physical lines of ``text``, none longer than the limit (a file with no line breaks is not
    read whole)."""
    number = 0
    while line := text.readline(limits.max_line_chars + 1):
        number += 1
        if len(line) > limits.max_line_chars:
            raise FileProblem("long_line", line=number, limit=limits.max_line_chars)
        yield line


def csv_records(
    file: IO[bytes], encoding: str, limits: Limits = DEFAULT_LIMITS
) -> Iterator[tuple[int, int, list[str]]]:
    """``(row, line, cells)`` of each record of a CSV file in ``encoding`` (see :func:`detect_encoding`),
    read one at a time from the start of ``file``: its number as a spreadsheet shows it (the header is
    1) and the line it starts on (a quoted cell may span lines). The delimiter is whichever of comma,
    semicolon or tab the first line uses most."""
    file.seek(0)
    text = io.TextIOWrapper(file, encoding=encoding, newline="")
    number, line = 0, 1
    try:
        first = text.readline(limits.max_line_chars + 1)
        delimiter = max(",;\t", key=first.count)
        text.seek(0)
        reader = csv.reader(_lines(text, limits), delimiter=delimiter)
        for number, cells in enumerate(reader, start=1):
            _check_row(number, cells, limits)
            yield number, line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise FileProblem("bad_csv", row=number + 1, error=str(exc), limit=limits.max_cell_chars) from None
    except UnicodeDecodeError:
        raise FileProblem("not_encoding", row=number + 1, encoding=encoding) from None
    finally:
        text.detach()


def csv_rows(
    file: IO[bytes], encoding: str, limits: Limits = DEFAULT_LIMITS
) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV file numbered as a spreadsheet shows them (:func:`csv_records`)."""
    for number, _line, cells in csv_records(file, encoding, limits):
        yield number, cells
