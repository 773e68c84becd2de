"""Enforcing the access policy of :mod:`haven_core.roles` on requests; which households an actor may see
is decided in :mod:`haven.accounts.visibility` (re-exported here for the views that import it from here)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from haven.accounts.actor import Actor
from haven.accounts.visibility import household_for, visible_households
from haven_core.roles import can_use_caseload

__all__ = ["actor_of", "caseload_required", "client_ip", "household_for", "visible_households"]


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
