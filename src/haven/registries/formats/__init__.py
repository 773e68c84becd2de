"""Reading registry files: the format is told from the content, never from the file's name."""

from __future__ import annotations

import io

from haven.registries.formats import generic, minjust, rosfinmonitoring
from haven.registries.formats.common import ParsedEntry, ParsedFile, RegistryFileError
from haven_core.tables import DEFAULT_LIMITS, FileProblem, Limits, csv_records, detect_encoding

__all__ = ["ParsedEntry", "ParsedFile", "RegistryFileError", "read_registry_file"]

_ZIP = b"PK\x03\x04"


def _csv_rows(file: io.BytesIO, encoding: str, limits: Limits) -> tuple[list[list[str]], list[int]]:
    """The rows of a CSV file and the line each row starts on (a quoted cell may span lines), read
    within ``limits``."""
    rows, lines = [], []
    for _number, line, cells in csv_records(file, encoding, limits):
        rows.append(cells)
        lines.append(line)
    return rows, lines


def _list_page(data: bytes, encoding: str) -> bool:
    """Whether the file is a saved list page without an HTML header (told without decoding it all)."""
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    return b"terrorist-list" in data or (b"<li" in data and "г.р.".encode(codec) in data)


def read_registry_file(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ParsedFile:
    """Read a registry file of any format Haven knows; raise :class:`RegistryFileError` otherwise.
    Spreadsheets and CSV are read within ``limits`` (:mod:`haven_core.tables`), checked as they are read."""
    file = io.BytesIO(data)
    try:
        if data.startswith(_ZIP):
            return minjust.read_xlsx(file, limits)
        encoding = detect_encoding(file)
        head = data[:4096].decode(encoding, errors="replace").lower()
        if "<html" in head or "<!doctype" in head or _list_page(data, encoding):
            return rosfinmonitoring.read_html(data.decode(encoding))
        rows, lines = _csv_rows(file, encoding, limits)
    except FileProblem as exc:
        raise RegistryFileError(str(exc).rstrip(".")) from None
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
