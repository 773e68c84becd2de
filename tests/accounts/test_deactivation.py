"""A deactivated user cannot sign in, loses the sessions they had, and their API tokens stop working."""

from __future__ import annotations

from typing import Any

from haven.accounts.actions import user_deactivate, user_reactivate
from haven.accounts.actor import Actor
from haven.api.actions import token_create
from tests.support.accounts import sign_in


def test_a_deactivated_user_cannot_sign_in(administrator: Any, caseworker_a: Any) -> None:
    user_deactivate(actor=Actor.for_user(administrator), user=caseworker_a, reason="left")
    client, response = sign_in("anna")
    assert response.status_code == 200  # the login form again, with an error
    assert "_auth_user_id" not in client.session
    assert client.get("/cases/").status_code == 302


def test_deactivation_ends_the_sessions_the_user_had(administrator: Any, caseworker_a: Any) -> None:
    client, response = sign_in("anna")
    assert response.status_code == 302 and client.get("/cases/").status_code == 200
    user_deactivate(actor=Actor.for_user(administrator), user=caseworker_a, reason="left")
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_a_deactivated_users_api_token_is_refused(administrator: Any, caseworker_a: Any, client: Any) -> None:
    _, secret = token_create(actor=Actor.for_user(caseworker_a), name="script")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/households", headers=headers).status_code == 200
    user_deactivate(actor=Actor.for_user(administrator), user=caseworker_a, reason="left")
    assert client.get("/api/v1/households", headers=headers).status_code == 401


def test_a_reactivated_user_signs_in_again(administrator: Any, caseworker_a: Any) -> None:
    actor = Actor.for_user(administrator)
    user_deactivate(actor=actor, user=caseworker_a)
    caseworker_a.refresh_from_db()
    user_reactivate(actor=actor, user=caseworker_a)
    _, response = sign_in("anna")
    assert response.status_code == 302
