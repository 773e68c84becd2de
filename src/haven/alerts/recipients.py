"""Who is told about a household: its case owner, or else its organisation's caseworkers.

An owner who can no longer see the household (moved to another organisation, account disabled) or who
has no email address is passed over as if the case had none. A case without an owner is the
organisation's shared work, so every caseworker of that organisation hears of it; reviewers are not
(they review, they do not run cases), nor other organisations' people, whoever they are.
Emergencies go to the coalition's coordinators, who decide priorities across organisations.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model

from haven.accounts.actor import Actor
from haven.accounts.visibility import can_see
from haven.cases.models import Household
from haven_core.roles import Role


def _reachable(user: Any) -> bool:
    return bool(user is not None and user.is_active and user.email)


def case_recipients(household: Household) -> list[Any]:
    """The case owner if they may still see the household and can be written to; else the caseworkers."""
    owner = household.owner
    if owner is not None and _reachable(owner) and can_see(Actor.for_user(owner), household):
        return [owner]
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            membership__role=Role.CASEWORKER.value,
            membership__organisation_id=household.organisation_id,
        )
        .exclude(email="")
        .select_related("membership")
        .order_by("pk")
    )


def coordinators() -> list[Any]:
    return list(
        get_user_model()
        .objects.filter(is_active=True, membership__role=Role.COORDINATOR.value)
        .exclude(email="")
        .select_related("membership")
        .order_by("pk")
    )


def households_with_owners(ids: Iterable[int]) -> dict[int, Household]:
    """Households by id, with what :func:`case_recipients` reads loaded in one query."""
    return {h.pk: h for h in Household.objects.filter(pk__in=list(ids)).select_related("owner__membership")}
