"""The API as a client calls it (a bearer token per persona), and reading its validation errors."""

from __future__ import annotations

from typing import Any

from django.test import Client


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


def locs(response: Any) -> set[tuple[str, ...]]:
    """The fields a 422 answer names."""
    assert response.status_code == 422, response.content
    return {tuple(entry["loc"]) for entry in response.json()["detail"]}
