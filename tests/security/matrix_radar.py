"""Authorisation matrix rows for the radar pages (see test_authorisation_matrix.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CASELOAD = (200, 200, 200, 200, 403, 200, "login")  # every role with a caseload; never the liaison

ROWS: dict[str, tuple[Callable[[dict[str, Any]], str], tuple[int | str, ...]]] = {
    "radar:home": (lambda o: "/radar/", CASELOAD),
}


def extra_objects(objects: dict[str, Any], users: dict[str, Any]) -> dict[str, Any]:
    """Objects the radar URLs need, made for the matrix (``users`` holds the personas and household_a)."""
    return {}
