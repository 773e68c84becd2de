"""One selection run, and the same run for several quotas (what-if).

Ties are broken the same way every time: households are ranked by pin (pinned first), emergency (when
emergency cases go first), priority per person (higher first) and then their reference; both solvers
see them in that order, and the exact solver runs single-threaded with a fixed seed, so the same
inputs in any order give the same selection.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from haven_core.selection import exact, greedy
from haven_core.selection.eligibility import judge
from haven_core.selection.inputs import Candidate, Parameters
from haven_core.selection.priority import contributions, household_points, points
from haven_core.selection.problem import Item, Problem
from haven_core.selection.reasons import explain


class SelectionError(Exception):
    """The run cannot be made as asked (e.g. pinned households do not fit)."""


@dataclass(frozen=True)
class Outcome:
    key: str
    people: int
    organisation: str
    emergency: bool
    priority: float  # per person
    contributions: dict[str, float]  # per person, by name
    eligible: bool
    selected: bool
    code: str
    detail: dict[str, Any] = field(default_factory=dict)
    rank: int | None = None  # among eligible households
    in_greedy: bool = False
    ready: bool = True  # can be referred now; an eligible one that is not was explicitly included
    not_ready: tuple[str, ...] = ()

    @property
    def value(self) -> float:
        return round(self.priority * self.people, 3)


@dataclass(frozen=True)
class Totals:
    households: int
    people: int
    priority: float
    emergency_households: int


@dataclass(frozen=True)
class Selection:
    parameters: Parameters
    outcomes: tuple[Outcome, ...]
    exact: Totals
    greedy: Totals
    seconds: float

    @property
    def gain(self) -> float:
        """What optimisation buys over greedy, in points of priority."""
        return round(self.exact.priority - self.greedy.priority, 3)

    @property
    def chosen(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.selected)


def _totals(problem: Problem, chosen: Sequence[int]) -> Totals:
    items = [problem.items[i] for i in chosen]
    return Totals(
        households=len(items),
        people=sum(it.people for it in items),
        priority=round(sum(it.value for it in items) / 1000, 3),
        emergency_households=sum(1 for it in items if it.emergency),
    )


def _prepare(candidates: Iterable[Candidate], params: Parameters) -> tuple[list[Candidate], list[Outcome]]:
    eligible: list[tuple[tuple[Any, ...], Candidate]] = []
    rejected: list[Outcome] = []
    seen: set[str] = set()
    for c in candidates:
        if c.key in seen:
            raise SelectionError(f"household {c.key} appears twice")
        seen.add(c.key)
        verdict = judge(c, params)
        if verdict.eligible:
            emergency = c.emergency and params.emergency_first
            rank = (not verdict.pinned_in, not emergency, -points(c, params.weights), c.key)
            eligible.append((rank, c))
        else:
            rejected.append(_outcome(c, params, False, False, verdict.code, verdict.detail))
    eligible.sort(key=lambda pair: pair[0])
    rejected.sort(key=lambda o: o.key)
    return [c for _, c in eligible], rejected


def _outcome(
    c: Candidate, params: Parameters, eligible: bool, selected: bool, code: str, detail: dict[str, Any]
) -> Outcome:
    return Outcome(
        key=c.key,
        people=c.people,
        organisation=c.organisation,
        emergency=c.emergency,
        priority=points(c, params.weights) / 1000,
        contributions={k.name: round(k.points, 3) for k in contributions(c, params.weights)},
        eligible=eligible,
        selected=selected,
        code=code,
        detail=detail,
        ready=c.ready,
        not_ready=c.not_ready,
    )


def _problem(ranked: Sequence[Candidate], params: Parameters, quota: int) -> Problem:
    pinned = {p.key for p in params.pins if p.include}
    items = [
        Item(
            key=c.key,
            people=c.people,
            value=household_points(c, params.weights),
            emergency=c.emergency,
            organisation=c.organisation,
            pathways=c.pathways,
            pinned=c.key in pinned,
        )
        for c in ranked
    ]
    return Problem(
        items=items,
        quota=quota,
        per_organisation=params.limits.per_organisation,
        per_pathway=dict(params.limits.per_pathway),
        emergency_first=params.emergency_first,
    )


def _solve(problem: Problem) -> tuple[tuple[int, ...], tuple[int, ...]]:
    try:
        best = exact.solve(problem)
    except exact.Infeasible as exc:
        raise SelectionError(str(exc)) from exc
    return best, greedy.solve(problem)


def select(candidates: Iterable[Candidate], params: Parameters) -> Selection:
    """Choose households for ``params.quota`` places; every household gets its outcome and reason."""
    started = time.perf_counter()
    ranked, rejected = _prepare(candidates, params)
    problem = _problem(ranked, params, params.quota)
    best, quick = _solve(problem)
    quick_set = set(quick)
    outcomes: list[Outcome] = []
    for i, (c, reason) in enumerate(zip(ranked, explain(problem, best), strict=True)):
        o = _outcome(c, params, True, reason.selected, reason.code, reason.detail)
        outcomes.append(
            Outcome(**{**o.__dict__, "rank": i + 1, "in_greedy": i in quick_set})  # frozen: rebuild
        )
    return Selection(
        parameters=params,
        outcomes=tuple(outcomes + rejected),
        exact=_totals(problem, best),
        greedy=_totals(problem, quick),
        seconds=round(time.perf_counter() - started, 3),
    )


@dataclass(frozen=True)
class WhatIf:
    quota: int
    exact: Totals
    greedy: Totals

    @property
    def gain(self) -> float:
        return round(self.exact.priority - self.greedy.priority, 3)


def what_if(candidates: Iterable[Candidate], params: Parameters, quotas: Iterable[int]) -> list[WhatIf]:
    """The same run for several quotas, eligibility judged once."""
    ranked, _ = _prepare(candidates, params)
    rows = []
    for quota in sorted(set(quotas)):
        problem = _problem(ranked, params, quota)
        best, quick = _solve(problem)
        rows.append(WhatIf(quota, _totals(problem, best), _totals(problem, quick)))
    return rows
