"""What every registry format reads into: a file of entries, each with its own reference and names.

Readers are plain Python (no Django): they take bytes and give back a :class:`ParsedFile`, or raise
:class:`RegistryFileError` naming the row that is wrong. Nothing is written anywhere while reading.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from haven_core.dates import PartialDate, PartialDateError
from haven_core.matching import parse_registry_name

Kind = Literal["individual", "organisation"]
_SPACES = re.compile(r"\s+")


class RegistryFileError(ValueError):
    """The file cannot be imported; ``row`` says where, as a spreadsheet or an editor numbers it."""

    def __init__(self, message: str, *, row: int | None = None, where: str = "row") -> None:
        self.row = row
        self.message = message
        super().__init__(f"{where} {row}: {message}" if row is not None else message)


@dataclass(frozen=True)
class ParsedEntry:
    """One entry as the registry published it.

    ``key`` identifies the entry across snapshots of the same registry (for the Ministry of Justice its
    "№ п/п"); ``reference`` is the entry's own number as published; ``names`` are every spelling to
    match on (main name first, then former names, aliases and pseudonyms); ``birth_date`` is partial
    ISO text ("1985", "1985-03-09") or empty.
    """

    row: int
    key: str
    reference: str
    kind: Kind
    name: str
    names: tuple[str, ...]
    birth_date: str = ""
    listed_on: dt.date | None = None
    removed_on: dt.date | None = None
    raw: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedFile:
    """A registry file read whole: its format, the registry it belongs to, its date and its entries.

    ``taken_on`` is the date the file itself states (an export date); ``None`` when it states none,
    and then the importer must be told the date. ``hint`` helps whoever must supply it.
    """

    format: str
    registry: str
    entries: tuple[ParsedEntry, ...]
    taken_on: dt.date | None = None
    exported_at: dt.datetime | None = None
    hint: str = ""

    @property
    def individuals(self) -> int:
        return sum(1 for e in self.entries if e.kind == "individual")


def clean(value: object) -> str:
    """A cell's text with runs of spaces (and non-breaking spaces) made one, trimmed."""
    if value is None:
        return ""
    return _SPACES.sub(" ", str(value).replace("\xa0", " ")).strip()


def registry_date(text: str, *, row: int, what: str) -> dt.date | None:
    """A full date written DD.MM.YYYY or YYYY-MM-DD; empty gives ``None``."""
    if not text:
        return None
    try:
        date = PartialDate.parse(text)
    except PartialDateError:
        date = None
    if date is None or date.day is None or date.month is None:
        raise RegistryFileError(f"{what} {text!r} is not a date (DD.MM.YYYY or YYYY-MM-DD)", row=row)
    return dt.date(date.year, date.month, date.day)


def birth_date(text: str, *, row: int, where: str = "row") -> str:
    """A birth date, perhaps partial, as ISO text ("1985-03-09", "1985"); empty stays empty."""
    if not text:
        return ""
    try:
        return PartialDate.parse(text).iso()
    except PartialDateError:
        raise RegistryFileError(f"birth date {text!r} is not a date", row=row, where=where) from None


def spellings(name: str) -> tuple[str, ...]:
    """Every name to match on for a name as a registry writes it (pseudonyms, former names, aliases)."""
    return parse_registry_name(name).names or (name,)


def check_unique(entries: list[ParsedEntry]) -> None:
    """Two entries with one key would make the diff between snapshots meaningless: refuse the file."""
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.key in seen:
            raise RegistryFileError(
                f"reference {entry.reference!r} appears again (first at row {seen[entry.key]})", row=entry.row
            )
        seen[entry.key] = entry.row


def decode_text(data: bytes) -> str:
    """Text from a CSV file saved as UTF-8 (with or without a byte-order mark) or Windows-1251."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")
