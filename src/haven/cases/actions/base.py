"""What every case action shares: the permission check and the audit entry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.assessment.follow import reassess_after_commit
from haven.audit.record import audit_record, audit_records
from haven.cases.models import Household
from haven.errors import NotAllowed
from haven_core.roles import can_edit_household


def ensure_can_edit(actor: Actor, household: Household) -> None:
    if not can_edit_household(actor.role, actor.organisation_id, household.organisation_id):
        raise NotAllowed(_("You cannot change this household."))


def apply_fields(instance: Any, fields: Mapping[str, Any], allowed: Iterable[str]) -> list[str]:
    """Set the allowed fields on ``instance``; return the names of those whose value changed."""
    allowed = set(allowed)
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not fields of {type(instance).__name__}: {sorted(unknown)}")
    changed = []
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def audit_entry(
    actor: Actor, action: str, household: Household, *, target: str = "", **detail: Any
) -> dict[str, Any]:
    """The audit entry of a case action, as :func:`haven.audit.record.audit_record`'s arguments."""
    return {
        "actor": actor.user,
        "action": action,
        "organisation": household.organisation,
        "household_ref": household.reference,
        "target": target,
        "ip": actor.ip,
        "detail": detail,
    }


def audit(actor: Actor, action: str, household: Household, *, target: str = "", **detail: Any) -> None:
    """Record a case action; ``detail`` carries field names and codes, never sensitive values."""
    audit_record(**audit_entry(actor, action, household, target=target, **detail))


def audit_many(entries: list[dict[str, Any]]) -> None:
    """Record the entries of a bulk action (:func:`audit_entry` each) in one append to the chain."""
    audit_records(entries)


def touch(household: Household, actor: Actor) -> None:
    """Mark the household as changed, so lists sorted by last change show it first, and keep its
    assessment current once the change commits (:mod:`haven.assessment.follow`)."""
    household.save(update_fields=["updated_at"])
    reassess_after_commit(actor=actor, household=household)
