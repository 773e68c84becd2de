"""Behind the reverse proxy every request comes from the proxy's address: the lockout and the audit trail
use the client the proxy names, account and address each have their own bound, and a failed login keeps
only a keyed hash of the name typed."""

from __future__ import annotations

from typing import Any

from django.test import Client

from haven.accounts.throttle import username_key
from haven.audit.models import AuditEntry
from tests.support.personas import PASSWORD

PROXY = "127.0.0.1"


def through_proxy(username: str, password: str, client_ip: str) -> Any:
    return Client().post(
        "/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_ip,
    )


def test_one_clients_failures_behind_the_proxy_lock_neither_others_nor_the_proxy(
    caseworker_a: Any, caseworker_b: Any, settings: Any
) -> None:
    settings.HAVEN_TRUSTED_PROXIES = [PROXY]
    settings.HAVEN_LOGIN_MAX_FAILURES_PER_IP = 3
    for name in ("x1", "x2", "x3", "x4"):
        through_proxy(name, "guess", "198.51.100.66")
    assert through_proxy("anna", PASSWORD, "198.51.100.66").status_code == 200  # that address is paused
    assert through_proxy("anna", PASSWORD, "198.51.100.67").status_code == 302  # the next client is not
    login = AuditEntry.objects.filter(action="auth.login").latest("seq")
    assert login.ip == "198.51.100.67"
    failed = AuditEntry.objects.filter(action="auth.login_failed")
    assert set(failed.values_list("ip", flat=True)) == {"198.51.100.66"}


def test_an_account_lock_holds_from_every_address_and_an_address_lock_only_there(
    caseworker_a: Any, caseworker_b: Any, settings: Any
) -> None:
    settings.HAVEN_TRUSTED_PROXIES = [PROXY]
    settings.HAVEN_LOGIN_MAX_FAILURES = 3
    settings.HAVEN_LOGIN_MAX_FAILURES_PER_IP = 10
    for number in range(3):  # three failures for anna, each from another address
        through_proxy("anna", "guess", f"203.0.113.{number + 1}")
    assert through_proxy("anna", PASSWORD, "203.0.113.50").status_code == 200  # the account is paused
    assert through_proxy("boris", PASSWORD, "203.0.113.1").status_code == 302  # those addresses are not


def test_a_failed_login_keeps_a_keyed_hash_of_the_name_not_the_name(db: Any, settings: Any) -> None:
    typed = "correct horse battery staple"  # a password typed into the name field
    through_proxy(typed, "guess", "198.51.100.5")
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert typed not in repr((entry.target, entry.detail))
    assert entry.target == f"username-key:{username_key(typed)[:32]}"
    before = username_key(typed)
    settings.SECRET_KEY = "another secret key entirely, long enough for the test"
    assert username_key(typed) != before  # keyed: without the secret key no name can be tested
