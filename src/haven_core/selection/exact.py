"""The exact optimum: a 0–1 knapsack with side limits, solved as a mixed-integer programme by HiGHS.

One binary variable per household (so families are never split); one row for the quota of people,
one per organisation when a per-organisation limit is set, one per limited pathway. Values are whole
thousandths, so an absolute gap below one is a proof of optimality.

Emergency cases first: pinned households are taken; then, in a first phase, the emergency households
that give the largest total priority within what is left; then, in a second phase, the other
households that give the largest total within what remains. A dominant weight would say nearly the
same, but put numbers of very different sizes into one objective, which a floating-point solver
handles badly at 100,000 households; the phases are also easier to explain.

Before a phase goes to the solver, households that cannot be in *any* optimum are left out: if even
the fractional (Dantzig) bound with a household taken falls below what the greedy choice already
reaches, no optimal choice takes it. This keeps the programme to the few thousand households near the
margin and leaves the optimum unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import highspy
import numpy as np

from haven_core.selection.problem import Item, Problem


class Infeasible(Exception):
    """The pinned households alone break the quota or a limit."""


@dataclass
class Room:
    """Places left: in the quota, per organisation (None: no limit), per limited pathway."""

    quota: int
    org: dict[str, int] | None
    path: dict[str, int]

    def fits(self, it: Item) -> bool:
        if it.people > self.quota:
            return False
        if self.org is not None and it.people > self.org.get(it.organisation, 0):
            return False
        return all(it.people <= left for p, left in self.path.items() if p in it.pathways)

    def take(self, it: Item) -> None:
        self.quota -= it.people
        if self.org is not None:
            self.org[it.organisation] = self.org.get(it.organisation, 0) - it.people
        for p in self.path:
            if p in it.pathways:
                self.path[p] -= it.people

    def broken(self) -> bool:
        lows = [self.quota, *self.path.values(), *(self.org or {}).values()]
        return min(lows) < 0

    def copy(self) -> Room:
        return Room(self.quota, None if self.org is None else dict(self.org), dict(self.path))


def _room(problem: Problem) -> Room:
    orgs = None
    if problem.per_organisation is not None:
        orgs = {it.organisation: problem.per_organisation for it in problem.items}
    return Room(problem.quota, orgs, dict(problem.per_pathway))


def _greedy(items: Sequence[Item], free: Sequence[int], room: Room) -> tuple[list[int], int]:
    room = room.copy()
    chosen, value = [], 0
    for i in sorted(free, key=lambda i: (-items[i].value / items[i].people, i)):
        if room.fits(items[i]):
            room.take(items[i])
            chosen.append(i)
            value += items[i].value
    return chosen, value


def _prune(items: Sequence[Item], free: Sequence[int], room: Room, lower: int) -> list[int]:
    """The free households that some optimum may take (see the module's docstring)."""
    if not free:
        return []
    order = sorted(free, key=lambda i: (-items[i].value / items[i].people, i))
    people = np.array([items[i].people for i in order], dtype=np.float64)
    value = np.array([items[i].value for i in order], dtype=np.float64)
    cum_p = np.concatenate(([0.0], np.cumsum(people)))
    cum_v = np.concatenate(([0.0], np.cumsum(value)))
    ratio = np.concatenate((value / people, [0.0]))
    capacity = np.maximum(room.quota - people, 0.0)
    k = np.searchsorted(cum_p, capacity, side="right") - 1  # whole items that fit before the cut
    bound = cum_v[k] + (capacity - cum_p[k]) * ratio[k] + value
    keep = bound >= lower - 1e-6 * max(1.0, abs(lower))
    keep &= people <= room.quota
    return sorted(order[j] for j in np.flatnonzero(keep))


def _solver() -> Any:
    """A quiet solver. ``highspy.Highs`` prints a banner to standard output when it is made (which would
    spoil ``haven select --json``); its base class solves the same without the interrupt callbacks."""
    try:
        from highspy._core import _Highs

        return _Highs()
    except ImportError:  # pragma: no cover - a later highspy may move it
        return highspy.Highs()  # type: ignore[no-untyped-call]


def _phase(items: Sequence[Item], free: Sequence[int], room: Room) -> list[int]:
    """The free households that give the largest total value within ``room`` (exactly)."""
    start, lower = _greedy(items, free, room)
    cols = _prune(items, free, room, lower)
    if not cols:
        return start
    orgs = sorted({items[i].organisation for i in cols}) if room.org is not None else []
    org_row = {org: 1 + k for k, org in enumerate(orgs)}
    paths = sorted(room.path)
    path_row = {p: 1 + len(orgs) + k for k, p in enumerate(paths)}
    starts, index, coef = [0], [], []
    for i in cols:
        rows = [0] + ([org_row[items[i].organisation]] if orgs else [])
        rows += [path_row[p] for p in paths if p in items[i].pathways]
        index.extend(rows)
        coef.extend([float(items[i].people)] * len(rows))
        starts.append(len(index))
    uppers = [room.quota] + [(room.org or {}).get(o, 0) for o in orgs] + [room.path[p] for p in paths]
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(cols), len(uppers)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.array([float(items[i].value) for i in cols])
    lp.col_lower_, lp.col_upper_ = np.zeros(len(cols)), np.ones(len(cols))
    lp.row_lower_ = np.full(len(uppers), -highspy.kHighsInf)
    lp.row_upper_ = np.array(uppers, dtype=np.float64)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(coef)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(cols)
    h = _solver()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("mip_abs_gap", 0.5)  # values are whole thousandths: a gap below 1 is optimal
    h.setOptionValue("random_seed", 0)
    h.setOptionValue("threads", 1)  # the same answer every time
    h.passModel(lp)
    h.run()
    status = h.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"the solver stopped without an optimum: {h.modelStatusToString(status)}")
    x = h.getSolution().col_value
    chosen = [i for k, i in enumerate(cols) if x[k] > 0.5]
    if sum(items[i].value for i in chosen) < lower:  # cannot happen with an optimum; never go below greedy
        return start
    return chosen


def solve(problem: Problem) -> tuple[int, ...]:
    """Indices (ascending) of the chosen items; raises :class:`Infeasible` if pins do not fit."""
    items = problem.items
    room = _room(problem)
    chosen = [i for i, it in enumerate(items) if it.pinned]
    for i in chosen:
        room.take(items[i])
    if room.broken():
        raise Infeasible("the pinned households alone do not fit the quota and limits")
    free = [i for i, it in enumerate(items) if not it.pinned]
    phases = [free]
    if problem.emergency_first:
        phases = [[i for i in free if items[i].emergency], [i for i in free if not items[i].emergency]]
    for group in phases:
        taken = _phase(items, group, room)
        for i in taken:
            room.take(items[i])
        chosen.extend(taken)
    return tuple(sorted(chosen))
