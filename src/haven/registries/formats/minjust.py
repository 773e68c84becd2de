"""The Ministry of Justice's registry of "foreign agents": its XLSX export and the older CSV snapshots.

The XLSX export as published has a title row, a row with the export time, a header row of 21 columns,
then one row per entry, newest first. Entries are never deleted: a removed agent keeps its row with a
date of removal. "№ п/п" is the entry's own number, given in the order of listing and never reused, so
it identifies the entry across snapshots. The older CSV snapshots (parsed from the weekly PDFs by
others) have a header row of 13 columns and no type column: there, an entry with a birth date is a
person, any other an organisation (true of every row of the 2024-02-02 snapshot).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import IO

from django.utils.translation import gettext as _

from haven.registries.formats.common import (
    Kind,
    ParsedEntry,
    ParsedFile,
    RegistryFileError,
    birth_date,
    check_unique,
    clean,
    registry_date,
    spellings,
)
from haven_core.tables import DEFAULT_LIMITS, Limits, xlsx_rows

REGISTRY = "minjust-foreign-agents"
REFERENCE_HEADER = "№ п/п"
INDIVIDUALS = "Физические лица"
_HEADER_SEARCH_ROWS = 10
_EXPORT_TIME = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\D+(\d{1,2}):(\d{2}))?")


def _column(header: Sequence[str], *, starts: str, has: str = "", lacks: str = "") -> int | None:
    for i, title in enumerate(header):
        low = title.lower()
        if low.startswith(starts.lower()) and has.lower() in low and not (lacks and lacks.lower() in low):
            return i
    return None


class _Columns:
    """Where each field is in this file's header; the header is matched by its words, not positions."""

    def __init__(self, header: Sequence[str], row: int) -> None:
        self.header = list(header)
        found = {
            "reference": _column(header, starts=REFERENCE_HEADER),
            "name": _column(header, starts="Полное наименование", lacks="участник"),
            "listed": _column(header, starts="Дата принятия", has="о включении"),
            "removed": _column(header, starts="Дата принятия", has="об исключении"),
            "birth": _column(header, starts="Дата рождения"),
        }
        missing = [name for name, index in found.items() if index is None]
        if missing:
            raise RegistryFileError(
                f"the header lacks the Ministry's columns for: {', '.join(missing)}", row=row
            )
        index = {name: int(i) for name, i in found.items() if i is not None}
        self.reference, self.name = index["reference"], index["name"]
        self.listed, self.removed, self.birth = index["listed"], index["removed"], index["birth"]
        self.kind = _column(header, starts="Тип иностранного агента")


def _cell(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value)


def _entry(cells: Sequence[str], columns: _Columns, row: int) -> ParsedEntry:
    if len(cells) < len(columns.header):
        cells = [*cells, *[""] * (len(columns.header) - len(cells))]
    reference = cells[columns.reference]
    name = cells[columns.name]
    if not reference:
        raise RegistryFileError(f"the entry has no number in «{REFERENCE_HEADER}»", row=row)
    if not name:
        raise RegistryFileError(f"entry {reference} has no name", row=row)
    birth = birth_date(cells[columns.birth], row=row)
    kind: Kind
    if columns.kind is not None and cells[columns.kind]:
        kind = "individual" if cells[columns.kind] == INDIVIDUALS else "organisation"
    else:
        kind = "individual" if birth else "organisation"
    return ParsedEntry(
        row=row,
        key=reference,
        reference=reference,
        kind=kind,
        name=name,
        names=spellings(name) if kind == "individual" else (name,),
        birth_date=birth,
        listed_on=registry_date(cells[columns.listed], row=row, what="date of listing"),
        removed_on=registry_date(cells[columns.removed], row=row, what="date of removal"),
        raw={title: value for title, value in zip(columns.header, cells, strict=False) if value},
    )


def _entries(rows: Iterable[tuple[int, Sequence[str]]], columns: _Columns) -> list[ParsedEntry]:
    entries = [_entry(cells, columns, row) for row, cells in rows if any(cells)]
    check_unique(entries)
    return entries


def _export_time(value: object, row: int) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = clean(value)
    if found := _EXPORT_TIME.search(text):
        day, month, year, hour, minute = found.groups()
        try:
            return dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
        except ValueError:
            pass
    raise RegistryFileError(f"the export date {text!r} is not a date", row=row)


def looks_like_xlsx(header: Sequence[str]) -> bool:
    return bool(header) and header[0] == REFERENCE_HEADER


def read_xlsx(file: IO[bytes], limits: Limits = DEFAULT_LIMITS) -> ParsedFile:
    """Read the XLSX export: title row, export-time row, header row, entries; within ``limits``, checked
    as the rows are read."""
    rows = xlsx_rows(file, limits)
    exported_at: dt.datetime | None = None
    columns: _Columns | None = None
    for number, values in rows:
        first = values[0] if values else None
        if clean(first) == REFERENCE_HEADER:
            columns = _Columns([clean(v) for v in values], number)
            break
        if isinstance(first, dt.date) or (number > 1 and clean(first) and exported_at is None):
            exported_at = _export_time(first, number)
        if number >= _HEADER_SEARCH_ROWS:
            break
    if columns is None:
        rows.close()
        raise RegistryFileError(
            f"no header row starting with «{REFERENCE_HEADER}» in the first {_HEADER_SEARCH_ROWS} rows: "
            "this is not the Ministry of Justice's export"
        )
    entries = _entries(((n, [_cell(v) for v in values]) for n, values in rows), columns)
    return ParsedFile(
        format="minjust-xlsx",
        registry=REGISTRY,
        entries=tuple(entries),
        taken_on=exported_at.date() if exported_at else None,
        exported_at=exported_at,
    )


def looks_like_csv(header: Sequence[str]) -> bool:
    return bool(header) and header[0] == REFERENCE_HEADER and any("ФИО" in h for h in header)


def read_csv(rows: Sequence[Sequence[str]], line_numbers: Sequence[int]) -> ParsedFile:
    """Read an older snapshot: a header row of the Ministry's columns, then entries."""
    columns = _Columns([clean(h) for h in rows[0]], line_numbers[0])
    entries = _entries(
        ((line, [clean(c) for c in cells]) for line, cells in zip(line_numbers[1:], rows[1:], strict=True)),
        columns,
    )
    newest = max((e.listed_on for e in entries if e.listed_on), default=None)
    hint = (
        _("its newest decision to list someone is dated %(date)s") % {"date": newest.isoformat()}
        if newest
        else ""
    )
    return ParsedFile(format="minjust-csv", registry=REGISTRY, entries=tuple(entries), hint=hint)
