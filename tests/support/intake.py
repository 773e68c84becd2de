"""Confirming an import on the Import page queues a job: these tests run it as ``haven worker`` would."""

from __future__ import annotations

from typing import Any

from tests.support.jobs import run_queued


def confirm_import(client: Any, data: dict[str, str] | None = None) -> Any:
    """Post the Import page's confirmation, then run the import job it queued; the confirmation's
    response."""
    response = client.post("/intake/confirm/", data or {})
    run_queued()
    return response


CHOICES = {
    "relationship": {c: c for c in ("principal", "spouse", "child", "parent", "sibling", "other")},
    "sex": {"F": "F", "M": "M", "X": "X"},
    "us_status": {"removal_proceedings": "removal_proceedings", "detained": "detained"},
    "canada_relative_relationship": {"sibling": "sibling"},
    "canada_relative_status": {"citizen": "citizen"},
}
