"""The administrator persona (a Haven admin with a confirmed authenticator) beside the shared personas of
tests/conftest.py, and helpers to sign in through the real login and second-factor pages."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from django.test import Client
from django.utils import timezone

from haven.accounts.models import TOTPDevice
from tests.conftest import PASSWORD, make_user


def give_authenticator(user: Any) -> str:
    """A confirmed authenticator for ``user``; returns its secret."""
    secret = pyotp.random_base32()
    TOTPDevice.objects.update_or_create(
        user=user, defaults={"secret": secret, "confirmed_at": timezone.now(), "last_used_step": 0}
    )
    return secret


@pytest.fixture
def administrator(db: Any) -> Any:
    user = make_user("ada", "admin", None)
    user.is_staff = user.is_superuser = True
    user.save()
    give_authenticator(user)
    return user


def sign_in(username: str, password: str = PASSWORD, ip: str = "198.51.100.20") -> tuple[Client, Any]:
    """Post Haven's login form; returns the client and the response."""
    client = Client(REMOTE_ADDR=ip)
    response = client.post("/login/", {"username": username, "password": password})
    return client, response
