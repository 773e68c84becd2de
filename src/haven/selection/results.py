"""A selection and its what-if table as plain JSON, for the saved run, the page and ``--json``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from haven_core.selection import Selection
from haven_core.selection.run import WhatIf

WHAT_IF_QUOTAS = (100, 200, 300, 500, 1000)


def selection_dict(run: Selection, table: Sequence[WhatIf]) -> dict[str, Any]:
    return {
        "parameters": run.parameters.to_dict(),
        "exact": asdict(run.exact),
        "greedy": asdict(run.greedy),
        "gain": run.gain,
        "seconds": run.seconds,
        "households": [
            {
                "reference": o.key,
                "people": o.people,
                "organisation": o.organisation,
                "emergency": o.emergency,
                "priority": o.priority,
                "value": o.value,
                "contributions": o.contributions,
                "eligible": o.eligible,
                "selected": o.selected,
                "in_greedy": o.in_greedy,
                "rank": o.rank,
                "reason": o.code,
                "detail": o.detail,
                "ready": o.ready,
                "not_ready": list(o.not_ready),
            }
            for o in run.outcomes
        ],
        "what_if": [
            {"quota": r.quota, "exact": asdict(r.exact), "greedy": asdict(r.greedy), "gain": r.gain}
            for r in table
        ],
    }
