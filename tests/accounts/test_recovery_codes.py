"""Recovery codes: made at enrolment, shown once, stored hashed, each usable once instead of a code from
the authenticator, and made anew by the user (the old ones then stop working). All of it audited."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pyotp
from django.db import connection
from django.test import Client

from haven.accounts import recovery
from haven.accounts.models import RecoveryCode, TOTPDevice
from haven.audit.models import AuditEntry
from tests.support.accounts import sign_in
from tests.support.personas import client_for

CODE = re.compile(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>")


def enrol(user: Any) -> list[str]:
    """Set up the authenticator through the pages; returns the recovery codes the page showed."""
    client, _ = sign_in(user.username)
    client.get("/account/2fa/setup/")
    secret = TOTPDevice.objects.get(user=user).secret
    page = client.post("/account/2fa/setup/", {"code": pyotp.TOTP(secret).now()}).content.decode()
    return CODE.findall(page)


def verify(user: Any, code: str) -> tuple[Client, Any]:
    client, _ = sign_in(user.username)
    return client, client.post("/account/2fa/verify/", {"code": code})


def test_enrolment_shows_ten_codes_once(coordinator: Any) -> None:
    codes = enrol(coordinator)
    assert len(codes) == recovery.COUNT == len(set(codes))
    assert RecoveryCode.objects.filter(user=coordinator, used_at__isnull=True).count() == 10
    assert AuditEntry.objects.get(action="auth.2fa_enrolled").detail == {"recovery_codes": 10}
    security = client_for(coordinator).get("/account/security/").content.decode()
    assert not set(CODE.findall(security)) & set(codes)
    assert "10 recovery codes left" in security


def test_codes_are_stored_hashed_never_in_clear(coordinator: Any) -> None:
    codes = enrol(coordinator)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM accounts_recoverycode")
        raw = repr(cursor.fetchall())
    for code in codes:
        bare = code.replace("-", "")
        assert code not in raw and bare not in raw
        assert hashlib.sha256(bare.encode()).hexdigest() not in raw  # keyed: no look-up table helps
    assert {row.code_hash for row in RecoveryCode.objects.all()} == {
        recovery.digest(coordinator, code) for code in codes
    }


def test_codes_keep_working_across_a_change_of_secret_key(coordinator: Any, settings: Any) -> None:
    codes = enrol(coordinator)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a brand new secret key for Haven, long enough to be a key"
    assert verify(coordinator, codes[0])[1].status_code == 302
    settings.SECRET_KEY_FALLBACKS = []
    assert verify(coordinator, codes[1])[1].status_code == 200


def test_a_recovery_code_signs_in_once_then_fails(coordinator: Any) -> None:
    codes = enrol(coordinator)
    client, response = verify(coordinator, codes[3].upper().replace("-", " "))  # as typed from paper
    assert response.status_code == 302
    assert client.get("/cases/").status_code == 200
    used = AuditEntry.objects.filter(action="recovery_code.use").get()
    assert used.actor == coordinator and used.detail == {"remaining": 9}
    assert "9 recovery codes left" in client.get("/account/security/").content.decode()

    client, response = verify(coordinator, codes[3])
    assert response.status_code == 200 and "not right" in response.content.decode()
    assert client.get("/cases/").status_code == 302
    failed = AuditEntry.objects.filter(action="auth.2fa_failed").latest("seq")
    assert failed.detail == {"method": "recovery_code"}


def test_a_made_up_code_does_not_pass(coordinator: Any) -> None:
    enrol(coordinator)
    client, response = verify(coordinator, "abcde-fghjk")
    assert response.status_code == 200
    assert client.get("/cases/").status_code == 302
    assert recovery.remaining(coordinator) == 10


def test_new_codes_replace_the_old_ones(coordinator: Any) -> None:
    old = enrol(coordinator)
    page = client_for(coordinator).post("/account/security/recovery-codes/").content.decode()
    new = CODE.findall(page)
    assert len(new) == 10 and not set(new) & set(old)
    entry = AuditEntry.objects.get(action="recovery_code.regenerate")
    assert entry.actor == coordinator and entry.detail == {"replaced_unused": 10, "recovery_codes": 10}
    assert verify(coordinator, old[0])[1].status_code == 200
    assert verify(coordinator, new[0])[1].status_code == 302


def test_no_codes_without_an_authenticator(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    response = client.post("/account/security/recovery-codes/", follow=True)
    assert not CODE.findall(response.content.decode())
    assert not RecoveryCode.objects.exists()
    assert not AuditEntry.objects.filter(action="recovery_code.regenerate").exists()


def test_making_new_codes_needs_the_second_factor_passed(coordinator: Any) -> None:
    enrol(coordinator)
    client, _ = sign_in(coordinator.username)  # password only
    response = client.post("/account/security/recovery-codes/")
    assert response.status_code == 302 and response["Location"].startswith("/account/2fa/verify/")
    assert not AuditEntry.objects.filter(action="recovery_code.regenerate").exists()


def test_the_security_page_in_russian(coordinator: Any) -> None:
    codes = enrol(coordinator)
    verify(coordinator, codes[0])
    client = client_for(coordinator)
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    html = client.get("/account/security/").content.decode()
    assert "Безопасность входа" in html and "Осталось 9 кодов восстановления." in html
