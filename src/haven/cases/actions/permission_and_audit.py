"""What every case action shares: the permission check, the audit entry and the change events it
publishes for the apps that follow up on a change (:mod:`haven.events`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.visibility import can_change
from haven.audit.record import audit_record, audit_records
from haven.cases.models import Household
from haven.errors import NotAllowed
from haven.events import HouseholdChanged, PersonNamesChanged, publish_on_commit


def ensure_can_edit(actor: Actor, household: Household) -> None:
    if not can_change(actor, household):
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
    """Mark the household as changed, so lists sorted by last change show it first, and announce the
    change once it commits (assessment keeps the household's assessment current on it)."""
    household.save(update_fields=["updated_at"])
    publish_on_commit(HouseholdChanged(household_id=household.pk, actor=actor))


def screen_after_commit(
    *, actor: Actor, person_id: int | None = None, person_ids: Iterable[int] = (), stream: Any = None
) -> None:
    """Announce, once the change commits, that a person's (or many people's) names are new or changed
    (registries screens them against the registries on it; ``stream`` takes a command's progress)."""
    ids = tuple(sorted({*person_ids, *([person_id] if person_id is not None else [])}))
    if ids:
        publish_on_commit(PersonNamesChanged(person_ids=ids, actor=actor, stream=stream))
