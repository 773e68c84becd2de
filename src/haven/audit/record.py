"""Writing audit entries. Call :func:`audit_record` inside the transaction of the change it records."""

from __future__ import annotations

from typing import Any

from haven.audit.models import AuditEntry


def audit_record(
    *,
    actor: Any,
    action: str,
    organisation: Any = None,
    household_ref: str = "",
    target: str = "",
    ip: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record one action. ``detail`` names fields that changed, never their sensitive values."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        organisation=organisation,
        household_ref=household_ref,
        target=target,
        ip=ip,
        detail=detail or {},
    )
