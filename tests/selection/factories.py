"""A saved selection run to open pages with (its content does not matter to who may open them)."""

from __future__ import annotations

import json
from typing import Any

from haven.selection.models import SelectionRun


def selection_run_for(user: Any) -> Any:
    run = SelectionRun.objects.create(
        created_by=user,
        quota=0,
        parameters={"quota": 0},
        inputs="[]",
        results=json.dumps(
            {
                "exact": {},
                "greedy": {},
                "gain": 0,
                "households": [],
                "what_if": [],
                "parameters": {"quota": 0},
            }
        ),
    )
    return run.public_id
