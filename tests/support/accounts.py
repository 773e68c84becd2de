"""Signing in through the real login page, and giving a user a confirmed authenticator."""

from __future__ import annotations

from typing import Any

import pyotp
from django.test import Client
from django.utils import timezone

from haven.accounts.models import TOTPDevice
from tests.support.personas import PASSWORD


def give_authenticator(user: Any) -> str:
    """A confirmed authenticator for ``user``; returns its secret."""
    secret = pyotp.random_base32()
    TOTPDevice.objects.update_or_create(
        user=user, defaults={"secret": secret, "confirmed_at": timezone.now(), "last_used_step": 0}
    )
    return secret


def sign_in(username: str, password: str = PASSWORD, ip: str = "198.51.100.20") -> tuple[Client, Any]:
    """Post Haven's login form; returns the client and the response."""
    client = Client(REMOTE_ADDR=ip)
    response = client.post("/login/", {"username": username, "password": password})
    return client, response
