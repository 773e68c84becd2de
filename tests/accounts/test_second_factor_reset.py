"""Resetting a lost second factor: never silent (a reason, kept in the audit trail with who reset it),
and the user must set up a new authenticator at their next sign-in."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest

from haven.accounts.actions import user_second_factor_reset
from haven.accounts.actor import Actor
from haven.accounts.models import RecoveryCode, TOTPDevice
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange
from tests.support.accounts import give_authenticator, sign_in

REASON = "Phone stolen; identity confirmed by video call with the coordinator"


def test_the_reset_is_audited_with_who_and_why(administrator: Any, coordinator: Any) -> None:
    give_authenticator(coordinator)
    RecoveryCode.objects.create(user=coordinator, code_hash="x")
    user_second_factor_reset(
        actor=Actor.for_user(administrator, ip="203.0.113.9"), user=coordinator, reason=REASON
    )
    entry = AuditEntry.objects.get(action="user.second_factor_reset")
    assert (entry.actor, entry.target, entry.ip) == (administrator, f"user:{coordinator.pk}", "203.0.113.9")
    assert entry.detail["reason"] == REASON
    assert entry.detail["had_authenticator"] is True and entry.detail["unused_recovery_codes"] == 1
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed_at__isnull=False).exists()
    assert not RecoveryCode.objects.filter(user=coordinator).exists()


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reset_without_a_reason_is_refused(administrator: Any, coordinator: Any, reason: str) -> None:
    give_authenticator(coordinator)
    with pytest.raises(InvalidChange):
        user_second_factor_reset(actor=Actor.for_user(administrator), user=coordinator, reason=reason)
    assert TOTPDevice.objects.get(user=coordinator).confirmed_at is not None
    assert not AuditEntry.objects.filter(action="user.second_factor_reset").exists()


def test_an_administrator_cannot_reset_their_own(administrator: Any) -> None:
    with pytest.raises(InvalidChange):
        user_second_factor_reset(actor=Actor.for_user(administrator), user=administrator, reason=REASON)


@pytest.mark.parametrize("persona", ["coordinator", "caseworker_a"])
def test_after_a_reset_the_next_sign_in_sets_up_a_new_authenticator(
    persona: str, request: Any, administrator: Any
) -> None:
    user = request.getfixturevalue(persona)
    old_secret = give_authenticator(user)
    user_second_factor_reset(actor=Actor.for_user(administrator), user=user, reason=REASON)

    client, response = sign_in(user.username)
    assert response.status_code == 302
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/account/2fa/setup/")
    assert "An administrator reset your second factor" in client.get("/account/2fa/setup/").content.decode()
    new_secret = TOTPDevice.objects.get(user=user).secret
    assert new_secret != old_secret
    assert client.post("/account/2fa/setup/", {"code": pyotp.TOTP(old_secret).now()}).status_code == 200
    assert client.get("/cases/").status_code == 302  # the lost phone's code set up nothing
    response = client.post("/account/2fa/setup/", {"code": pyotp.TOTP(new_secret).now()})
    assert "recovery codes" in response.content.decode()
    assert client.get("/cases/").status_code == 200
    assert not TOTPDevice.objects.get(user=user).required


def test_a_reset_signs_the_user_out_everywhere(administrator: Any, coordinator: Any) -> None:
    secret = give_authenticator(coordinator)
    client, _ = sign_in(coordinator.username)
    client.post("/account/2fa/verify/", {"code": pyotp.TOTP(secret).now()})
    assert client.get("/cases/").status_code == 200
    user_second_factor_reset(actor=Actor.for_user(administrator), user=coordinator, reason=REASON)
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
