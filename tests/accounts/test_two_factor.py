"""Two-factor authentication: mandatory for coordinator, liaison and admin; optional for the rest."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from django.test import Client

from haven.accounts.models import TOTPDevice
from haven.audit.models import AuditEntry
from tests.support.personas import PASSWORD


def login(username: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def enrol(client: Client, user: Any) -> str:
    client.get("/account/2fa/setup/")
    secret = TOTPDevice.objects.get(user=user).secret
    response = client.post("/account/2fa/setup/", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 200  # the recovery codes, shown this once
    assert "recovery codes" in response.content.decode()
    return secret


@pytest.mark.parametrize("persona", ["coordinator", "liaison"])
def test_mandatory_roles_must_set_up_an_authenticator_first(
    persona: str, coordinator: Any, liaison: Any
) -> None:
    user = {"coordinator": coordinator, "liaison": liaison}[persona]
    client = login(user.username)
    response = client.get("/cases/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/2fa/setup/")


def test_setup_shows_a_qr_code_and_rejects_a_wrong_code(coordinator: Any) -> None:
    client = login(coordinator.username)
    page = client.get("/account/2fa/setup/")
    assert b"<svg" in page.content
    response = client.post("/account/2fa/setup/", {"code": "000000"})
    assert response.status_code == 200
    assert "not right" in response.content.decode()
    assert TOTPDevice.objects.get(user=coordinator).confirmed_at is None


def test_enrolment_opens_the_caseload_and_is_audited(coordinator: Any) -> None:
    client = login(coordinator.username)
    enrol(client, coordinator)
    assert client.get("/cases/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.2fa_enrolled", actor=coordinator).exists()


def test_next_login_asks_for_a_code_and_a_used_code_is_refused(coordinator: Any) -> None:
    secret = enrol(login(coordinator.username), coordinator)
    client = login(coordinator.username)
    assert client.get("/cases/")["Location"].startswith("/account/2fa/verify/")
    used = pyotp.TOTP(secret).now()  # the code enrolment consumed: replaying it must fail
    response = client.post("/account/2fa/verify/", {"code": used})
    assert response.status_code == 200
    assert client.get("/cases/").status_code == 302
    assert AuditEntry.objects.filter(action="auth.2fa_failed", actor=coordinator).exists()


def test_a_fresh_code_passes(coordinator: Any) -> None:
    secret = enrol(login(coordinator.username), coordinator)
    device = TOTPDevice.objects.get(user=coordinator)
    device.last_used_step = 0  # as if the enrolment code was long ago
    device.save()
    client = login(coordinator.username)
    assert client.post("/account/2fa/verify/", {"code": pyotp.TOTP(secret).now()}).status_code == 302
    assert client.get("/cases/").status_code == 200


def test_caseworker_may_work_without_an_authenticator(caseworker_a: Any) -> None:
    client = login(caseworker_a.username)
    assert client.get("/cases/").status_code == 200


def test_caseworker_who_turned_it_on_must_use_it(caseworker_a: Any) -> None:
    enrol(login(caseworker_a.username), caseworker_a)
    client = login(caseworker_a.username)
    assert client.get("/cases/")["Location"].startswith("/account/2fa/verify/")
