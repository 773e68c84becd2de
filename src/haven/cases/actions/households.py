"""Creating households, editing them and moving them along the pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.accounts.visibility import can_work_for
from haven.audit.record import audit_read
from haven.cases.actions.base import apply_fields, audit, ensure_can_edit, screen_after_commit
from haven.cases.actions.people import PERSON_FIELDS, reindex_names
from haven.cases.models import Household, Person, TimelineEvent
from haven.errors import InvalidChange, NotAllowed
from haven_core.pipeline import Stage, TransitionError, check_transition
from haven_core.roles import can_use_caseload

HOUSEHOLD_FIELDS = ("owner", "notes")


def household_create(
    *,
    actor: Actor,
    organisation: Organisation,
    principal: Mapping[str, Any],
    owner: Any = None,
    notes: str = "",
) -> Household:
    """Open a household for ``organisation`` with its principal applicant."""
    if not can_use_caseload(actor.role):
        raise NotAllowed(_("Your role does not work with households."))
    if not can_work_for(actor, organisation):
        raise NotAllowed(_("You can only open households for your own organisation."))
    fields = {k: v for k, v in principal.items() if k != "relationship"}
    with transaction.atomic():
        household = Household.objects.create(
            organisation=organisation, owner=owner or actor.user, notes=notes
        )
        person = Person(household=household, relationship="principal")
        apply_fields(person, fields, PERSON_FIELDS)
        person.save()
        reindex_names(person)
        audit(actor, "household.create", household, target=str(person.public_id))
        screen_after_commit(actor=actor, person_id=person.pk)
    return household


def household_update(*, actor: Actor, household: Household, fields: Mapping[str, Any]) -> list[str]:
    """Change the case owner or notes."""
    ensure_can_edit(actor, household)
    with transaction.atomic():
        changed = apply_fields(household, fields, HOUSEHOLD_FIELDS)
        if changed:
            household.save()
            audit(actor, "household.update", household, fields=changed)
    return changed


def household_move(*, actor: Actor, household: Household, stage: Stage, reason: str = "") -> None:
    """Move the household to another pipeline stage; the move is written to its timeline."""
    ensure_can_edit(actor, household)
    current = household.stage_enum
    try:
        check_transition(current, stage, reason=reason)
    except TransitionError as exc:
        raise InvalidChange(str(exc)) from exc
    with transaction.atomic():
        household.stage = stage.value
        household.closed_reason = reason.strip() if stage is Stage.CLOSED else ""
        household.save(update_fields=["stage", "closed_reason", "updated_at"])
        TimelineEvent.objects.create(
            household=household,
            date=timezone.localdate() if timezone.is_aware(timezone.now()) else dt.date.today(),
            kind="status_changed",
            note=f"{current.value} → {stage.value}" + (f": {reason.strip()}" if reason.strip() else ""),
            created_by=actor.user if getattr(actor.user, "pk", None) else None,
        )
        audit(actor, "household.move", household, stage_from=current.value, stage_to=stage.value)


def household_view(*, actor: Actor, household: Household, page: str) -> None:
    """Record that ``actor`` opened a page showing the household's sensitive data. A read: its entry is
    staged without the audit chain's lock and sealed into the chain by the next change."""
    audit_read(
        actor=actor.user,
        action="household.view",
        organisation=household.organisation,
        household_ref=household.reference,
        ip=actor.ip,
        detail={"page": page},
    )
