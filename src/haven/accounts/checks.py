"""``haven check --deploy`` reports accounts that reach the whole coalition without a second factor.

Coordinators, liaisons and administrators (and Django staff) must use an authenticator app; Haven asks
them to set one up at their first sign-in, so an account that never signed in has none yet, and a
stolen password alone opens it until then.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core import checks
from django.db import DatabaseError
from django.db.models import Q

from haven.accounts.models import TOTPDevice
from haven.accounts.twofactor import MANDATORY_ROLES


def without_second_factor() -> list[str]:
    """Active staff, coordinator, liaison and administrator accounts with no confirmed authenticator."""
    privileged = (
        Q(is_staff=True) | Q(is_superuser=True) | Q(membership__role__in=[r.value for r in MANDATORY_ROLES])
    )
    confirmed = TOTPDevice.objects.filter(confirmed_at__isnull=False).values("user_id")
    users = get_user_model().objects.filter(privileged, is_active=True).exclude(pk__in=confirmed)
    return sorted(set(users.values_list("username", flat=True)))


def second_factor_check(**kwargs: Any) -> list[checks.CheckMessage]:
    try:
        found = without_second_factor()
    except DatabaseError:
        return []  # no database yet
    if not found:
        return []
    return [
        checks.Warning(
            f"Accounts that must use a second factor have none set up: {', '.join(found)}.",
            hint="Have them sign in and set up their authenticator app now, or deactivate them.",
            id="haven.accounts.W001",
        )
    ]


def register() -> None:
    checks.register(second_factor_check, checks.Tags.security, deploy=True)
