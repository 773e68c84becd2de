"""The blocking index: which entries are worth the scorer's time for a query.

Scoring every pair of 1,000 people and 100,000 registry entries would be 100 million comparisons.
The index keeps, for every surname an entry may have (each part of a double surname, every spelling,
the gender-neutral stem that makes Котов meet Kotova), the entries that bear it; a query looks up
its own surname keys and keeps the entries whose given name could agree (same initial or the same
name in the table) or whose birth year is its own. A second, smaller index on (given name, birth
year) finds an entry whose surname was misspelled by a letter. Only the entries found are scored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from haven_core.matching.birth import parse_birth
from haven_core.matching.name_parts import record_readings
from haven_core.matching.records import Candidate, NameRecord
from haven_core.matching.scoring import _one_edit, compare


@dataclass(frozen=True)
class _Keys:
    """What the index knows of a record, beyond the record itself."""

    surnames: tuple[str, ...]  # blocking keys of every surname word: coarse keys and stems
    surname_fine: tuple[str, ...]  # fine keys of every surname word, for the one-letter check
    given: tuple[str, ...]  # initials ("i:k") and given-name table entries ("g:12") of given names
    names: tuple[str, ...]  # fine keys and table entries of given names, for the (given, year) index
    year: int | None


def _keys(record: NameRecord) -> _Keys:
    surnames: set[str] = set()
    fine: set[str] = set()
    given: set[str] = set()
    names: set[str] = set()
    for _, reading in record_readings(record.names):
        for t in reading.surname:
            surnames |= t.coarse | t.fine
            fine |= t.fine
            if t.stem:
                surnames.add(t.stem)
        for t in reading.given:
            given |= {f"i:{letter}" for letter in t.initials}
            forms = {f"g:{i}" for i, _ in t.forms}
            given |= forms
            if not t.is_initial:
                names |= forms | {f"k:{key}" for key in t.fine}
    birth = parse_birth(record.birth)
    return _Keys(
        tuple(sorted(surnames)),
        tuple(sorted(fine)),
        tuple(sorted(given)),
        tuple(sorted(names)),
        birth.year if birth else None,
    )


class Matcher:
    """Candidates for queries among a fixed set of entries (a registry, or the caseload).

    >>> matcher = Matcher([NameRecord("e1", ("Котова Юлия Сергеевна",), "1988-03-12"),
    ...                    NameRecord("e2", ("Котова Анна Петровна",), "1990-01-02")])
    >>> [(c.entry_id, c.decision) for c in matcher.candidates(NameRecord("q", ("Yulia Kotova",), "1988"))]
    [('e1', 'review')]
    """

    def __init__(self, entries: Iterable[NameRecord]) -> None:
        self._entries: list[NameRecord] = []
        self._keys: list[_Keys] = []
        self._by_surname: dict[str, list[int]] = defaultdict(list)
        self._by_name_year: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i, entry in enumerate(entries):
            keys = _keys(entry)
            self._entries.append(entry)
            self._keys.append(keys)
            for key in keys.surnames:
                self._by_surname[key].append(i)
            if keys.year is not None:
                for name in keys.names:
                    self._by_name_year[(name, keys.year)].append(i)

    def __len__(self) -> int:
        return len(self._entries)

    def blocked(self, query: NameRecord) -> list[int]:
        """The positions of the entries worth scoring against ``query``, in entry order."""
        keys = _keys(query)
        given = set(keys.given)
        found: set[int] = set()
        for key in keys.surnames:
            for i in self._by_surname.get(key, ()):
                if i in found:
                    continue
                entry = self._keys[i]
                if (
                    not given
                    or not entry.given
                    or (keys.year is not None and entry.year == keys.year)
                    or any(code in given for code in entry.given)
                ):
                    found.add(i)
        if keys.year is not None:
            fine = keys.surname_fine
            for name in keys.names:
                for i in self._by_name_year.get((name, keys.year), ()):
                    if i not in found and any(
                        _one_edit(a, b) and min(len(a), len(b)) >= 4
                        for a in fine
                        for b in self._keys[i].surname_fine
                    ):
                        found.add(i)
        return sorted(found)

    def candidates(self, query: NameRecord, *, limit: int = 10) -> list[Candidate]:
        """The entries that match or deserve review, best first, at most ``limit``."""
        found = [c for c in (compare(query, self._entries[i]) for i in self.blocked(query)) if c is not None]
        found.sort(key=lambda c: (-c.score, c.entry_id))
        return found[:limit]
