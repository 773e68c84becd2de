"""How long selecting from 100,000 households takes: the exact optimum (HiGHS) and the greedy beside it.

Synthetic households only (no database): family sizes 1–6, twelve organisations, a few pathways,
about 2% emergencies, scores spread over 0–100. The issue asks for ≤ 10 s on the coalition's machine.

    .venv/bin/python bench/selection.py [--households 100000] [--quota 1000] [--org-limit K]
"""

from __future__ import annotations

import argparse
import random
import time

from haven_core.selection import Candidate, Limits, Parameters, select, what_if

PATHWAYS = ("gar", "psr", "bvor", "urgent_protection")


def households(n: int, seed: int = 7) -> list[Candidate]:
    rnd = random.Random(seed)
    return [
        Candidate(
            key=f"H{i:06d}",
            people=rnd.choices([1, 2, 3, 4, 5, 6], weights=[30, 25, 20, 15, 7, 3])[0],
            organisation=f"org{rnd.randrange(12)}",
            stage="ready",
            pathways=frozenset(p for p in PATHWAYS if rnd.random() < 0.25),
            detained=rnd.random() < 0.1,
            emergency=rnd.random() < 0.02,
            well_documented=rnd.random() < 0.8,
            assessed=rnd.random() < 0.95,
            risk=round(rnd.uniform(0, 100), 1),
            vulnerability=round(rnd.uniform(0, 100), 1),
            urgency=round(rnd.uniform(0, 100), 1),
        )
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--quota", type=int, default=1000)
    parser.add_argument("--org-limit", type=int, default=None)
    args = parser.parse_args()
    data = households(args.households)
    params = Parameters(quota=args.quota, limits=Limits(per_organisation=args.org_limit))
    started = time.perf_counter()
    result = select(data, params)
    seconds = time.perf_counter() - started
    print(
        f"{args.households:,} households, quota {args.quota}: {seconds:.2f} s "
        f"({result.exact.households} households, {result.exact.people} people chosen; "
        f"priority {result.exact.priority:,.3f} exact vs {result.greedy.priority:,.3f} greedy)"
    )
    started = time.perf_counter()
    rows = what_if(data, params, [100, 200, 300, 500, 1000])
    print(f"what-if for {len(rows)} quotas: {time.perf_counter() - started:.2f} s")
    for row in rows:
        print(f"  {row.quota:>5}: {row.exact.people} people, gain over greedy {row.gain:,.3f}")


if __name__ == "__main__":
    main()
