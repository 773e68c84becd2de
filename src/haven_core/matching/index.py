"""The blocking index: which entries are worth scoring against a query."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from haven_core.matching.records import Candidate, NameRecord
from haven_core.matching.scoring import compare
from haven_core.names import name_keys


class Matcher:
    """Candidates for queries among a fixed set of entries (a registry, or the caseload)."""

    def __init__(self, entries: Iterable[NameRecord]) -> None:
        self._entries: list[NameRecord] = list(entries)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(self._entries):
            for key in name_keys(*entry.names):
                self._postings[key].append(i)

    def __len__(self) -> int:
        return len(self._entries)

    def candidates(self, query: NameRecord, *, limit: int = 10) -> list[Candidate]:
        """The entries that match or deserve review, best first, at most ``limit``."""
        seen: set[int] = set()
        for key in name_keys(*query.names):
            seen.update(self._postings.get(key, ()))
        found = [c for c in (compare(query, self._entries[i]) for i in sorted(seen)) if c is not None]
        found.sort(key=lambda c: -c.score)
        return found[:limit]
