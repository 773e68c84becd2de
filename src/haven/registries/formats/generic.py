"""Haven's generic registry CSV: any other list, written by hand or converted from another format.

A header row, then one entry per row. Columns (case does not matter; others are kept as they are):

- ``reference`` (required): the entry's own number or code in its registry, unique in the file and
  stable across snapshots: it is what tells "the same entry" from "a new one";
- ``name`` (required): the name as the registry writes it (pseudonyms in quotes, former names in
  parentheses are understood);
- ``kind``: ``individual`` (the default) or ``organisation``;
- ``aliases``: other names, separated by ``;``;
- ``birth_date``: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``DD.MM.YYYY``;
- ``listed_on``, ``removed_on``: ``YYYY-MM-DD`` or ``DD.MM.YYYY``.

See docs/registries.md for an example.
"""

from __future__ import annotations

from collections.abc import Sequence

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

COLUMNS = ("reference", "name", "kind", "aliases", "birth_date", "listed_on", "removed_on")
REQUIRED = ("reference", "name")
KINDS: dict[str, Kind] = {"individual": "individual", "organisation": "organisation"}


def looks_like(header: Sequence[str]) -> bool:
    names = {clean(h).lower() for h in header}
    return all(column in names for column in REQUIRED)


def _entry(row: int, values: dict[str, str], extra: dict[str, str]) -> ParsedEntry:
    reference, name = values.get("reference", ""), values.get("name", "")
    if not reference:
        raise RegistryFileError("the entry has no reference", row=row)
    if not name:
        raise RegistryFileError(f"entry {reference} has no name", row=row)
    kind_text = values.get("kind", "").lower() or "individual"
    if kind_text not in KINDS:
        raise RegistryFileError(f"kind {kind_text!r} is neither individual nor organisation", row=row)
    kind = KINDS[kind_text]
    aliases = [clean(a) for a in values.get("aliases", "").split(";") if clean(a)]
    names = (*spellings(name), *aliases) if kind == "individual" else (name, *aliases)
    return ParsedEntry(
        row=row,
        key=reference,
        reference=reference,
        kind=kind,
        name=name,
        names=tuple(dict.fromkeys(names)),
        birth_date=birth_date(values.get("birth_date", ""), row=row),
        listed_on=registry_date(values.get("listed_on", ""), row=row, what="listed_on"),
        removed_on=registry_date(values.get("removed_on", ""), row=row, what="removed_on"),
        raw={k: v for k, v in {**values, **extra}.items() if v},
    )


def read_csv(rows: Sequence[Sequence[str]], line_numbers: Sequence[int]) -> ParsedFile:
    header = [clean(h) for h in rows[0]]
    known = {i: h.lower() for i, h in enumerate(header) if h.lower() in COLUMNS}
    entries = []
    for line, cells in zip(line_numbers[1:], rows[1:], strict=True):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(header):
            raise RegistryFileError(f"{len(cells)} cells for {len(header)} columns", row=line)
        values = {known[i]: clean(c) for i, c in enumerate(cells) if i in known}
        extra = {header[i]: clean(c) for i, c in enumerate(cells) if i not in known and header[i]}
        entries.append(_entry(line, values, extra))
    check_unique(entries)
    return ParsedFile(format="generic-csv", registry="", entries=tuple(entries))
