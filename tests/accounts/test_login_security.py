"""Login: throttling and lockout, Argon2 hashes, sessions that end when idle, security headers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from haven.accounts.models import LoginFailure
from tests.support.personas import PASSWORD


def attempt(client: Client, username: str, password: str, ip: str = "198.51.100.7") -> Any:
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_account_is_locked_after_repeated_failures(client: Client, caseworker_a: Any, settings: Any) -> None:
    for _ in range(settings.HAVEN_LOGIN_MAX_FAILURES):
        assert attempt(client, "anna", "guess").status_code == 200
    response = attempt(client, "anna", PASSWORD)
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lock_is_per_account_and_ages_out(
    client: Client, caseworker_a: Any, caseworker_b: Any, settings: Any
) -> None:
    for _ in range(settings.HAVEN_LOGIN_MAX_FAILURES):
        attempt(client, "anna", "guess", ip="198.51.100.8")
    assert attempt(Client(), "boris", PASSWORD, ip="198.51.100.9").status_code == 302
    LoginFailure.objects.update(
        at=timezone.now() - dt.timedelta(seconds=settings.HAVEN_LOGIN_LOCK_SECONDS + 1)
    )
    assert attempt(client, "anna", PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_locked(client: Client, caseworker_a: Any, settings: Any) -> None:
    settings.HAVEN_LOGIN_MAX_FAILURES_PER_IP = 3
    for name in ("x1", "x2", "x3"):
        attempt(client, name, "guess", ip="192.0.2.50")
    assert attempt(client, "anna", PASSWORD, ip="192.0.2.50").status_code == 200
    assert attempt(Client(), "anna", PASSWORD, ip="192.0.2.51").status_code == 302


def test_failures_store_no_username_in_clear(client: Client, db: Any) -> None:
    attempt(client, "someone-secret", "guess")
    failure = LoginFailure.objects.get()
    assert "someone-secret" not in failure.username_key


def test_passwords_are_hashed_with_argon2(db: Any, settings: Any) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = get_user_model().objects.create_user(username="hash", password=PASSWORD)
    assert user.password.startswith("argon2")
    assert make_password("x").startswith("argon2")


def test_idle_session_ends(client: Client, caseworker_a: Any) -> None:
    assert attempt(client, "anna", PASSWORD).status_code == 302
    assert client.get("/cases/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_activity_extends_the_session(client: Client, caseworker_a: Any, settings: Any) -> None:
    attempt(client, "anna", PASSWORD)
    Session.objects.update(expire_date=timezone.now() + dt.timedelta(seconds=5))
    client.get("/cases/")
    remaining = (Session.objects.get().expire_date - timezone.now()).total_seconds()
    assert remaining > settings.SESSION_COOKIE_AGE - 60


def test_pages_carry_a_strict_content_security_policy(client: Client, db: Any) -> None:
    response = client.get("/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_have_no_inline_scripts_or_styles(client: Client, caseworker_a: Any, household_a: Any) -> None:
    attempt(client, "anna", PASSWORD)
    for url in ("/login/", "/cases/", f"/cases/{household_a.reference}/"):
        html = client.get(url).content.decode()
        assert "<script>" not in html and "<script type" not in html
        assert " style=" not in html and "<style" not in html
