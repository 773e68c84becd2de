"""Reading registry files: the format is told from the content, never from the file's name."""

from __future__ import annotations

import csv
import io

from haven.registries.formats import generic, minjust, rosfinmonitoring
from haven.registries.formats.common import ParsedEntry, ParsedFile, RegistryFileError, decode_text

__all__ = ["ParsedEntry", "ParsedFile", "RegistryFileError", "read_registry_file"]

_ZIP = b"PK\x03\x04"


def _csv_rows(text: str) -> tuple[list[list[str]], list[int]]:
    """The rows of a CSV text and the line each row starts on (a quoted cell may span lines)."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines = [], []
    start = 1
    try:
        for row in reader:
            rows.append(row)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RegistryFileError(f"the CSV cannot be read: {exc}", row=start) from None
    return rows, lines


def read_registry_file(data: bytes) -> ParsedFile:
    """Read a registry file of any format Haven knows; raise :class:`RegistryFileError` otherwise."""
    if data.startswith(_ZIP):
        return minjust.read_xlsx(data)
    text = decode_text(data)
    head = text[:4096].lower()
    if "<html" in head or "<!doctype" in head or rosfinmonitoring.looks_like(text):
        return rosfinmonitoring.read_html(text)
    rows, lines = _csv_rows(text)
    if not rows:
        raise RegistryFileError("the file is empty")
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    if minjust.looks_like_csv(header):
        return minjust.read_csv(rows, lines)
    if generic.looks_like(header):
        return generic.read_csv(rows, lines)
    raise RegistryFileError(
        "this is not a registry file Haven knows: expected the Ministry of Justice's XLSX or CSV, a saved "
        "Rosfinmonitoring list page, or a CSV with the columns reference and name (see docs/registries.md)"
    )
