"""Why an eligible household is in or out of the exact selection, in rank order.

A chosen household is told its rank and what it adds. For one left out, the households ranked above
it that were chosen say why, checked in this order: no places left (``quota_exhausted``); fewer places
left than people in the family (``family_size``); its organisation's limit (``organisation_limit``); a
pathway's sub-quota (``pathway_limit``); and otherwise it would have fitted at its turn, but the exact
optimum gives its places to households ranked below it that together add more priority
(``traded_off``) — the cases a greedy choice gets wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from haven_core.selection.problem import Problem


@dataclass(frozen=True)
class Reason:
    selected: bool
    code: str
    detail: dict[str, Any] = field(default_factory=dict)


def explain(problem: Problem, chosen: Sequence[int]) -> list[Reason]:
    picked = set(chosen)
    total = sum(problem.items[i].value for i in picked) or 1
    used = 0
    org_used: dict[str, int] = {}
    path_used: dict[str, int] = {}
    order = 0
    reasons: list[Reason] = []
    for i, it in enumerate(problem.items):
        left = problem.quota - used
        if i in picked:
            order += 1
            code = "pinned_in" if it.pinned else "selected"
            detail = {"order": order, "value": it.value / 1000, "share": round(it.value / total, 4)}
            reasons.append(Reason(True, code, detail))
            used += it.people
            org_used[it.organisation] = org_used.get(it.organisation, 0) + it.people
            for p in it.pathways:
                path_used[p] = path_used.get(p, 0) + it.people
            continue
        blocked = [
            p
            for p in sorted(it.pathways)
            if p in problem.per_pathway and path_used.get(p, 0) + it.people > problem.per_pathway[p]
        ]
        if left <= 0:
            reasons.append(Reason(False, "quota_exhausted"))
        elif it.people > left:
            reasons.append(Reason(False, "family_size", {"people": it.people, "places_left": left}))
        elif (
            problem.per_organisation is not None
            and org_used.get(it.organisation, 0) + it.people > problem.per_organisation
        ):
            limit = problem.per_organisation
            reasons.append(Reason(False, "organisation_limit", {"limit": limit}))
        elif blocked:
            reasons.append(Reason(False, "pathway_limit", {"pathway": blocked[0]}))
        else:
            reasons.append(Reason(False, "traded_off", {"people": it.people, "places_left": left}))
    return reasons
