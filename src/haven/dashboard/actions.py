"""The dashboard's one write: recording that someone opened it."""

from __future__ import annotations

from haven.accounts.actor import Actor
from haven.audit.record import audit_read


def dashboard_view(*, actor: Actor, scope: str) -> None:
    """Record that ``actor`` opened the dashboard over ``scope`` ("coalition" or "organisation"). A read,
    staged without the audit chain's lock like a household page's and sealed by the next change."""
    audit_read(
        actor=actor.user,
        action="dashboard.view",
        organisation=actor.organisation,
        ip=actor.ip,
        detail={"scope": scope},
    )
