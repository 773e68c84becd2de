"""``haven seed`` and ``haven demo`` on a database that is not empty or not yet seeded: a database with cases
is never seeded over, an account of a demo name is left alone, and ``haven demo`` seeds once and prints
the logins (what the seeded coalition holds: test_seeded_coalition.py)."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from haven.accounts.models import Membership
from haven.cases.models import Household
from haven.demo.users import DEMO_PASSWORD
from tests.support.demo import seed, snapshot

pytestmark = pytest.mark.django_db


def test_real_cases_are_never_seeded_over(household_a: Any) -> None:
    before = snapshot()
    with pytest.raises(CommandError, match="already has 1 households"):
        seed()
    with pytest.raises(CommandError, match="organisations the demo did not create"):
        seed("--reset")
    assert snapshot() == before
    assert Household.objects.filter(pk=household_a.pk).exists()


def test_an_existing_account_of_a_demo_name_is_left_alone(db: Any) -> None:
    other = get_user_model().objects.create_user(username="admin", password="someone else's password")
    seed()
    other.refresh_from_db()
    assert not other.is_superuser and other.check_password("someone else's password")
    assert not Membership.objects.filter(user=other).exists()


def test_demo_prepares_and_prints_the_logins_without_serving() -> None:
    out = StringIO()
    call_command("demo", "--no-serve", households=20, stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert Household.objects.count() == 20
    assert "http://127.0.0.1:8000" in text and DEMO_PASSWORD in text
    assert all(name in text for name in ("caseworker1", "reviewer5", "coordinator", "liaison", "admin"))
    assert "Compared" in text and "waiting for the coordinator" in text  # duplicates proposed up front

    again = StringIO()
    call_command("demo", "--no-serve", households=20, stdout=again, stderr=StringIO())
    assert "not seeding again" in again.getvalue()
    assert Household.objects.count() == 20
