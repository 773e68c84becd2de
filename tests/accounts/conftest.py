"""The administrator persona (a Haven admin with a confirmed authenticator) beside the shared personas of
tests/conftest.py, and helpers to sign in through the real login and second-factor pages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.accounts import give_authenticator
from tests.support.personas import make_user


@pytest.fixture
def administrator(db: Any) -> Any:
    user = make_user("ada", "admin", None)
    user.is_staff = user.is_superuser = True
    user.save()
    give_authenticator(user)
    return user
