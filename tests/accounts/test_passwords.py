"""Passwords change only through Haven's audited actions: the user's own change on their security page,
and an administrator's reset for a user who lost theirs. The admin site's own password change is closed
(test_admin_front_door.py)."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actions import password_change, user_password_reset
from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange, NotAllowed
from tests.support.accounts import sign_in
from tests.support.personas import PASSWORD, client_for

NEW = "another long passphrase"


def test_a_user_changes_their_own_password_and_stays_signed_in(caseworker_a: Any) -> None:
    client, _ = sign_in("anna")
    form = {"old_password": PASSWORD, "password1": NEW, "password2": NEW}
    response = client.post("/account/security/password/", form)
    assert response.status_code == 302
    assert client.get("/cases/").status_code == 200
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(NEW)
    entry = AuditEntry.objects.get(action="user.password_change")
    assert entry.actor == caseworker_a and entry.detail == {}
    assert NEW not in repr(list(AuditEntry.objects.values()))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [("wrong password", NEW, "current password is not right"), (PASSWORD, "12345678", "too short")],
)
def test_a_wrong_current_password_or_a_weak_new_one_is_refused(
    caseworker_a: Any, old: str, new: str, message: str
) -> None:
    with pytest.raises(InvalidChange, match=message):
        password_change(actor=Actor.for_user(caseworker_a), old_password=old, new_password=new)
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action="user.password_change").exists()


def test_an_administrator_resets_a_lost_password(administrator: Any, caseworker_a: Any) -> None:
    old_client, _ = sign_in("anna")
    response = client_for(administrator).post(
        "/account/users/anna/password/", {"password1": NEW, "password2": NEW, "reason": "forgot it"}
    )
    assert response.status_code == 302
    assert old_client.get("/cases/").status_code == 302  # signed out everywhere
    assert sign_in("anna", password=NEW)[1].status_code == 302
    entry = AuditEntry.objects.get(action="user.password_reset")
    assert entry.actor == administrator and entry.detail["reason"] == "forgot it"
    assert entry.target == f"user:{caseworker_a.pk}"


@pytest.mark.parametrize("persona", ["caseworker_b", "coordinator"])
def test_only_an_administrator_resets_another_users_password(
    persona: str, request: Any, caseworker_a: Any
) -> None:
    with pytest.raises(NotAllowed):
        user_password_reset(
            actor=Actor.for_user(request.getfixturevalue(persona)),
            user=caseworker_a,
            new_password=NEW,
            reason="x",
        )
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(PASSWORD)


def test_a_reset_needs_a_reason(administrator: Any, caseworker_a: Any) -> None:
    with pytest.raises(InvalidChange):
        user_password_reset(
            actor=Actor.for_user(administrator), user=caseworker_a, new_password=NEW, reason=" "
        )


def test_the_password_page_in_russian(caseworker_a: Any) -> None:
    client = client_for(caseworker_a)
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    html = client.get("/account/security/password/").content.decode()
    assert "Сменить пароль" in html and "Текущий пароль" in html and "Новый пароль ещё раз" in html
