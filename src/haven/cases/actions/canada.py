"""Recording a person's ties to Canada: relatives there, and Canadian visas or permits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import apply_fields, audit, ensure_can_edit, touch
from haven.cases.models import CanadaPermit, CanadaRelative, Person

RELATIVE_FIELDS = ("full_name", "relationship", "canadian_status", "city", "notes")
PERMIT_FIELDS = ("kind", "number", "valid_until")


def _save(
    actor: Actor, instance: Any, fields: Mapping[str, Any], allowed: tuple[str, ...], action: str
) -> Any:
    household = instance.person.household
    ensure_can_edit(actor, household)
    created = instance.pk is None
    with transaction.atomic():
        changed = apply_fields(instance, fields, allowed)
        if changed or created:
            instance.save()
            touch(household, actor)
            audit(actor, action, household, target=str(instance.public_id), fields=changed, created=created)
    return instance


def _delete(actor: Actor, instance: Any, action: str) -> None:
    household = instance.person.household
    ensure_can_edit(actor, household)
    with transaction.atomic():
        target = str(instance.public_id)
        instance.delete()
        touch(household, actor)
        audit(actor, action, household, target=target)


def canada_relative_new(person: Person, fields: Mapping[str, Any]) -> CanadaRelative:
    """A relative in Canada for ``person``, not yet saved: for bulk actions that save many at once."""
    relative = CanadaRelative(person=person)
    apply_fields(relative, fields, RELATIVE_FIELDS)
    return relative


def canada_relative_save(
    *, actor: Actor, person: Person, fields: Mapping[str, Any], relative: CanadaRelative | None = None
) -> CanadaRelative:
    """Add a relative in Canada to ``person``, or change one."""
    instance = relative or CanadaRelative(person=person)
    result: CanadaRelative = _save(actor, instance, fields, RELATIVE_FIELDS, "canada_relative.save")
    return result


def canada_relative_delete(*, actor: Actor, relative: CanadaRelative) -> None:
    _delete(actor, relative, "canada_relative.delete")


def canada_permit_save(
    *, actor: Actor, person: Person, fields: Mapping[str, Any], permit: CanadaPermit | None = None
) -> CanadaPermit:
    """Add a Canadian visa or permit to ``person``, or change one."""
    instance = permit or CanadaPermit(person=person)
    result: CanadaPermit = _save(actor, instance, fields, PERMIT_FIELDS, "canada_permit.save")
    return result


def canada_permit_delete(*, actor: Actor, permit: CanadaPermit) -> None:
    _delete(actor, permit, "canada_permit.delete")
