"""The Users page in Haven's own UI: administrators only; every change made there goes through the
audited actions; English and Russian."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from haven.accounts.models import Membership, TOTPDevice
from haven.audit.models import AuditEntry
from tests.support.accounts import give_authenticator
from tests.support.personas import client_for

PAGES = ["/account/users/", "/account/users/new/", "/account/users/anna/"]


@pytest.mark.parametrize("persona", ["caseworker_a", "reviewer_a", "coordinator", "liaison"])
def test_only_administrators_reach_the_page(persona: str, request: Any, caseworker_a: Any) -> None:
    client = client_for(request.getfixturevalue(persona))
    for url in PAGES:
        assert client.get(url).status_code == 403, url
    response = client.post("/account/users/anna/role/", {"role": "coordinator", "organisation": ""})
    assert response.status_code == 403
    assert Membership.objects.get(user=caseworker_a).role == "caseworker"
    assert "/account/users/" not in client.get("/", follow=True).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client: Any, db: Any) -> None:
    response = client.get("/account/users/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_list_shows_role_organisation_second_factor_and_state(
    administrator: Any, caseworker_a: Any, coordinator: Any
) -> None:
    give_authenticator(coordinator)
    caseworker_a.is_active = False
    caseworker_a.save()
    html = client_for(administrator).get("/account/users/").content.decode()
    for text in ("anna", "Caseworker", "Free Russia Aid", "coco", "Coordinator", "deactivated", "on", "off"):
        assert text in html, text
    assert 'href="/account/users/"' in client_for(administrator).get("/", follow=True).content.decode()


def test_an_administrator_creates_a_user_on_the_page(administrator: Any, org_a: Any) -> None:
    form = {
        "username": "vera",
        "first_name": "Вера",
        "last_name": "Соколова",
        "email": "",
        "role": "reviewer",
        "organisation": org_a.pk,
        "password1": "a long passphrase for Haven",
        "password2": "a long passphrase for Haven",
    }
    response = client_for(administrator).post("/account/users/new/", form)
    assert response.status_code == 302 and response["Location"] == "/account/users/vera/"
    vera = get_user_model().objects.get(username="vera")
    assert vera.membership.role == "reviewer" and vera.membership.organisation == org_a
    assert AuditEntry.objects.filter(action="user.create", target=f"user:{vera.pk}").exists()


def test_a_refused_change_is_shown_on_the_page(administrator: Any, coordinator: Any) -> None:
    response = client_for(administrator).post(
        "/account/users/coco/role/", {"role": "caseworker", "organisation": ""}
    )
    assert response.status_code == 400
    assert "works for an organisation" in response.content.decode()
    assert Membership.objects.get(user=coordinator).role == "coordinator"


def test_deactivating_and_resetting_from_the_page(administrator: Any, coordinator: Any) -> None:
    give_authenticator(coordinator)
    client = client_for(administrator)
    assert client.post("/account/users/coco/active/", {"reason": "left"}).status_code == 302
    coordinator.refresh_from_db()
    assert not coordinator.is_active
    refused = client.post("/account/users/coco/second-factor/", {"reason": "lost phone"})
    assert refused.status_code == 400  # the confirmation box was not ticked
    assert TOTPDevice.objects.get(user=coordinator).confirmed_at is not None
    done = client.post("/account/users/coco/second-factor/", {"reason": "lost phone", "confirm": "on"})
    assert done.status_code == 302
    assert TOTPDevice.objects.get(user=coordinator).required
    assert AuditEntry.objects.get(action="user.second_factor_reset").detail["reason"] == "lost phone"


def test_the_page_in_russian(administrator: Any, caseworker_a: Any) -> None:
    client = client_for(administrator)
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    html = client.get("/account/users/").content.decode()
    assert "Пользователи" in html and "Второй фактор" in html
    detail = client.get("/account/users/anna/").content.decode()
    assert "Сбросить второй фактор" in detail and "Роль и организация" in detail


def test_the_account_page_shows_its_history(administrator: Any, caseworker_a: Any) -> None:
    client = client_for(administrator)
    client.post("/account/users/anna/role/", {"role": "coordinator", "organisation": ""})
    client.post("/account/users/anna/active/", {"reason": "on leave until March"})
    html = client.get("/account/users/anna/").content.decode()
    assert "user.role_change" in html and "caseworker → coordinator" in html and "fra → —" in html
    assert "user.deactivate" in html and "on leave until March" in html
    other = client.get("/account/users/ada/").content.decode()
    assert "on leave until March" not in other
