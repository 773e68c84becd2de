"""Enforcing the access policy of :mod:`haven_core.roles` on requests and querysets."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from haven.accounts.actor import Actor
from haven_core.roles import COALITION_WIDE, can_use_caseload


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


def actor_of(request: HttpRequest) -> Actor:
    return Actor.for_user(request.user, ip=client_ip(request))


def caseload_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Log-in required; then 403 for anyone whose role has no caseload (a liaison, a user with no role)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        actor = actor_of(request)
        if not can_use_caseload(actor.role):
            raise PermissionDenied
        request.actor = actor  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


def visible_households(actor: Actor) -> QuerySet[Any]:
    """The households ``actor`` may see: all for coalition-wide roles, their organisation's otherwise."""
    from haven.cases.models import Household

    if not can_use_caseload(actor.role):
        return Household.objects.none()
    if actor.role in COALITION_WIDE:
        return Household.objects.all()
    if actor.organisation_id is None:
        return Household.objects.none()
    return Household.objects.filter(organisation_id=actor.organisation_id)


def household_for(actor: Actor, reference: str) -> Any:
    """The household with ``reference`` if ``actor`` may see it; 404 otherwise (never reveals existence)."""
    household = (
        visible_households(actor).select_related("organisation", "owner").filter(reference=reference).first()
    )
    if household is None:
        raise Http404
    return household
