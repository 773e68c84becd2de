"""The audit entry of an alert: what kind went to which user, and how many households and items it
named, never which ones. Written in the transaction that records the alert as sent
(:mod:`haven.alerts.delivery`)."""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.audit.record import audit_record


def alert_send_record(
    *, actor: Actor, kind: str, recipient: Any, households: int, items: int, target: str = ""
) -> None:
    """Record an alert email to ``recipient`` (``target`` names its row in the outbox)."""
    audit_record(
        actor=actor.user,
        action="alerts.send",
        target=target,
        ip=actor.ip,
        detail={"kind": kind, "recipient": recipient.pk, "households": households, "items": items},
    )
