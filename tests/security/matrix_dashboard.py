"""Authorisation matrix rows for the dashboard pages (see test_authorisation_matrix.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Everyone with a caseload sees a dashboard (of their organisation, or the coalition's); a liaison does not.
ROWS: dict[str, tuple[Callable[[dict[str, Any]], str], tuple[int | str, ...]]] = {
    "dashboard:home": (lambda o: "/dashboard/", (200, 200, 200, 200, 403, 200, "login")),
}


def extra_objects(objects: dict[str, Any], users: dict[str, Any]) -> dict[str, Any]:
    """Objects the dashboard URLs need, made for the matrix (``users`` holds the personas and household_a)."""
    return {}
