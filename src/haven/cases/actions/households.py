"""Creating households, editing them and moving them along the pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.accounts.visibility import can_work_for
from haven.audit.record import audit_read
from haven.cases.actions.people import PERSON_FIELDS, audit_override, reindex_names
from haven.cases.actions.permission_and_audit import apply_fields, audit, ensure_can_edit, screen_after_commit
from haven.cases.duplicates import check_duplicates
from haven.cases.models import Household, Person, TimelineEvent
from haven.errors import InvalidChange, NotAllowed
from haven_core.pipeline import Hold, Stage, TransitionError, check_transition, is_backward, move_hold
from haven_core.roles import COALITION_WIDE, can_use_caseload

HOUSEHOLD_FIELDS = ("owner", "notes")


def ensure_can_open(actor: Actor, organisation: Organisation) -> None:
    """Whether ``actor`` may open households for ``organisation``."""
    if not can_use_caseload(actor.role):
        raise NotAllowed(_("Your role does not work with households."))
    if not can_work_for(actor, organisation):
        raise NotAllowed(_("You can only open households for your own organisation."))


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
    ensure_can_open(actor, organisation)
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
        audit_override(actor, household, person, "household.create", matches)
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


# The decisions of a referral entry that still await the liaison (``ReferralEntry.OPEN``; the referral
# app sits above the cases, which read them by name; tests/referral/test_referral_hold.py checks they agree).
AWAITING_DECISION = ("pending", "more_information")


def awaiting_decision(household: Household) -> bool:
    """Whether a referral batch is waiting on the liaison's decision about ``household``."""
    if "referral_entries" in getattr(household, "_prefetched_objects_cache", {}):  # the household page's
        return any(entry.decision in AWAITING_DECISION for entry in household.referral_entries.all())
    entries = household.referral_entries  # type: ignore[attr-defined]
    return bool(entries.filter(decision__in=AWAITING_DECISION).exists())


def holds_for(actor: Actor, household: Household) -> Callable[[Stage], Hold | None]:
    """For each target stage, why ``actor``'s ordinary move of ``household`` there is barred, or None."""
    awaiting = awaiting_decision(household)
    wide = actor.role in COALITION_WIDE
    current = household.stage_enum
    return lambda stage: move_hold(current, stage, awaiting_decision=awaiting, coalition_wide=wide)


def hold_message(hold: Hold) -> str:
    if hold is Hold.AWAITING_DECISION:
        return _(
            "This household is awaiting a decision in a referral batch. Only the liaison's decision, "
            "or the coordinator withdrawing it from the batch, moves it."
        )
    return _("A household is referred, and taken back from a referral, through the coalition coordinator.")


def ensure_can_move(actor: Actor, household: Household, stage: Stage) -> None:
    """Refuse the ordinary move (a household's page, the API) unless ``actor`` may make it now.

    Only who may move and when: whether the pipeline allows the step is :func:`check_transition`'s.
    """
    ensure_can_edit(actor, household)
    hold = holds_for(actor, household)(stage)
    if hold is not None:
        raise NotAllowed(hold_message(hold))


def _move_household(
    actor: Actor, household: Household, stage: Stage, *, reason: str = "", confirmed: bool = False
) -> None:
    """The move itself, inside the caller's transaction: check the step, write the stage, a timeline
    event Haven owns (stages and reason) and the audit entry. Who may move is the caller's check."""
    current = household.stage_enum
    reason = reason.strip()
    try:
        check_transition(current, stage, reason=reason, confirmed=confirmed)
    except TransitionError as exc:
        raise InvalidChange(str(exc)) from exc
    household.stage = stage.value
    household.closed_reason = reason if stage is Stage.CLOSED else ""
    household.save(update_fields=["stage", "closed_reason", "updated_at"])
    TimelineEvent.objects.create(
        household=household,
        date=timezone.localdate() if timezone.is_aware(timezone.now()) else dt.date.today(),
        kind="status_changed",
        note=f"{current.value} → {stage.value}" + (f": {reason}" if reason else ""),
        created_by=actor.user if getattr(actor.user, "pk", None) else None,
        system=True,
    )
    detail: dict[str, Any] = {"stage_from": current.value, "stage_to": stage.value}
    if is_backward(current, stage):
        detail["backward"] = True
    audit(actor, "household.move", household, **detail)


def household_move(
    *, actor: Actor, household: Household, stage: Stage, reason: str = "", confirmed: bool = False
) -> None:
    """Move the household to another pipeline stage; the move is written to its timeline.

    A backward move needs a reason and ``confirmed``; a household under referral is not moved here.
    """
    with transaction.atomic():
        household.refresh_from_db(from_queryset=Household.objects.select_for_update())  # one move at a time
        ensure_can_move(actor, household, stage)
        _move_household(actor, household, stage, reason=reason, confirmed=confirmed)


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
