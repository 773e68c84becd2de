"""The blocking index: which entries are worth the scorer's time for a query.

Scoring every pair of 1,000 people and 100,000 registry entries would be 100 million comparisons.
The index keeps, for every surname an entry may have (each part of a double surname, every spelling,
the gender-neutral stem that makes Котов meet Kotova), the entries that bear it; a query looks up
its own surname keys and keeps the entries whose given name could agree (same initial or the same
name in the table) or whose birth year is its own. A second, smaller index on (given name, birth
year) finds an entry whose surname was misspelled by a letter. Only the entries found are scored.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable

from haven_core.dates import PartialDate
from haven_core.matching.birth import birth_evidence, parse_birth
from haven_core.matching.features import beyond_review
from haven_core.matching.name_parts import record_readings
from haven_core.matching.profiles import Filing, filing, profile
from haven_core.matching.records import Candidate, NameRecord
from haven_core.matching.scoring import _one_edit, compare


def _one_letter_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(min(len(x), len(y)) >= 4 and _one_edit(x, y) for x in a for y in b)


class Matcher:
    """Candidates for queries among a fixed set of entries (a registry, or the caseload).

    >>> matcher = Matcher([NameRecord("e1", ("Котова Юлия Сергеевна",), "1988-03-12"),
    ...                    NameRecord("e2", ("Котова Анна Петровна",), "1990-01-02")])
    >>> [(c.entry_id, c.decision) for c in matcher.candidates(NameRecord("q", ("Yulia Kotova",), "1988"))]
    [('e1', 'review')]
    """

    def __init__(self, entries: Iterable[NameRecord]) -> None:
        # Building makes hundreds of thousands of small objects and no reference cycles: the cyclic
        # garbage collector would walk them again and again for nothing.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(entries)
        finally:
            if collecting:
                gc.enable()

    def _build(self, entries: Iterable[NameRecord]) -> None:
        self._entries: list[NameRecord] = []
        self._filings: list[Filing] = []  # parallel to the entries: few objects for the collector
        self._births: list[PartialDate | None] = []
        self._by_surname: dict[str, list[int]] = defaultdict(list)
        self._by_name_year: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i, entry in enumerate(entries):
            # Read without the profile cache: most entries are never asked for again.
            filed = filing(record_readings.__wrapped__(entry.names))
            birth = parse_birth(entry.birth)
            year = birth.year if birth else None
            self._entries.append(entry)
            self._filings.append(filed)
            self._births.append(birth)
            for key in filed.surname_keys:
                self._by_surname[key].append(i)
            if year is not None:
                for code in filed.given_codes:
                    if not code.startswith("c:"):
                        self._by_name_year[(code, year)].append(i)

    def __len__(self) -> int:
        return len(self._entries)

    def blocked(self, query: NameRecord) -> list[int]:
        """The positions of the entries worth scoring against ``query``, in entry order.

        An entry whose birth date rules out review whatever its names (:func:`.features.beyond_review`)
        is not. An entry bearing one of the query's surname keys is worth it when the given names could agree:
        the same name in full (a table entry or a key), an initial where one side has only an initial,
        no given name on one side, or given names a letter apart with the same birth year (a typo).
        """
        query_filing = profile(query.names).filing
        birth = parse_birth(query.birth)
        year = birth.year if birth else None
        given, initials = query_filing.given_codes, query_filing.initials
        no_given = not given and not initials
        kept: set[int] = set()
        seen: set[int] = set()
        for key in query_filing.surname_keys:
            for i in self._by_surname.get(key, ()):
                if i in seen:
                    continue
                seen.add(i)
                entry, entry_birth = self._filings[i], self._births[i]
                if (
                    no_given
                    or not (entry.given_codes or entry.initials)
                    or not given.isdisjoint(entry.given_codes)
                    or (
                        (query_filing.initial_only or entry.initial_only)
                        and not initials.isdisjoint(entry.initials)
                    )
                    or (
                        year is not None
                        and entry_birth is not None
                        and entry_birth.year == year
                        and _one_letter_apart(query_filing.given_fine, entry.given_fine)
                    )
                ):
                    kept.add(i)
        if year is not None:
            for code in given:
                for i in self._by_name_year.get((code, year), ()):
                    if i not in kept and _one_letter_apart(
                        query_filing.surname_fine, self._filings[i].surname_fine
                    ):
                        kept.add(i)
        if birth is not None:
            kept = {
                i
                for i in kept
                if (entry_birth := self._births[i]) is None
                or not beyond_review(birth_evidence(birth, entry_birth).weight)
            }
        return sorted(kept)

    def candidates(self, query: NameRecord, *, limit: int = 10) -> list[Candidate]:
        """The entries that match or deserve review, best first, at most ``limit``."""
        found = [c for c in (compare(query, self._entries[i]) for i in self.blocked(query)) if c is not None]
        found.sort(key=lambda c: (-c.score, c.entry_id))
        return found[:limit]
