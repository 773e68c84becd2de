"""Enforcing the access policy of :mod:`haven_core.roles` on requests; which households an actor may see
is decided in :mod:`haven.accounts.visibility` (re-exported here for the views that import it from here)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from haven.accounts.actor import Actor, ActorRequest
from haven.accounts.visibility import household_for, visible_households
from haven_core.roles import Role, can_use_caseload

__all__ = [
    "ActorRequest",
    "actor_of",
    "caseload_required",
    "client_ip",
    "household_for",
    "role_required",
    "visible_households",
    "with_actor",
]

P = ParamSpec("P")
# A view behind a guard takes the request with its actor; the guard itself takes any request.
GuardedView = Callable[Concatenate[ActorRequest, P], HttpResponse]
View = Callable[Concatenate[HttpRequest, P], HttpResponse]


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


def actor_of(request: HttpRequest) -> Actor:
    return Actor.for_user(request.user, ip=client_ip(request))


def with_actor(request: HttpRequest, actor: Actor) -> ActorRequest:
    """``request``, carrying ``actor`` from here on for the view and its templates (``request.actor``)."""
    # HttpRequest has no such attribute to assign through; ActorRequest declares it for the readers.
    setattr(request, "actor", actor)  # noqa: B010
    return cast(ActorRequest, request)


def role_required(allowed: Callable[[Role | None], bool]) -> Callable[[GuardedView[P]], View[P]]:
    """Log-in required; then 403 for anyone whose role is not ``allowed``; the view gets the actor."""

    def decorate(view: GuardedView[P]) -> View[P]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            actor = actor_of(request)
            if not allowed(actor.role):
                raise PermissionDenied
            return view(with_actor(request, actor), *args, **kwargs)

        return wrapper

    return decorate


def caseload_required(view: GuardedView[P]) -> View[P]:
    """Log-in required; then 403 for anyone whose role has no caseload (a liaison, a user with no role)."""
    return role_required(can_use_caseload)(view)
