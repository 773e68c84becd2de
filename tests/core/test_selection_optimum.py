"""The exact selection is the optimum: checked against every subset on small random instances."""

from __future__ import annotations

import itertools
import random

import pytest

from haven_core.selection import (
    Candidate,
    Limits,
    Parameters,
    Pin,
    SelectionError,
    Weights,
    select,
    what_if,
)
from haven_core.selection.exact import solve
from haven_core.selection.problem import Item, Problem

PATHWAYS = ("gar", "psr")


def _items(rnd: random.Random, n: int) -> list[Item]:
    return [
        Item(
            key=f"H{i}",
            people=rnd.randint(1, 5),
            value=rnd.randint(1, 60) * rnd.choice([1, 1, 2]),
            emergency=rnd.random() < 0.25,
            organisation=rnd.choice("AB"),
            pathways=frozenset(p for p in PATHWAYS if rnd.random() < 0.4),
        )
        for i in range(n)
    ]


def _brute(problem: Problem, among: list[int], fixed: tuple[int, ...] = ()) -> int:
    best = -1
    for r in range(len(among) + 1):
        for subset in itertools.combinations(among, r):
            chosen = list(fixed) + list(subset)
            if problem.feasible(chosen):
                best = max(best, sum(problem.items[i].value for i in subset))
    return best


@pytest.mark.parametrize("seed", range(120))
def test_exact_matches_brute_force(seed: int) -> None:
    rnd = random.Random(seed)
    items = _items(rnd, rnd.randint(1, 9))
    problem = Problem(
        items=items,
        quota=rnd.randint(0, 16),
        per_organisation=rnd.choice([None, 4, 7]),
        per_pathway=rnd.choice([{}, {"gar": 3}, {"psr": 5, "gar": 6}]),
        emergency_first=rnd.random() < 0.5,
    )
    chosen = solve(problem)
    assert problem.feasible(chosen)
    everyone = list(range(len(items)))
    if not problem.emergency_first:
        assert sum(items[i].value for i in chosen) == _brute(problem, everyone)
        return
    # Emergency households first: the best emergency total, then the best of the others in what is left.
    urgent = [i for i in everyone if items[i].emergency]
    others = [i for i in everyone if not items[i].emergency]
    chosen_urgent = tuple(i for i in chosen if items[i].emergency)
    assert sum(items[i].value for i in chosen_urgent) == _brute(problem, urgent)
    rest = sum(items[i].value for i in chosen if not items[i].emergency)
    assert rest == _brute(problem, others, fixed=chosen_urgent)


def test_emergency_households_go_first_even_when_worth_less() -> None:
    items = [
        Item("calm", people=2, value=900),
        Item("emergency", people=2, value=100, emergency=True),
    ]
    assert solve(Problem(items, quota=2)) == (1,)
    assert solve(Problem(items, quota=2, emergency_first=False)) == (0,)


def test_optimum_beats_greedy_where_a_family_does_not_fit() -> None:
    # Greedy takes the best priority per person (the single person); the family of six then no longer
    # fits and a family of four takes four of the five places left. The optimum takes the six.
    def household(key: str, people: int, risk: float) -> Candidate:
        return Candidate(key, people, risk=risk, well_documented=True, assessed=True)

    candidates = [household("single", 1, 100), household("six", 6, 90), household("four", 4, 50)]
    run = select(candidates, Parameters(quota=6, weights=Weights(1, 0, 0)))
    assert [o.key for o in run.chosen] == ["six"]
    assert {o.key for o in run.outcomes if o.in_greedy} == {"single", "four"}
    assert (run.exact.priority, run.greedy.priority, run.gain) == (540.0, 300.0, 240.0)


def test_families_are_never_split_and_limits_hold_at_scale() -> None:
    rnd = random.Random(5)
    candidates = [
        Candidate(
            f"H{i:04d}",
            rnd.randint(1, 6),
            organisation=f"org{rnd.randrange(4)}",
            pathways=frozenset({"gar"}) if rnd.random() < 0.3 else frozenset(),
            emergency=rnd.random() < 0.05,
            well_documented=True,
            assessed=True,
            risk=rnd.uniform(0, 100),
            vulnerability=rnd.uniform(0, 100),
            urgency=rnd.uniform(0, 100),
        )
        for i in range(3000)
    ]
    params = Parameters(quota=500, limits=Limits(per_organisation=150, per_pathway={"gar": 60}))
    run = select(candidates, params)
    by_key = {c.key: c for c in candidates}
    chosen = run.chosen
    assert sum(o.people for o in chosen) <= 500
    assert all(o.people == by_key[o.key].people for o in chosen)  # whole households only
    for org in {c.organisation for c in candidates}:
        assert sum(o.people for o in chosen if o.organisation == org) <= 150
    assert sum(o.people for o in chosen if "gar" in by_key[o.key].pathways) <= 60
    assert run.exact.priority >= run.greedy.priority


def test_same_inputs_in_any_order_give_the_same_selection() -> None:
    rnd = random.Random(11)
    candidates = [
        Candidate(
            f"H{i:03d}", rnd.randint(1, 4), risk=rnd.choice([50, 60]), well_documented=True, assessed=True
        )
        for i in range(200)
    ]
    first = select(candidates, Parameters(quota=97))
    rnd.shuffle(candidates)
    second = select(candidates, Parameters(quota=97))
    assert [o.key for o in first.chosen] == [o.key for o in second.chosen]
    assert [(o.key, o.code, o.rank) for o in first.outcomes] == [
        (o.key, o.code, o.rank) for o in second.outcomes
    ]


def test_pins_in_are_taken_and_pins_that_cannot_fit_are_refused() -> None:
    candidates = [
        Candidate("low", 3, risk=1, well_documented=True, assessed=True),
        Candidate("high", 3, risk=99, well_documented=True, assessed=True),
    ]
    run = select(candidates, Parameters(quota=3, pins=(Pin("low", True, "court date tomorrow"),)))
    assert [o.key for o in run.chosen] == ["low"]
    assert run.chosen[0].code == "pinned_in"
    with pytest.raises(SelectionError):
        select(candidates, Parameters(quota=2, pins=(Pin("low", True, "court date tomorrow"),)))


def test_what_if_grows_with_the_quota() -> None:
    rnd = random.Random(3)
    candidates = [
        Candidate(f"H{i}", rnd.randint(1, 5), risk=rnd.uniform(1, 100), well_documented=True, assessed=True)
        for i in range(400)
    ]
    rows = what_if(candidates, Parameters(quota=0), [300, 100, 200, 100])
    assert [r.quota for r in rows] == [100, 200, 300]
    assert [r.exact.people for r in rows] == [100, 200, 300]
    assert rows[0].exact.priority < rows[1].exact.priority < rows[2].exact.priority
    assert all(r.gain >= 0 for r in rows)
