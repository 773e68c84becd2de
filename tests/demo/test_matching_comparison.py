"""Two matchers are compared on exactly the same pairs, counted the same way."""

import datetime as dt
import os

import pytest

from haven.demo.matching_evaluation.evaluation import (
    LabelledQuery,
    LabelledSet,
    blocked_pairs,
    evaluate_pairs,
    haven_pair_scorer,
)
from haven.demo.matching_evaluation.labelled_seed import seed_set
from haven_core.matching import NameRecord

ENTRIES = (
    NameRecord("kotova", ("Котова Юлия Сергеевна",), "1988-03-12"),
    NameRecord("kotov", ("Котов Юрий Сергеевич",), "1985-01-02"),
)
QUERIES = (
    LabelledQuery(NameRecord("q1", ("KOTOVA, IULIIA",), "1988-03-12"), frozenset({"kotova"}), "US record"),
    LabelledQuery(NameRecord("q2", ("Kotova Anna",), "1990-05-05"), frozenset(), "namesake"),
)
SMALL = LabelledSet("small", ENTRIES, QUERIES)


def test_the_pairs_are_every_entry_sharing_a_surname_key_plus_every_true_entry():
    pairs = blocked_pairs(SMALL)
    assert [[e.id for e in entries] for _, entries in pairs] == [["kotova", "kotov"], ["kotova", "kotov"]]
    far = LabelledQuery(NameRecord("q3", ("Ivanova Anna",), None), frozenset({"kotova"}), "mislabelled")
    assert [e.id for e in blocked_pairs(LabelledSet("far", ENTRIES, (far,)))[0][1]] == ["kotova"]


def test_a_scorer_that_matches_everything_has_full_recall_and_poor_precision():
    pairs = [(labelled, list(ENTRIES)) for labelled in QUERIES]
    outcome = evaluate_pairs("credulous", "small", pairs, lambda q, e: (1.0, "match"))
    assert (outcome.recall, outcome.match_precision, outcome.candidates_per_query) == (1.0, 0.25, 2.0)
    assert outcome.pairs == 4
    assert len(outcome.false_matches) == 3


def test_haven_scored_on_the_pairs_alone_finds_the_truth_and_matches_nothing_else():
    outcome = evaluate_pairs("haven", "small", blocked_pairs(SMALL), haven_pair_scorer)
    assert (outcome.recall, outcome.match_precision, outcome.matches) == (1.0, 1.0, 1)


@pytest.mark.skipif(
    not os.environ.get("HAVEN_COMPARE"),
    reason="loading nomenklatura takes seconds: set HAVEN_COMPARE=1 to run it (haven match-eval always does)",
)
def test_nomenklatura_is_run_on_the_same_pairs_when_installed():
    pytest.importorskip("nomenklatura", reason="nomenklatura is optional: pip install -e '.[eval]'")
    from haven.demo.matching_evaluation.comparison import side_by_side

    labelled = seed_set(seed=3, households=40, today=dt.date(2026, 1, 15))
    ours, theirs = side_by_side(labelled)
    assert ours.pairs == theirs.pairs > 0
    assert ours.queries == theirs.queries == len(labelled.queries)
    assert ours.recall >= theirs.recall - 0.01
