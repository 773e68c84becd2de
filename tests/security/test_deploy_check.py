"""Production settings pass Django's deployment checks, and refuse to start when half-configured."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest


def haven(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    unwanted = ("HAVEN_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the last is set for browser tests
    base = {k: v for k, v in os.environ.items() if not k.startswith(unwanted)}
    full = {
        **base,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "HAVEN_VAR_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(  # noqa: S603  (our own command, fixed arguments)
        [sys.executable, "-m", "haven", *args],
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def production(tmp_path: Path) -> dict[str, str]:
    env = {
        "HAVEN_PRODUCTION": "1",
        "HAVEN_SECRET_KEY": secrets.token_urlsafe(60),
        "HAVEN_KEYS_FILE": str(tmp_path / "keys.json"),
        "HAVEN_ALLOWED_HOSTS": "haven.example.org",
    }
    made = haven(["generate-keys"], env, tmp_path)
    assert made.returncode == 0, made.stderr
    return env


def test_deploy_checks_pass(production: dict[str, str], tmp_path: Path) -> None:
    result = haven(["check", "--deploy", "--fail-level", "WARNING"], production, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_secret_key_refuses_to_start(production: dict[str, str], tmp_path: Path) -> None:
    env = {**production, "HAVEN_SECRET_KEY": ""}
    result = haven(["check"], env, tmp_path)
    assert result.returncode != 0
    assert "set HAVEN_SECRET_KEY" in result.stderr


def test_production_refuses_debug(production: dict[str, str], tmp_path: Path) -> None:
    result = haven(["check"], {**production, "HAVEN_DEBUG": "1"}, tmp_path)
    assert result.returncode != 0
    assert "HAVEN_DEBUG must be off" in result.stderr


def test_the_development_settings_would_fail_the_deploy_checks(tmp_path: Path) -> None:
    # The control: the same check does find problems when production mode is off.
    result = haven(["check", "--deploy", "--fail-level", "WARNING"], {}, tmp_path)
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout
