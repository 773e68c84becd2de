"""Side by side with OpenSanctions' matcher: nomenklatura's ``logic-v2`` on the same pairs.

nomenklatura compares two FollowTheMoney entities; it has no blocking of its own here, so both
matchers score exactly the same pairs: for each query, every entry sharing a surname key with it,
plus its true entries (see :func:`.evaluation.blocked_pairs`). Each record becomes a ``Person``
with its own id, every spelling as ``name`` and the birth date as ``birthDate``.

nomenklatura says "match" from a score of 0.7 (yente's default ``SCORE_THRESHOLD``); we count a pair
it scores from 0.5 as a candidate for review. It is an optional dependency (``pip install
haven[eval]``): :func:`nomenklatura_scorer` raises :class:`ComparisonUnavailable` without it.
"""

from __future__ import annotations

from typing import Any

from haven.demo.matching_evaluation.evaluation import (
    LabelledSet,
    Outcome,
    PairScorer,
    blocked_pairs,
    clear_caches,
    evaluate_pairs,
    haven_pair_scorer,
)
from haven_core.matching.records import Decision, NameRecord

NOMENKLATURA_MATCH_AT = 0.7
NOMENKLATURA_REVIEW_AT = 0.5


class ComparisonUnavailable(RuntimeError):
    """nomenklatura is not installed."""


def nomenklatura_scorer(
    match_at: float = NOMENKLATURA_MATCH_AT, review_at: float = NOMENKLATURA_REVIEW_AT
) -> PairScorer:
    """A pair scorer backed by nomenklatura's ``logic-v2``, deciding by the given thresholds."""
    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
        from nomenklatura.matching.types import ScoringConfig
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ComparisonUnavailable(
            "nomenklatura is not installed: pip install -e '.[eval]' to compare with it"
        ) from exc
    algorithm: Any = get_algorithm("logic-v2")
    config = ScoringConfig.defaults()
    entities: dict[str, Any] = {}

    def entity(side: str, record: NameRecord) -> Any:
        key = f"{side}-{record.id}"
        if key not in entities:
            person = model.make_entity("Person")
            person.id = key
            for name in record.names:
                person.add("name", name)
            if record.birth:
                person.add("birthDate", record.birth)
            entities[key] = person
        return entities[key]

    def score(query: NameRecord, entry: NameRecord) -> tuple[float, Decision] | None:
        result = algorithm.compare(entity("query", query), entity("entry", entry), config)
        value = float(result.score)
        if value >= match_at:
            return value, "match"
        if value >= review_at:
            return value, "review"
        return None

    return score


def side_by_side(labelled_set: LabelledSet, *, limit: int = 10) -> tuple[Outcome, Outcome]:
    """Haven's scorer and nomenklatura's on the same pairs of ``labelled_set``."""
    pairs = blocked_pairs(labelled_set)
    theirs = nomenklatura_scorer()
    # nomenklatura loads its name data on first use (seconds): warm it up outside the timing.
    warm = NameRecord("warm-up", ("Котова Юлия Сергеевна",), "1988-03-12")
    theirs(warm, NameRecord("warm-up-entry", ("KOTOVA, IULIIA",), "1988"))
    clear_caches()  # Haven's scorer reads every name afresh too
    ours = evaluate_pairs("haven", labelled_set.name, pairs, haven_pair_scorer, limit=limit)
    other = evaluate_pairs("nomenklatura", labelled_set.name, pairs, theirs, limit=limit)
    return ours, other
