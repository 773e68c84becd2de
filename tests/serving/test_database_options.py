"""PostgreSQL runs Haven's queries without just-in-time compilation, unless the database URL says
otherwise: compiling a large coalition's dashboard or radar aggregates took longer than running them."""

from __future__ import annotations

import pytest

from haven import settings


def test_postgresql_pages_run_without_jit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://haven@db.example:5432/haven")
    assert settings._database()["OPTIONS"] == {"options": "-c jit=off"}


def test_a_url_with_its_own_server_options_keeps_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "DATABASE_URL", "postgres://haven@db.example:5432/haven?sslmode=require&options=-c%20jit%3Don"
    )
    options = settings._database()["OPTIONS"]
    assert options == {"sslmode": "require", "options": "-c jit=on"}
