"""The demo's data for the tests: ``haven seed`` and ``haven demo`` run as the tests run them, and built
once for a group of tests that all start from it.

The seeded coalition takes seconds to write, and a dozen tests only read it (or change it and have the
change undone after them). ``built_once(django_db_blocker, files)`` opens a transaction that outlives the
tests of a module: what is written inside it is there for each test; each test runs in a savepoint of
its own (pytest-django's ``db`` fixture makes one inside an open transaction), so whatever a test
changes is rolled back after it; and the whole is rolled back when the module is done, leaving the
database as empty as every other test expects. It works alike on SQLite and PostgreSQL: nothing is
committed, so nothing needs cleaning up or copying. Evidence files written meanwhile go to ``files``,
which the tests read back through :func:`reading_files_of`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # as tests/conftest.py gives every test


@contextmanager
def built_once(django_db_blocker: Any, files: Path) -> Iterator[None]:
    """Keep what is written inside this block for the tests that follow, and roll it back after them."""
    with django_db_blocker.unblock(), override_settings(HAVEN_FILES_DIR=files, PASSWORD_HASHERS=FAST_HASHER):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def reading_files_of(settings: Any, files: Path) -> None:
    """Point a test's file store (its own empty folder by default) at the files of the group."""
    settings.HAVEN_FILES_DIR = files


TODAY = dt.date(2026, 3, 15)
SEED = 3


def seed(*args: str, households: int = 50, seed: int = SEED) -> str:
    """``haven seed`` as of TODAY; returns what it printed."""
    out = StringIO()
    call_command(
        "seed", f"--today={TODAY}", *args, households=households, seed=seed, stdout=out, stderr=StringIO()
    )
    return out.getvalue()


def demo(households: int) -> str:
    """``haven demo --no-serve``: the coalition, the selection, the referral and the liaison's decisions."""
    out = StringIO()
    call_command("demo", "--no-serve", households=households, stdout=out, stderr=StringIO())
    return out.getvalue()


def snapshot() -> dict[str, int]:
    """How many households, people, users, organisations and audit entries the database holds."""
    from django.contrib.auth import get_user_model

    from haven.accounts.models import Organisation
    from haven.audit.models import AuditEntry
    from haven.cases.models import Household, Person

    return {
        "households": Household.objects.count(),
        "people": Person.objects.count(),
        "users": get_user_model().objects.count(),
        "organisations": Organisation.objects.count(),
        "audit": AuditEntry.objects.count(),
    }
