"""Production refuses demo data: ``haven demo`` and ``haven seed`` stop under HAVEN_PRODUCTION, and
``haven check --deploy`` names demo accounts and coalition-wide accounts without a second factor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from haven.accounts.checks import second_factor_check
from haven.accounts.models import Membership, TOTPDevice
from haven.demo.guard import demo_account_check
from haven.demo.users import demo_logins, ensure_demo_users
from tests.support.security import haven, production_settings


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return production_settings(tmp_path_factory.mktemp("production"))


MAKE_DEMO_COORDINATOR = (
    "from django.contrib.auth import get_user_model; from haven.accounts.models import Membership; "
    "u = get_user_model().objects.create_user('coordinator', password='haven-demo-2026'); "
    "Membership.objects.create(user=u, role='coordinator')"
)


@pytest.mark.parametrize("command", [["seed", "--households", "2"], ["demo", "--no-serve"]])
def test_demo_and_seed_stop_in_production(
    command: list[str],
    production: dict[str, str],
    tmp_path: Path,
) -> None:
    result = haven(command, production, tmp_path)
    assert result.returncode != 0
    assert "does not run on a production installation" in result.stderr
    assert "haven-demo-2026" not in result.stdout + result.stderr


def test_check_deploy_reports_a_demo_account_without_a_second_factor(
    production: dict[str, str],
    tmp_path: Path,
) -> None:
    assert haven(["migrate", "-v", "0"], production, tmp_path).returncode == 0
    clean = haven(["check", "--deploy", "--fail-level", "WARNING"], production, tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    made = haven(["shell", "-c", MAKE_DEMO_COORDINATOR], production, tmp_path)
    assert made.returncode == 0, made.stderr
    result = haven(["check", "--deploy"], production, tmp_path)
    assert result.returncode != 0
    assert "haven.demo.E001" in result.stderr and "coordinator" in result.stderr
    assert "haven.accounts.W001" in result.stderr


def test_every_demo_login_is_reported(db: Any, org_a: Any) -> None:
    users, _ = ensure_demo_users(demo_logins([org_a]))
    (error,) = demo_account_check()
    assert error.id == "haven.demo.E001"
    assert all(name in error.msg for name in users)


def test_a_real_account_named_admin_with_its_own_password_is_not_a_demo_account(db: Any) -> None:
    get_user_model().objects.create_user("admin", password="a long and private passphrase")
    get_user_model().objects.create_user("reviewer1", password="another long private passphrase")
    assert demo_account_check() == []


def test_only_coalition_wide_accounts_without_a_confirmed_authenticator_are_reported(
    db: Any, org_a: Any
) -> None:
    User = get_user_model()
    for name, role, organisation in (
        ("coord", "coordinator", None),
        ("liaison2", "liaison", None),
        ("cw", "caseworker", org_a),
    ):
        Membership.objects.create(user=User.objects.create_user(name), role=role, organisation=organisation)
    staff = User.objects.create_user("staffer", is_staff=True)
    TOTPDevice.objects.create(
        user=User.objects.get(username="liaison2"), secret="X", confirmed_at="2026-12-01T00:00Z"
    )
    TOTPDevice.objects.create(user=staff, secret="Y")  # set up but never confirmed
    (warning,) = second_factor_check()
    assert warning.id == "haven.accounts.W001"
    assert "coord" in warning.msg and "staffer" in warning.msg
    assert "liaison2" not in warning.msg and "cw" not in warning.msg
