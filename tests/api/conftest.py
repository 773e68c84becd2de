"""What the API tests share: a fresh rate count per test, and ``api_as(user)``, a client that calls
the API with a new personal token of ``user``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from haven.accounts.actor import Actor
from haven.api.actions import token_create


@pytest.fixture(autouse=True)
def _fresh_rate_counts(db: Any) -> None:  # the cache is a database table
    cache.clear()


class ApiClient:
    """Calls ``/api/v1`` with a bearer token; bodies are sent as JSON."""

    def __init__(self, secret: str) -> None:
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")

    def get(self, path: str) -> Any:
        return self.client.get(f"/api/v1{path}")

    def delete(self, path: str) -> Any:
        return self.client.delete(f"/api/v1{path}")

    def post(self, path: str, body: Any = None) -> Any:
        return self.client.post(f"/api/v1{path}", body or {}, content_type="application/json")

    def patch(self, path: str, body: Any) -> Any:
        return self.client.patch(f"/api/v1{path}", body, content_type="application/json")

    def put(self, path: str, body: Any) -> Any:
        return self.client.put(f"/api/v1{path}", body, content_type="application/json")


@pytest.fixture
def api_as() -> Callable[[Any], ApiClient]:
    def make(user: Any) -> ApiClient:
        # Made as from a session that passed the second factor where the role needs one.
        return ApiClient(token_create(actor=Actor.for_user(user), name="test", second_factor_passed=True)[1])

    return make


def locs(response: Any) -> set[tuple[str, ...]]:
    """The fields a 422 answer names."""
    assert response.status_code == 422, response.content
    return {tuple(entry["loc"]) for entry in response.json()["detail"]}
