"""Who is acting: the user, their role and organisation, and where the request came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haven_core.roles import Role


@dataclass(frozen=True)
class Actor:
    user: Any  # a User, or None for Haven's own jobs (seeding, imports from the command line)
    role: Role | None
    organisation: Any  # an Organisation or None
    ip: str | None = None

    @classmethod
    def system(cls) -> Actor:
        """Haven itself, acting from a management command with coalition-wide rights."""
        return cls(user=None, role=Role.ADMIN, organisation=None, ip=None)

    @classmethod
    def for_user(cls, user: Any, ip: str | None = None) -> Actor:
        membership = getattr(user, "membership", None) if getattr(user, "is_authenticated", False) else None
        if membership is None:
            role = Role.ADMIN if getattr(user, "is_superuser", False) else None
            return cls(user=user, role=role, organisation=None, ip=ip)
        return cls(user=user, role=membership.role_enum, organisation=membership.organisation, ip=ip)

    @property
    def organisation_id(self) -> int | None:
        return getattr(self.organisation, "pk", None)
