"""API tokens expire (90 days by default), read only unless made to write, need a session that passed the
second factor for the roles that must use one, and die with a changed or reset password: each audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from haven.accounts.actions import password_change, user_password_reset
from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.api.models import ApiToken
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange, NotAllowed
from tests.support.personas import PASSWORD, client_for

NEW = "a new long passphrase 2026"


def api(secret: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_token_expires_after_ninety_days_by_default(caseworker_a: Any, household_a: Any) -> None:
    token, secret = token_create(actor=Actor.for_user(caseworker_a), name="sync")
    assert dt.timedelta(days=89, hours=23) < token.expires_at - timezone.now() <= dt.timedelta(days=90)
    path = f"/api/v1/households/{household_a.reference}"
    assert api(secret).get(path).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert api(secret).get(path).status_code == 401
    entry = AuditEntry.objects.get(action="api_token.create")
    assert entry.detail == {"scope": "write", "days": 90}


def test_a_token_lasts_no_longer_than_the_setting(caseworker_a: Any, settings: Any) -> None:
    settings.HAVEN_API_TOKEN_DAYS = 30
    with pytest.raises(InvalidChange, match="from 1 to 30 days"):
        token_create(actor=Actor.for_user(caseworker_a), name="sync", days=365)
    token, _ = token_create(actor=Actor.for_user(caseworker_a), name="sync", days=7)
    assert token.expires_at - timezone.now() <= dt.timedelta(days=7)


def test_a_read_token_reads_and_cannot_write(caseworker_a: Any, household_a: Any) -> None:
    _, reader = token_create(actor=Actor.for_user(caseworker_a), name="dashboard", scope="read")
    _, writer = token_create(actor=Actor.for_user(caseworker_a), name="sync", scope="write")
    path = f"/api/v1/households/{household_a.reference}"
    assert api(reader).get(path).status_code == 200
    body = '{"notes": "changed by a script"}'
    refused = api(reader).patch(path, body, content_type="application/json")
    assert refused.status_code == 403 and "may only read" in refused.json()["detail"]
    household_a.refresh_from_db()
    assert household_a.notes != "changed by a script"
    assert api(writer).patch(path, body, content_type="application/json").status_code == 200
    household_a.refresh_from_db()
    assert household_a.notes == "changed by a script"


def test_the_page_makes_read_only_tokens_unless_asked(caseworker_a: Any) -> None:
    client_for(caseworker_a).post("/api/tokens/", {"name": "sync"})
    assert ApiToken.objects.get(user=caseworker_a).scope == "read"


def test_a_coordinators_token_needs_a_session_that_passed_the_second_factor(coordinator: Any) -> None:
    with pytest.raises(NotAllowed, match="second factor"):
        token_create(actor=Actor.for_user(coordinator), name="script")
    assert not ApiToken.objects.exists()
    client = client_for(coordinator)  # signed in with the second factor passed
    assert client.post("/api/tokens/", {"name": "script", "scope": "read", "days": "10"}).status_code == 200
    assert ApiToken.objects.filter(user=coordinator, scope="read").count() == 1


def test_changing_ones_password_revokes_every_token_audited(caseworker_a: Any, household_a: Any) -> None:
    secrets = [token_create(actor=Actor.for_user(caseworker_a), name=f"t{n}")[1] for n in range(2)]
    password_change(actor=Actor.for_user(caseworker_a), old_password=PASSWORD, new_password=NEW)
    path = f"/api/v1/households/{household_a.reference}"
    assert [api(secret).get(path).status_code for secret in secrets] == [401, 401]
    revoked = AuditEntry.objects.filter(action="api_token.revoke")
    assert revoked.count() == 2
    assert {e.detail["because"] for e in revoked} == {"user.password_change"}


def test_an_administrators_password_reset_revokes_the_users_tokens(
    administrator: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    token_create(actor=Actor.for_user(caseworker_a), name="mine")
    token_create(actor=Actor.for_user(caseworker_b), name="theirs")
    user_password_reset(
        actor=Actor.for_user(administrator), user=caseworker_a, new_password=NEW, reason="lost"
    )
    assert ApiToken.objects.get(user=caseworker_a).revoked_at is not None
    assert ApiToken.objects.get(user=caseworker_b).revoked_at is None
    entry = AuditEntry.objects.get(action="api_token.revoke")
    assert entry.actor == administrator and entry.detail == {"because": "user.password_reset"}
