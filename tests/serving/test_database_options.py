"""PostgreSQL runs Haven's queries without just-in-time compilation, unless the database URL says
otherwise: compiling a large coalition's dashboard or radar aggregates took longer than running them.
A worker keeps its PostgreSQL connection between requests, checked before reuse, unless told not to."""

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


def test_a_postgresql_connection_is_kept_between_requests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://haven@db.example:5432/haven")
    monkeypatch.delenv("HAVEN_DB_CONN_MAX_AGE", raising=False)
    config = settings._database()
    assert (config["CONN_MAX_AGE"], config["CONN_HEALTH_CHECKS"]) == (60, True)
    monkeypatch.setenv("HAVEN_DB_CONN_MAX_AGE", "0")
    assert settings._database()["CONN_MAX_AGE"] == 0


def test_sqlite_opens_its_file_per_request(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/haven.sqlite3")
    assert settings._database()["CONN_MAX_AGE"] == 0
