"""Template context: the current user's role, for navigation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from haven.accounts.actor import Actor
from haven_core.roles import can_use_caseload


def membership(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {}
    actor = Actor.for_user(request.user)
    return {
        "haven_role": actor.role,
        "haven_org": actor.organisation,
        "haven_caseload": can_use_caseload(actor.role),
    }
