"""Demo data never reaches a production installation.

``haven demo`` and ``haven seed`` create accounts with a password printed for everyone to read (a
superuser among them) and synthetic households mixed into a real caseload: under ``HAVEN_PRODUCTION``
they stop before touching the database. ``haven check --deploy`` reports demo accounts found in the
database all the same (made before production was switched on, or copied in from a demo).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core import checks
from django.core.management.base import CommandError
from django.db import DatabaseError

from haven.demo.users import DEMO_PASSWORD

DEMO_EMAIL_DOMAIN = "@demo.invalid"
#: The names the demo gives its logins (caseworkerN and reviewerN per organisation, and these).
_DEMO_NAMES = ("coordinator", "liaison", "admin")
_DEMO_PREFIXES = ("caseworker", "reviewer")


def refuse_in_production(command: str) -> None:
    if settings.HAVEN_PRODUCTION:
        raise CommandError(
            f"haven {command} makes demo accounts that share a published password, and synthetic "
            "households: it does not run on a production installation (HAVEN_PRODUCTION is set)."
        )


def _looks_like_demo_name(username: str) -> bool:
    if username in _DEMO_NAMES:
        return True
    return any(username.startswith(p) and username[len(p) :].isdigit() for p in _DEMO_PREFIXES)


def demo_accounts() -> list[str]:
    """Active accounts the demo made (its e-mail domain) or that open with the demo password."""
    found = []
    for user in get_user_model().objects.filter(is_active=True).order_by("username"):
        if user.email.endswith(DEMO_EMAIL_DOMAIN):
            found.append(user.username)
        # Hashing is slow on purpose: only names the demo uses are tried against its password.
        elif _looks_like_demo_name(user.username) and check_password(DEMO_PASSWORD, user.password):
            found.append(user.username)
    return found


def demo_account_check(**kwargs: Any) -> list[checks.CheckMessage]:
    try:
        found = demo_accounts()
    except DatabaseError:
        return []  # no database yet (before the first migrate): nothing to report
    if not found:
        return []
    return [
        checks.Error(
            f"Demo accounts, whose password is published, are active here: {', '.join(found)}.",
            hint="Deactivate or remove them on the Users page; never seed a production database.",
            id="haven.demo.E001",
        )
    ]


def register() -> None:
    checks.register(demo_account_check, checks.Tags.security, deploy=True)
