"""Who may override an assessment's level: reviewers and the coalition's coordinators, never a caseworker
alone. Any override needs a written justification, and the computed level stays beside it."""

from __future__ import annotations

from haven_core.assessment.vocabulary import RISK_LEVELS, URGENCY_LEVELS, VULNERABILITY_LEVELS
from haven_core.roles import Role

OVERRIDE_ROLES = frozenset({Role.REVIEWER, Role.COORDINATOR, Role.ADMIN})
LEVELS = {"risk": RISK_LEVELS, "vulnerability": VULNERABILITY_LEVELS, "urgency": URGENCY_LEVELS}
MIN_JUSTIFICATION = 20  # characters: a reason a second reader can weigh, not "ok"


def can_override(role: Role | None) -> bool:
    return role in OVERRIDE_ROLES


def valid_override(dimension: str, level: str) -> bool:
    """Whether ``level`` is a level of ``dimension`` ("" withdraws an earlier override)."""
    return dimension in LEVELS and (level == "" or level in LEVELS[dimension])
