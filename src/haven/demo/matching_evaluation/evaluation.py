"""Measuring the matcher on labelled queries: recall, precision of ``match``, candidates, time.

A :class:`LabelledSet` is a list of entries and of queries, each query with the ids of the entries
that are truly the same person (none for a namesake built to trap the matcher). :func:`evaluate` runs
the matcher over it the way Haven does (index once, then ask for each query's candidates) and counts:

- recall: the share of queries with a true entry whose true entry is among the candidates
  (``match`` or ``review``: a human sees it);
- precision of ``match``: the share of ``match`` decisions that name a true entry;
- candidates per query, and the time per query.

:func:`evaluate_pairs` scores fixed (query, entry) pairs with any pairwise scorer, so that two
matchers can be compared on exactly the same pairs (see :mod:`.comparison`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from haven_core.matching.birth import parse_birth
from haven_core.matching.given_names import _table_keys, fine_keys, forms_of
from haven_core.matching.index import Matcher, _one_letter_apart
from haven_core.matching.name_parts import readings, record_readings, token
from haven_core.matching.profiles import _filing, profile
from haven_core.matching.records import Decision, NameRecord
from haven_core.matching.scoring import _given_pair, _patronymic_pair, _surname_pair, compare

# (entry id, score, decision) for one query, or None when the pair is not even worth a look.
Verdict = tuple[str, float, Decision]
PairScorer = Callable[[NameRecord, NameRecord], tuple[float, Decision] | None]


@dataclass(frozen=True)
class LabelledQuery:
    """A query and the entries that are truly the same person; ``kind`` says how it was written."""

    query: NameRecord
    truth: frozenset[str]
    kind: str


@dataclass(frozen=True)
class LabelledSet:
    """Entries and labelled queries. ``self_ids``: a query that is itself an entry skips its own id."""

    name: str
    entries: tuple[NameRecord, ...]
    queries: tuple[LabelledQuery, ...]
    self_ids: bool = False

    @property
    def positives(self) -> int:
        return sum(1 for q in self.queries if q.truth)


@dataclass
class ClassTally:
    """What one class of queries (how they were written, whatever the birth date) came to."""

    queries: int = 0
    positives: int = 0
    found: int = 0
    matches: int = 0
    true_matches: int = 0
    candidates: int = 0

    def line(self, name: str) -> str:
        recall = f"{self.found / self.positives:.3f}" if self.positives else "    -"
        precision = f"{self.true_matches / self.matches:.3f}" if self.matches else "    -"
        return (
            f"{name[:52]:<52} {self.queries:>6} {recall:>7} {self.matches:>7} {precision:>9} "
            f"{self.candidates / self.queries:>10.2f}"
        )


CLASS_HEADER = (
    f"{'class':<52} {'queries':>6} {'recall':>7} {'matches':>7} {'precision':>9} {'cand/query':>10}"
)


@dataclass
class Outcome:
    """What one matcher did on one labelled set."""

    matcher: str
    set_name: str
    queries: int = 0
    positives: int = 0
    found: int = 0
    matched_true: int = 0  # positive queries whose true entry came out as `match`
    matches: int = 0
    true_matches: int = 0
    candidates: int = 0
    seconds: float = 0.0
    build_seconds: float = 0.0
    pairs: int = 0
    missed: list[str] = field(default_factory=list)
    false_matches: list[str] = field(default_factory=list)
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [found or clean, total]
    by_class: dict[str, ClassTally] = field(default_factory=dict)  # kind without its birth date
    scores: list[tuple[float, bool]] = field(default_factory=list)  # every candidate: score, is it true

    @property
    def recall(self) -> float:
        return self.found / self.positives if self.positives else 1.0

    @property
    def match_precision(self) -> float:
        return self.true_matches / self.matches if self.matches else 1.0

    @property
    def match_recall(self) -> float:
        return self.matched_true / self.positives if self.positives else 1.0

    @property
    def candidates_per_query(self) -> float:
        return self.candidates / self.queries if self.queries else 0.0

    @property
    def ms_per_query(self) -> float:
        return 1000 * self.seconds / self.queries if self.queries else 0.0

    def record(self, labelled: LabelledQuery, verdicts: list[Verdict]) -> None:
        """Count one query's verdicts against its truth."""
        self.queries += 1
        self.candidates += len(verdicts)
        truth = labelled.truth
        hit = any(entry in truth for entry, _, _ in verdicts)
        wrong = [
            (entry, score)
            for entry, score, decision in verdicts
            if decision == "match" and entry not in truth
        ]
        self.scores += [(score, entry in truth) for entry, score, _ in verdicts]
        self.matches += sum(1 for _, _, decision in verdicts if decision == "match")
        self.true_matches += sum(1 for e, _, decision in verdicts if decision == "match" and e in truth)
        tally = self.by_kind.setdefault(labelled.kind, [0, 0])
        tally[1] += 1
        klass = self.by_class.setdefault(labelled.kind.split(", birth ")[0], ClassTally())
        klass.queries += 1
        klass.candidates += len(verdicts)
        klass.matches += sum(1 for _, _, decision in verdicts if decision == "match")
        klass.true_matches += sum(1 for e, _, decision in verdicts if decision == "match" and e in truth)
        if truth:
            klass.positives += 1
            klass.found += hit
        if truth:
            self.positives += 1
            self.found += hit
            self.matched_true += any(e in truth and d == "match" for e, _, d in verdicts)
            tally[0] += hit
            if not hit:
                self.missed.append(f"{labelled.kind}: {labelled.query.names} {labelled.query.birth}")
        else:
            tally[0] += not wrong
        for entry, score in wrong:
            self.false_matches.append(f"{labelled.kind}: {labelled.query.names} ~ {entry} ({score:.2f})")

    def calibration(self, edges: tuple[float, ...] = (0.2, 0.5, 0.7, 0.9, 0.95, 0.99)) -> list[str]:
        """For each score band, how many candidates fell in it and the share that were true."""
        lines = []
        for low, high in zip(edges, (*edges[1:], 1.0001), strict=True):
            band = [true for score, true in self.scores if low <= score < high]
            if band:
                share = sum(band) / len(band)
                lines.append(
                    f"score {low:.2f}-{min(high, 1.0):.2f}: {len(band):>6} candidates, {share:.3f} true"
                )
        return lines

    def class_lines(self) -> list[str]:
        """Recall, matches, precision of ``match`` and candidates per query for each class of query."""
        return [CLASS_HEADER] + [tally.line(name) for name, tally in sorted(self.by_class.items())]

    def summary(self) -> str:
        return (
            f"{self.matcher:<12} {self.set_name:<10} queries {self.queries:>6}  "
            f"positives {self.positives:>6}  "
            f"recall {self.recall:.4f}  match precision {self.match_precision:.4f} ({self.matches} matches)  "
            f"matched {self.match_recall:.3f}  candidates/query {self.candidates_per_query:.2f}  "
            f"{self.ms_per_query:.3f} ms/query"
        )


def _without_self(labelled: LabelledQuery, verdicts: Iterable[Verdict], self_ids: bool) -> list[Verdict]:
    return [v for v in verdicts if not (self_ids and v[0] == labelled.query.id)]


def clear_caches() -> None:
    """Forget every name and date already read, so that a timing includes the reading."""
    caches: list[Any] = [
        token,
        readings,
        record_readings,
        profile,
        _filing,
        forms_of,
        fine_keys,
        _table_keys,
        parse_birth,
        _one_letter_apart,
    ]
    for cached in [*caches, _surname_pair, _given_pair, _patronymic_pair]:
        cached.cache_clear()


def evaluate(labelled_set: LabelledSet, *, limit: int = 10) -> Outcome:
    """Run Haven's matcher over a labelled set as Haven runs it: one index, then each query."""
    clear_caches()
    outcome = Outcome("haven", labelled_set.name)
    started = time.perf_counter()
    matcher = Matcher(labelled_set.entries)
    outcome.build_seconds = time.perf_counter() - started
    extra = 1 if labelled_set.self_ids else 0
    for labelled in labelled_set.queries:
        started = time.perf_counter()
        found = matcher.candidates(labelled.query, limit=limit + extra)
        outcome.seconds += time.perf_counter() - started
        verdicts = [(c.entry_id, c.score, c.decision) for c in found]
        outcome.record(labelled, _without_self(labelled, verdicts, labelled_set.self_ids)[:limit])
    return outcome


def blocked_pairs(labelled_set: LabelledSet) -> list[tuple[LabelledQuery, list[NameRecord]]]:
    """For each query, every entry that shares a surname key with it, plus its true entries.

    This is blocking on the surname alone, looser than Haven's index (which also asks the given names
    and birth dates to leave a chance of review): the pairs are the same for every matcher compared on
    them, and include the namesakes that Haven's index would not have offered to its own scorer.
    """
    by_key: dict[str, list[int]] = {}
    for i, entry in enumerate(labelled_set.entries):
        for key in profile(entry.names).filing.surname_keys:
            by_key.setdefault(key, []).append(i)
    by_id = {entry.id: entry for entry in labelled_set.entries}
    pairs = []
    for labelled in labelled_set.queries:
        found = sorted(
            {i for key in profile(labelled.query.names).filing.surname_keys for i in by_key.get(key, ())}
        )
        offered = [labelled_set.entries[i] for i in found]
        ids = {entry.id for entry in offered}
        offered += [by_id[t] for t in sorted(labelled.truth) if t not in ids and t in by_id]
        if labelled_set.self_ids:
            offered = [entry for entry in offered if entry.id != labelled.query.id]
        pairs.append((labelled, offered))
    return pairs


def haven_pair_scorer(query: NameRecord, entry: NameRecord) -> tuple[float, Decision] | None:
    candidate = compare(query, entry)
    return (candidate.score, candidate.decision) if candidate else None


def evaluate_pairs(
    name: str,
    set_name: str,
    pairs: list[tuple[LabelledQuery, list[NameRecord]]],
    scorer: PairScorer,
    *,
    limit: int = 10,
) -> Outcome:
    """Score the given pairs with ``scorer`` and count as :func:`evaluate` does."""
    outcome = Outcome(name, set_name)
    for labelled, entries in pairs:
        started = time.perf_counter()
        verdicts: list[Verdict] = []
        for entry in entries:
            if (result := scorer(labelled.query, entry)) is not None:
                verdicts.append((entry.id, result[0], result[1]))
        outcome.seconds += time.perf_counter() - started
        outcome.pairs += len(entries)
        verdicts.sort(key=lambda v: (-v[1], v[0]))
        outcome.record(labelled, verdicts[:limit])
    return outcome
