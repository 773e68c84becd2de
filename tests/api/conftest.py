"""What the API tests share: a fresh rate count per test, and ``api_as(user)``, a client that calls
the API with a new personal token of ``user``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from tests.support.api import ApiClient


@pytest.fixture(autouse=True)
def _fresh_rate_counts(db: Any) -> None:  # the cache is a database table
    cache.clear()


@pytest.fixture
def api_as() -> Callable[[Any], ApiClient]:
    def make(user: Any) -> ApiClient:
        # Made as from a session that passed the second factor where the role needs one.
        return ApiClient(token_create(actor=Actor.for_user(user), name="test", second_factor_passed=True)[1])

    return make
