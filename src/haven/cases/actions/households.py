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
from haven.cases.actions.base import apply_fields, audit, ensure_can_edit
from haven.cases.actions.people import PERSON_FIELDS, reindex_names
from haven.cases.duplicates import check_duplicates, override_detail
from haven.cases.models import Household, Person, TimelineEvent
from haven.errors import InvalidChange, NotAllowed
from haven.registries.screening import screen_after_commit
from haven_core.pipeline import Stage, TransitionError, check_transition
from haven_core.roles import COALITION_WIDE, can_use_caseload

HOUSEHOLD_FIELDS = ("owner", "notes")


def household_create(
    *,
    actor: Actor,
    organisation: Organisation,
    principal: Mapping[str, Any],
    owner: Any = None,
    notes: str = "",
    different_person: bool = False,
) -> Household:
    """Open a household for ``organisation`` with its principal applicant.

    A principal the identity matcher takes for someone the actor can already see is refused with
    :class:`LikelyDuplicate` unless ``different_person`` says otherwise; saving anyway is audited as
    ``household.duplicate_override``, in the same transaction, naming the households shown.
    """
    if not can_use_caseload(actor.role):
        raise NotAllowed(_("Your role does not work with households."))
    if actor.role not in COALITION_WIDE and actor.organisation_id != organisation.pk:
        raise NotAllowed(_("You can only open households for your own organisation."))
    fields = {k: v for k, v in principal.items() if k != "relationship"}
    matches = check_duplicates(
        actor=actor, organisation_id=organisation.pk, fields=fields, different_person=different_person
    )
    with transaction.atomic():
        household = Household.objects.create(
            organisation=organisation, owner=owner or actor.user, notes=notes
        )
        person = Person(household=household, relationship="principal")
        apply_fields(person, fields, PERSON_FIELDS)
        person.save()
        reindex_names(person)
        audit(actor, "household.create", household, target=str(person.public_id))
        if matches:
            audit(
                actor,
                "household.duplicate_override",
                household,
                target=str(person.public_id),
                on="household.create",
                **override_detail(matches),
            )
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
    """Record that ``actor`` opened a page showing the household's sensitive data."""
    audit(actor, "household.view", household, page=page)
