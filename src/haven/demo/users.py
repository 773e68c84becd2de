"""The demo's logins: a caseworker and a reviewer per organisation, two coordinators (one makes a selection,
the other approves it), a liaison and an admin.

They share one password, printed by ``haven demo`` so that anyone trying Haven can sign in as each
persona. They belong in a demo database only: ``haven seed`` creates those that are missing and never
touches an existing account of the same name that it did not make (it keeps its password and role).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from haven.accounts.models import Membership, Organisation
from haven_core.roles import Role

DEMO_PASSWORD = "haven-demo-2026"  # noqa: S105  (demo databases only; printed for everyone to read)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    organisation: Organisation | None = None


def demo_logins(organisations: Sequence[Organisation]) -> list[DemoLogin]:
    """Every demo login, in the order ``haven demo`` lists them."""
    logins = []
    for number, organisation in enumerate(organisations, start=1):
        logins.append(DemoLogin(f"caseworker{number}", Role.CASEWORKER, organisation))
        logins.append(DemoLogin(f"reviewer{number}", Role.REVIEWER, organisation))
    logins += [
        DemoLogin("coordinator", Role.COORDINATOR),
        DemoLogin("coordinator2", Role.COORDINATOR),
        DemoLogin("liaison", Role.LIAISON),
    ]
    return [*logins, DemoLogin("admin", Role.ADMIN)]


def _is_ours(user: Any, login: DemoLogin) -> bool:
    membership = Membership.objects.filter(user=user).first()
    return (
        membership is not None
        and membership.role == login.role.value
        and membership.organisation_id == (login.organisation.pk if login.organisation else None)
    )


def ensure_demo_users(logins: Sequence[DemoLogin]) -> tuple[dict[str, Any], list[str]]:
    """Create the demo users that are missing.

    Returns the demo users by username, and the usernames that belong to someone else and were left
    alone. The password is hashed once for all of them: hashing is deliberately slow.
    """
    User = get_user_model()
    password = make_password(DEMO_PASSWORD)
    users: dict[str, Any] = {}
    foreign: list[str] = []
    for login in logins:
        user = User.objects.filter(username=login.username).first()
        if user is not None:
            if _is_ours(user, login):
                users[login.username] = user
            else:
                foreign.append(login.username)
            continue
        admin = login.role is Role.ADMIN
        user = User.objects.create(
            username=login.username,
            password=password,
            is_staff=admin,
            is_superuser=admin,
            email=f"{login.username}@demo.invalid",  # for the alerts; .invalid never reaches anyone
        )
        Membership.objects.create(user=user, role=login.role.value, organisation=login.organisation)
        users[login.username] = user
    return users, foreign


def existing_demo_logins(logins: Sequence[DemoLogin]) -> list[DemoLogin]:
    """The demo logins whose accounts exist in this database as the demo made them."""
    User = get_user_model()
    found = {u.username: u for u in User.objects.filter(username__in=[login.username for login in logins])}
    return [login for login in logins if login.username in found and _is_ours(found[login.username], login)]
