"""Screening a partner's spreadsheet against the imported registries: "is anyone here listed?".

Input: UTF-8 CSV with the header ``id,name,birth_date``; a name in any script and order; a birth date
``YYYY-MM-DD``, ``YYYY`` or empty. Output: one row per candidate, with the header of ``OUTPUT_HEADER``.
Every row is checked before anything is screened, and the results are written only when all is well
(to a temporary file, then renamed), so a bad row leaves no file behind.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from haven.accounts.actor import Actor
from haven.registries.actions.records import screen_file_record
from haven.registries.models import Entry
from haven.registries.screening import CANDIDATES_PER_PERSON, registry_index
from haven_core.matching import Candidate, NameRecord
from haven_core.spreadsheets import write_csv_rows

INPUT_HEADER = ("id", "name", "birth_date")
OUTPUT_HEADER = ("id", "source", "entry_ref", "entry_name", "entry_birth_date", "score", "decision", "why")
_BIRTH = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


class ScreenFileError(ValueError):
    """The input cannot be screened; the message names the row (the header is row 1)."""


@dataclass(frozen=True)
class FileCounts:
    rows: int
    candidates: int
    matches: int


def _birth(text: str, row: int) -> str | None:
    from haven_core.dates import PartialDate, PartialDateError

    if not text:
        return None
    if not _BIRTH.match(text):
        raise ScreenFileError(f"row {row}: birth_date {text!r} is not YYYY-MM-DD, YYYY or empty")
    try:
        return PartialDate.parse(text).iso()
    except PartialDateError:
        raise ScreenFileError(f"row {row}: birth_date {text!r} is not a date") from None


def read_people(data: bytes) -> list[NameRecord]:
    """The people of the input file; :class:`ScreenFileError` naming the first bad row otherwise."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScreenFileError("the file is not UTF-8: save it as CSV UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip().lower() for h in header) != INPUT_HEADER:
            raise ScreenFileError(f"row 1: the header must be {','.join(INPUT_HEADER)}")
        records, seen = [], set()
        for cells in reader:
            row = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(INPUT_HEADER):
                raise ScreenFileError(f"row {row}: {len(cells)} cells, expected {len(INPUT_HEADER)}")
            ident, name, birth = (c.strip() for c in cells)
            if not ident:
                raise ScreenFileError(f"row {row}: the id is empty")
            if ident in seen:
                raise ScreenFileError(f"row {row}: the id {ident!r} appears twice")
            if not name:
                raise ScreenFileError(f"row {row}: the name is empty")
            seen.add(ident)
            records.append(NameRecord(id=ident, names=(name,), birth=_birth(birth, row), source="file"))
    except csv.Error as exc:
        raise ScreenFileError(f"row {reader.line_num}: {exc}") from None
    return records


def screen_records(records: Sequence[NameRecord]) -> list[tuple[NameRecord, Candidate, Entry]]:
    index = registry_index()
    if index is None:
        return []
    found = [(r, c) for r in records for c in index.matcher.candidates(r, limit=CANDIDATES_PER_PERSON)]
    entries = Entry.objects.select_related("registry").in_bulk([int(c.entry_id) for _r, c in found])
    return [(r, c, entries[int(c.entry_id)]) for r, c in found]


def write_results(path: Path, results: Sequence[tuple[NameRecord, Candidate, Entry]]) -> None:
    """Write the results next to ``path`` first, then put them in place: no half-written file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=".screen-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            write_csv_rows(
                out,
                itertools.chain(
                    [OUTPUT_HEADER],
                    (
                        [
                            record.id, entry.registry.slug, entry.reference, entry.name, entry.birth_date,
                            f"{candidate.score:.2f}", candidate.decision, "; ".join(candidate.reasons),
                        ]
                        for record, candidate, entry in results
                    ),
                ),
                lineterminator="\r\n",
            )  # fmt: skip
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def screen_file(*, actor: Actor, data: bytes, out: Path) -> FileCounts:
    """Screen the people of ``data`` and write one row per candidate to ``out``; audited."""
    records = read_people(data)
    results = screen_records(records)
    write_results(out, results)
    counts = FileCounts(
        rows=len(records),
        candidates=len(results),
        matches=sum(1 for _r, c, _e in results if c.decision == "match"),
    )
    screen_file_record(actor=actor, rows=counts.rows, candidates=counts.candidates, matches=counts.matches)
    return counts
