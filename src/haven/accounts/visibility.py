"""Which households an actor may see and change, and so which of their people, records, evidence and
registry hits: the one place Haven decides it, by the rules of :mod:`haven_core.roles`.

Coalition-wide roles (coordinator, admin) see every household, caseworkers and reviewers their own
organisation's, and a role without a caseload (a liaison, a user with no role) none: a liaison reads
only the batches addressed to them, through the referral app's own check. Lists filter with
:func:`visible_households` or, for anything hanging off a household, :func:`within_visible`; actions
check one household with :func:`can_see` and :func:`can_change`, and opening, importing or exporting
an organisation's caseload with :func:`can_work_for`. Nothing else compares organisations to decide.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

from haven.accounts.actor import Actor
from haven_core.roles import COALITION_WIDE, can_edit_household, can_see_household, can_use_caseload

M = TypeVar("M", bound=Model)


def within_visible(actor: Actor, rows: QuerySet[M], household: str = "household") -> QuerySet[M]:
    """``rows`` narrowed to those of households ``actor`` may see; ``household`` is the path from a row
    to its household (``"person__household"`` for a registry hit, ``""`` for households themselves)."""
    if not can_use_caseload(actor.role):
        return rows.none()
    if actor.role in COALITION_WIDE:
        return rows
    if actor.organisation_id is None:
        return rows.none()
    field = f"{household}__organisation_id" if household else "organisation_id"
    return rows.filter(**{field: actor.organisation_id})


def visible_households(actor: Actor) -> QuerySet[Any]:
    """The households ``actor`` may see: all for coalition-wide roles, their organisation's otherwise."""
    from haven.cases.models import Household

    return within_visible(actor, Household.objects.all(), household="")


def visible_people(actor: Actor) -> QuerySet[Any]:
    """The people of the households ``actor`` may see."""
    from haven.cases.models import Person

    return within_visible(actor, Person.objects.all())


def household_for(actor: Actor, reference: str) -> Any:
    """The household with ``reference`` if ``actor`` may see it; 404 otherwise (never reveals existence)."""
    household = (
        visible_households(actor).select_related("organisation", "owner").filter(reference=reference).first()
    )
    if household is None:
        _refused(actor, reference)
        raise Http404
    return household


def _refused(actor: Actor, reference: str) -> None:
    """Audit asking for a household that exists but is not the actor's to see (rate-limited)."""
    from haven.accounts.actions.refusals import access_refused_record
    from haven.cases.models import Household

    existing = Household.objects.select_related("organisation").filter(reference=reference).first()
    if existing is not None:
        access_refused_record(actor=actor, kind="household", household=existing)


def found_or_refused(actor: Actor, rows: QuerySet[M], kind: str, *, household: str, **lookup: Any) -> M:
    """The row of ``rows`` (already narrowed to what ``actor`` may see) with ``lookup``; 404 otherwise.

    When the object asked for exists in a household ``actor`` may not see (another organisation's), the
    refusal is audited as a household's is (:func:`household_for`): one entry per actor, ``kind`` and
    minute. ``household`` is the path from a row to its household (``"person__household"`` for an
    evidence item); an object that does not exist, or that the actor may see elsewhere, records nothing.
    """
    found = rows.filter(**lookup).first()
    if found is None:
        _object_refused(actor, rows.model, kind, household, lookup)
        raise Http404
    return found


def _object_refused(actor: Actor, model: type[Model], kind: str, path: str, lookup: dict[str, Any]) -> None:
    from haven.accounts.actions.refusals import access_refused_record
    from haven.cases.models import Household

    household_pk = (
        model._default_manager.filter(**lookup)
        .values_list(f"{path}__pk" if path else "pk", flat=True)
        .first()
    )
    if household_pk is None:
        return
    existing = Household.objects.select_related("organisation").get(pk=household_pk)
    if not can_see(actor, existing):
        access_refused_record(actor=actor, kind=kind, household=existing)


def _organisation_id(household: Any) -> Any:
    return household if isinstance(household, int) else household.organisation_id


def can_see(actor: Actor, household: Any) -> bool:
    """Whether ``actor`` may see ``household`` (a household, or its organisation's id)."""
    return can_see_household(actor.role, actor.organisation_id, _organisation_id(household))


def can_change(actor: Actor, household: Any) -> bool:
    """Whether ``actor`` may change ``household`` (a household, or its organisation's id)."""
    return can_edit_household(actor.role, actor.organisation_id, _organisation_id(household))


def can_work_for(actor: Actor, organisation: Any) -> bool:
    """Whether ``actor`` may open households for ``organisation``, or import or export its caseload."""
    if not can_use_caseload(actor.role):
        return False
    if actor.role in COALITION_WIDE:
        return True
    return actor.organisation_id is not None and actor.organisation_id == getattr(
        organisation, "pk", organisation
    )
