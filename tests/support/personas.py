"""The personas' password, making a user with a role, and a client signed in as one (the persona fixtures
themselves are in tests/conftest.py)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from haven.accounts.models import Membership, Organisation

PASSWORD = "correct horse battery staple"


def make_user(username: str, role: str, organisation: Organisation | None) -> Any:
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, role=role, organisation=organisation)
    return user


def client_for(user: Any) -> Client:
    """A client signed in as ``user`` who has passed every login step, the second factor included."""
    from haven.accounts.twofactor import SESSION_FLAG

    client = Client()
    client.force_login(user)
    session = client.session
    session[SESSION_FLAG] = True
    session.save()
    return client


def russian(user: Any) -> Client:
    """A client signed in as ``user`` who reads Haven in Russian (the language cookie set)."""
    from django.conf import settings

    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    return client
