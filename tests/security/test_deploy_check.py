"""Production settings pass Django's deployment checks, and refuse to start when half-configured."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.security import haven, production_settings


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return production_settings(tmp_path_factory.mktemp("production"))


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
