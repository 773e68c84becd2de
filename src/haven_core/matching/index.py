"""The blocking index: which entries are worth the scorer's time for a query.

Scoring every pair of 1,000 people and 100,000 registry entries would be 100 million comparisons.
The index keeps, for every surname an entry may have (each part of a double surname, every spelling,
the gender-neutral stem that makes Котов meet Kotova), the entries that bear it; a query looks up
its own surname keys and keeps the entries whose given name could agree (the same name in the
table, an initial where one side has only an initial, or a letter apart). A second index, on the
surname keys less one letter each, finds an entry whose surname is one typo away (a letter dropped,
added or replaced, or two neighbours swapped), with or without a birth date. Only the entries found
are scored.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from haven_core.dates import PartialDate
from haven_core.matching.birth import birth_evidence, parse_birth
from haven_core.matching.features import beyond_review
from haven_core.matching.name_parts import Token, record_readings
from haven_core.matching.packed import PackedRecords
from haven_core.matching.profiles import Filing, filing_of, filing_words, profile
from haven_core.matching.records import Candidate, NameRecord
from haven_core.matching.scoring import TYPO_MIN, _one_edit, compare

_TYPED = "~"  # the prefix of a typed spelling among the surname keys


# Keyed by two filings' sets of keys, which it keeps alive: kept small (a few hits per query).
@lru_cache(maxsize=4096)
def _one_letter_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(min(len(x), len(y)) >= TYPO_MIN and _one_edit(x, y) for x in a for y in b)


def _less_one_letter(key: str) -> set[str]:
    """The key itself and every key made from it by leaving out one letter.

    Two keys one typo apart (a letter dropped, added or replaced, or two neighbours swapped) always
    share one of these, so looking them up finds the near surnames without comparing them all.

    >>> sorted(_less_one_letter("kotov"))
    ['koov', 'koto', 'kotov', 'kotv', 'ktov', 'otov']
    """
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


class Matcher:
    """Candidates for queries among a fixed set of entries (a registry, or the caseload).

    The entries are kept packed (:class:`.packed.PackedRecords`, a few hundred bytes each), filed by
    their surname keys in arrays of positions, each with the given-name part of its filing shared by
    every entry with the same given names: a matcher over 100,000 people holds no object per person.

    >>> matcher = Matcher([NameRecord("e1", ("Котова Юлия Сергеевна",), "1988-03-12"),
    ...                    NameRecord("e2", ("Котова Анна Петровна",), "1990-01-02")])
    >>> [(c.entry_id, c.decision) for c in matcher.candidates(NameRecord("q", ("Yulia Kotova",), "1988"))]
    [('e1', 'review')]
    """

    def __init__(self, entries: Iterable[NameRecord]) -> None:
        self._entries = PackedRecords()
        self._given = array("I")  # parallel to the entries: their given names' filing, by number
        self._givens: list[Filing] = []  # the given-name filings, each once
        numbers: dict[tuple[Token, ...], int] = {}
        self._births = array("I")  # parallel to the entries: packed (see _packed_birth)
        by_surname: dict[str, array[int]] = {}
        surname_fine: set[str] = set()
        surname_typed: set[str] = set()
        for i, entry in enumerate(entries):
            # Read without the profile caches: most entries are never asked for again.
            surnames, given = filing_words(record_readings.__wrapped__(entry.names))
            filed = filing_of(surnames, ())
            number = numbers.get(given)
            if number is None:
                number = numbers[given] = len(self._givens)
                self._givens.append(filing_of((), given))
            self._entries.append(entry)
            self._given.append(number)
            self._births.append(_packed_birth(parse_birth.__wrapped__(entry.birth)))
            keys = {*filed.surname_keys, *(_TYPED + s for s in filed.surname_typed - filed.surname_fine)}
            for key in keys:
                found = by_surname.get(key)
                if found is None:
                    found = by_surname[key] = array("I")
                found.append(i)
            surname_fine |= filed.surname_fine
            surname_typed |= filed.surname_typed
        self._by_surname = by_surname
        # The near-surname index is over distinct spellings, not entries: a few per surname.
        self._near: dict[str, list[str]] = defaultdict(list)
        for spellings, prefix in ((surname_fine, ""), (surname_typed - surname_fine, _TYPED)):
            for key in spellings:
                if len(key) >= TYPO_MIN:
                    for shorter in _less_one_letter(key):
                        self._near[shorter].append(prefix + key)

    def __len__(self) -> int:
        return len(self._entries)

    def entry(self, position: int) -> NameRecord:
        """The entry at ``position`` (in the order the entries were given)."""
        return self._entries[position]

    def blocked(self, query: NameRecord) -> list[int]:
        """The positions of the entries worth scoring against ``query``, in entry order.

        An entry whose birth date rules out review whatever its names (:func:`.features.beyond_review`)
        is not. An entry bearing one of the query's surname keys, or a surname one typo from the
        query's, is worth it when the given names could agree: the same name in full (a table entry or
        a key), an initial where one side has only an initial, no given name on one side, or given
        names a letter apart (a typo).
        """
        query_filing = profile(query.names).filing
        birth = parse_birth(query.birth)
        kept: set[int] = set()
        seen: set[int] = set()
        may_agree: dict[int, bool] = {}  # by given-name filing: entries with the same names share one
        given, givens = self._given, self._givens
        near = self._near_keys(query_filing.surname_fine | query_filing.surname_typed)
        for key in (*query_filing.surname_keys, *near):
            for i in self._by_surname.get(key, ()):
                if i in seen:
                    continue
                seen.add(i)
                number = given[i]
                agree = may_agree.get(number)
                if agree is None:
                    agree = may_agree[number] = _given_may_agree(query_filing, givens[number])
                if agree:
                    kept.add(i)
        if birth is not None:
            kept = {
                i
                for i in kept
                if (entry_birth := _unpacked_birth(self._births[i])) is None
                or not beyond_review(birth_evidence(birth, entry_birth).weight)
            }
        return sorted(kept)

    def _near_keys(self, surnames: frozenset[str]) -> set[str]:
        """The entries' surname keys and typed spellings one typo from one of ``surnames``."""
        near: set[str] = set()
        for key in surnames:
            if len(key) < TYPO_MIN:
                continue
            for shorter in _less_one_letter(key):
                for other in self._near.get(shorter, ()):
                    bare = other.removeprefix(_TYPED)
                    if other not in near and len(bare) >= TYPO_MIN and _one_edit(key, bare):
                        near.add(other)
        return near

    def candidates(self, query: NameRecord, *, limit: int = 10) -> list[Candidate]:
        """The entries that match or deserve review, best first, at most ``limit``."""
        found = [c for c in (compare(query, self._entries[i]) for i in self.blocked(query)) if c is not None]
        found.sort(key=lambda c: (-c.score, c.entry_id))
        return found[:limit]


def _packed_birth(birth: PartialDate | None) -> int:
    """A birth date in one number (0: none): year, month and day in decimal places, 0 for unknown."""
    if birth is None:
        return 0
    return birth.year * 10000 + (birth.month or 0) * 100 + (birth.day or 0)


def _unpacked_birth(packed: int) -> PartialDate | None:
    if not packed:
        return None
    year, rest = divmod(packed, 10000)
    month, day = divmod(rest, 100)
    return PartialDate(year, month or None, day or None)


def _given_may_agree(query: Filing, entry: Filing) -> bool:
    """Whether the given names of two filings leave a chance of review (see :meth:`Matcher.blocked`)."""
    given = query.given_codes
    if not (given or query.initials) or not (entry.given_codes or entry.initials):
        return True
    if not given.isdisjoint(entry.given_codes):
        return True
    if (query.initial_only or entry.initial_only) and not query.initials.isdisjoint(entry.initials):
        return True
    # A typo apart only counts where one of the two words is not a name of the table (two names of
    # the table that differ are different names): see :func:`.scoring._given_pair`.
    if not (query.given_unlisted or entry.given_unlisted):
        return False
    return _one_letter_apart(query.given_fine, entry.given_fine) or _one_letter_apart(
        query.given_typed, entry.given_typed
    )
