"""The dashboard's one write: recording that someone opened it."""

from __future__ import annotations

from haven.accounts.actor import Actor
from haven.audit.record import audit_record


def dashboard_view(*, actor: Actor, scope: str) -> None:
    """Record that ``actor`` opened the dashboard over ``scope`` ("coalition" or "organisation")."""
    audit_record(
        actor=actor.user,
        action="dashboard.view",
        organisation=actor.organisation,
        ip=actor.ip,
        detail={"scope": scope},
    )
