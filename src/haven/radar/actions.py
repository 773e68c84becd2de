"""The radar's one write: recording in the audit trail that someone opened it."""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.audit.record import audit_read


def radar_view(
    *, actor: Actor, days: int, deadlines: int, shown: int, warnings: int, filters: list[str]
) -> None:
    """Record that ``actor`` opened the radar. The page shows names, so it is a view like a case page;
    the entry holds counts and the names of the filters used, never a household or a person. A read: its
    entry is staged without the audit chain's lock (which would otherwise also make the radar seal every
    read staged since the last change) and sealed into the chain by the next change."""
    detail: dict[str, Any] = {
        "days": days,
        "deadlines": deadlines,
        "shown": shown,
        "warnings": warnings,
        "filters": sorted(filters),
    }
    audit_read(
        actor=actor.user, action="radar.view", organisation=actor.organisation, ip=actor.ip, detail=detail
    )
