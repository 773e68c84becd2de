"""Who is acting: the user, their role and organisation, and where the request came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest
from django.utils.translation import gettext as _

from haven.errors import NotAllowed
from haven_core.roles import Role

if TYPE_CHECKING:
    from haven.accounts.models import Organisation


@dataclass(frozen=True)
class Actor:
    """The user acting (``None`` for Haven itself, see :meth:`system`, and for a visitor not signed in)."""

    user: User | None
    role: Role | None
    organisation: Organisation | None
    ip: str | None = None
    # Haven itself, acting from a management command or a job with no user behind it. Said outright rather
    # than read from ``user is None``, which an anonymous visitor shares.
    is_system: bool = False

    @classmethod
    def system(cls) -> Actor:
        """Haven itself, acting from a management command with coalition-wide rights."""
        return cls(user=None, role=Role.ADMIN, organisation=None, ip=None, is_system=True)

    @classmethod
    def for_user(cls, user: User | AnonymousUser, ip: str | None = None) -> Actor:
        if not isinstance(user, User) or not user.is_authenticated:
            return cls(user=None, role=None, organisation=None, ip=ip)
        membership = getattr(
            user, "membership", None
        )  # a user with no role has none (RelatedObjectDoesNotExist)
        if membership is None:
            role = Role.ADMIN if user.is_superuser else None
            return cls(user=user, role=role, organisation=None, ip=ip)
        return cls(user=user, role=membership.role_enum, organisation=membership.organisation, ip=ip)

    @property
    def signed_in(self) -> User:
        """The acting user, for what only a person signed in may do (a token, a review, a decision)."""
        if self.user is None:
            raise NotAllowed(_("Sign in first."))
        return self.user

    @property
    def user_id(self) -> int | None:
        """The acting user's id; ``None`` for Haven itself and for anyone not signed in."""
        return self.user.pk if self.user is not None else None

    @property
    def organisation_id(self) -> int | None:
        return self.organisation.pk if self.organisation is not None else None


class ActorRequest(HttpRequest):
    """A request that has passed one of Haven's guards (:mod:`haven.accounts.access`), which set ``actor``.

    Only for annotations: no request is ever of this class; views behind a guard declare their request so.
    """

    actor: Actor
