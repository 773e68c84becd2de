"""Adding dated events to a household's timeline, and withdrawing a person's own event.

Nothing on a timeline is ever deleted or edited: events Haven writes itself (stage moves, referrals, the
liaison's decisions) stay as written, and a person's own event can only be withdrawn, with a reason. It
stays on the timeline, struck through, saying who withdrew it, when and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import apply_fields, audit, ensure_can_edit, touch
from haven.cases.models import Household, TimelineEvent
from haven.cases.models.timeline import SYSTEM_KINDS
from haven.errors import InvalidChange, NotAllowed

EVENT_FIELDS = ("person", "date", "kind", "note")


def _user(actor: Actor) -> Any:
    return actor.user if getattr(actor.user, "pk", None) else None


def event_add(*, actor: Actor, household: Household, fields: Mapping[str, Any]) -> TimelineEvent:
    """Add a dated event; its person, if any, must belong to the household."""
    ensure_can_edit(actor, household)
    person = fields.get("person")
    if person is not None and person.household_id != household.pk:
        raise InvalidChange(_("That person is not in this household."))
    if fields.get("kind") in SYSTEM_KINDS:
        raise InvalidChange(_("Haven writes this kind of event itself; choose another."))
    event = TimelineEvent(household=household, created_by=_user(actor))
    apply_fields(event, fields, EVENT_FIELDS)
    with transaction.atomic():
        event.save()
        touch(household, actor)
        audit(actor, "event.add", household, target=str(event.public_id), kind=event.kind)
    return event


def event_withdraw(*, actor: Actor, event: TimelineEvent, reason: str) -> TimelineEvent:
    """Withdraw a person's own event with a written reason; Haven's own events cannot be withdrawn.

    The event keeps its date, kind and note (encrypted as before) and gains who withdrew it, when and the
    reason (encrypted). The audit entry, which is not encrypted, keeps the facts that are not sensitive:
    which event, its date, kind and person; the withdrawn note itself stays, unchanged, on the event.
    """
    household = event.household
    ensure_can_edit(actor, household)
    reason = reason.strip()
    if not reason:
        raise InvalidChange(_("Say why this event is being withdrawn."))
    with transaction.atomic():
        event = TimelineEvent.objects.select_for_update().get(pk=event.pk)
        event.household = household
        if event.system:
            raise NotAllowed(_("Haven wrote this event; it stays on the timeline as it is."))
        if event.withdrawn:
            raise InvalidChange(_("This event has already been withdrawn."))
        event.withdrawn_at, event.withdrawn_by, event.withdrawn_reason = timezone.now(), _user(actor), reason
        event.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
        touch(household, actor)
        audit(
            actor,
            "event.withdraw",
            household,
            target=str(event.public_id),
            kind=event.kind,
            date=event.date.isoformat(),
            person=str(event.person.public_id) if event.person_id else "",
        )
    return event
