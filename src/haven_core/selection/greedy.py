"""The obvious alternative, shown beside the optimum: walk the households in rank order (pinned, then
emergency, then priority per person, the ratio of value to places) and take each one that still fits."""

from __future__ import annotations

from haven_core.selection.problem import Problem


def solve(problem: Problem) -> tuple[int, ...]:
    left = problem.quota
    org_used: dict[str, int] = {}
    path_used: dict[str, int] = {}
    chosen: list[int] = []
    for i, it in enumerate(problem.items):
        if it.people > left:
            continue
        if problem.per_organisation is not None:
            if org_used.get(it.organisation, 0) + it.people > problem.per_organisation:
                continue
        limited = [p for p in it.pathways if p in problem.per_pathway]
        if any(path_used.get(p, 0) + it.people > problem.per_pathway[p] for p in limited):
            continue
        chosen.append(i)
        left -= it.people
        org_used[it.organisation] = org_used.get(it.organisation, 0) + it.people
        for p in limited:
            path_used[p] = path_used.get(p, 0) + it.people
    return tuple(chosen)
