"""Who may see and change what: the access policy, apart from any web framework."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    CASEWORKER = "caseworker"
    REVIEWER = "reviewer"
    COORDINATOR = "coordinator"  # coalition-wide
    LIAISON = "liaison"  # receives referrals; sees no caseload
    ADMIN = "admin"


COALITION_WIDE = frozenset({Role.COORDINATOR, Role.ADMIN})
CASELOAD_ROLES = frozenset({Role.CASEWORKER, Role.REVIEWER, Role.COORDINATOR, Role.ADMIN})


def can_use_caseload(role: Role | None) -> bool:
    """Whether the role works with households at all (a liaison does not)."""
    return role in CASELOAD_ROLES


def can_see_household(role: Role | None, user_org: object, household_org: object) -> bool:
    """Coalition-wide roles see every household; others only their own organisation's."""
    if not can_use_caseload(role):
        return False
    if role in COALITION_WIDE:
        return True
    return user_org is not None and user_org == household_org


def can_edit_household(role: Role | None, user_org: object, household_org: object) -> bool:
    """Whoever may see a household may also edit it: the caseload is shared work within its scope."""
    return can_see_household(role, user_org, household_org)
