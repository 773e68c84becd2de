"""The demo's one audit entry: recording that ``haven seed`` filled the database."""

from __future__ import annotations

from typing import Any

from haven.audit.record import audit_record


def demo_seed_record(*, detail: dict[str, Any]) -> None:
    """Record, in the seeding's transaction, what ``haven seed`` made: counts, the seed and the date,
    never a name."""
    audit_record(actor=None, action="demo.seed", detail=detail)
