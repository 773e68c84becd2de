"""Adding dated events to a household's timeline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.base import apply_fields, audit, ensure_can_edit, touch
from haven.cases.models import Household, TimelineEvent
from haven.errors import InvalidChange

EVENT_FIELDS = ("person", "date", "kind", "note")


def event_add(*, actor: Actor, household: Household, fields: Mapping[str, Any]) -> TimelineEvent:
    """Add a dated event; its person, if any, must belong to the household."""
    ensure_can_edit(actor, household)
    person = fields.get("person")
    if person is not None and person.household_id != household.pk:
        raise InvalidChange(_("That person is not in this household."))
    event = TimelineEvent(
        household=household, created_by=actor.user if getattr(actor.user, "pk", None) else None
    )
    apply_fields(event, fields, EVENT_FIELDS)
    with transaction.atomic():
        event.save()
        touch(household, actor)
        audit(actor, "event.add", household, target=str(event.public_id), kind=event.kind)
    return event


def event_delete(*, actor: Actor, event: TimelineEvent) -> None:
    household = event.household
    ensure_can_edit(actor, household)
    with transaction.atomic():
        target = str(event.public_id)
        event.delete()
        touch(household, actor)
        audit(actor, "event.delete", household, target=target)
