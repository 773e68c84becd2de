"""The account actions: only a Haven administrator may use them, and each writes its audit entry."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from haven.accounts.actions import (
    user_change_role,
    user_create,
    user_deactivate,
    user_reactivate,
    user_second_factor_reset,
)
from haven.accounts.actor import Actor
from haven.accounts.models import Membership
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange, NotAllowed
from haven_core.roles import Role
from tests.support.accounts import sign_in
from tests.support.personas import PASSWORD

NEW_PASSWORD = "a long passphrase for Haven"
PERSONAS = ["caseworker_a", "reviewer_a", "coordinator", "liaison"]


def entry(action: str) -> AuditEntry:
    return AuditEntry.objects.filter(action=action).latest("seq")


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_one_but_an_administrator_may_manage_users(
    persona: str, request: Any, caseworker_b: Any, org_a: Any
) -> None:
    actor = Actor.for_user(request.getfixturevalue(persona))
    before = AuditEntry.objects.count()
    with pytest.raises(NotAllowed):
        user_create(
            actor=actor, username="new", password=NEW_PASSWORD, role=Role.CASEWORKER, organisation=org_a
        )
    with pytest.raises(NotAllowed):
        user_change_role(actor=actor, user=caseworker_b, role=Role.COORDINATOR, organisation=None)
    with pytest.raises(NotAllowed):
        user_deactivate(actor=actor, user=caseworker_b, reason="")
    with pytest.raises(NotAllowed):
        user_reactivate(actor=actor, user=caseworker_b)
    with pytest.raises(NotAllowed):
        user_second_factor_reset(actor=actor, user=caseworker_b, reason="lost phone")
    caseworker_b.refresh_from_db()
    assert caseworker_b.membership.role == "caseworker" and caseworker_b.is_active
    assert not get_user_model().objects.filter(username="new").exists()
    assert AuditEntry.objects.count() == before


def test_an_administrator_creates_a_user_with_role_and_organisation(administrator: Any, org_a: Any) -> None:
    actor = Actor.for_user(administrator, ip="203.0.113.5")
    user = user_create(
        actor=actor,
        username="vera",
        password=NEW_PASSWORD,
        role=Role.REVIEWER,
        organisation=org_a,
        first_name="Вера",
        email="vera@example.org",
    )
    assert user.check_password(NEW_PASSWORD)
    assert (user.membership.role, user.membership.organisation) == ("reviewer", org_a)
    assert not user.is_staff and not user.is_superuser
    created = entry("user.create")
    assert (created.actor, created.target, created.ip) == (administrator, f"user:{user.pk}", "203.0.113.5")
    assert created.organisation == org_a
    assert created.detail == {"username": "vera", "role": "reviewer", "organisation_slug": "fra"}


@pytest.mark.parametrize(
    ("username", "password", "role", "message"),
    [
        ("anna", NEW_PASSWORD, Role.COORDINATOR, "taken"),
        ("new", "short", Role.COORDINATOR, "too short"),
        ("new", NEW_PASSWORD, Role.REVIEWER, "organisation"),
    ],
)
def test_user_create_refuses_a_taken_name_a_weak_password_or_a_missing_organisation(
    administrator: Any, caseworker_a: Any, username: str, password: str, role: Role, message: str
) -> None:
    with pytest.raises(InvalidChange, match=message):
        user_create(actor=Actor.for_user(administrator), username=username, password=password, role=role)
    assert not AuditEntry.objects.filter(action="user.create").exists()


def test_promotion_is_audited_with_old_and_new_role_and_organisation(
    administrator: Any, caseworker_a: Any
) -> None:
    changes = user_change_role(
        actor=Actor.for_user(administrator), user=caseworker_a, role=Role.COORDINATOR, organisation=None
    )
    assert changes == {"role": ["caseworker", "coordinator"], "organisation": ["fra", ""]}
    membership = Membership.objects.get(user=caseworker_a)
    assert (membership.role, membership.organisation) == ("coordinator", None)
    change = entry("user.role_change")
    assert change.actor == administrator and change.target == f"user:{caseworker_a.pk}"
    assert change.detail == {"username": "anna", **changes}


def test_moving_a_caseworker_to_another_organisation(
    administrator: Any, caseworker_a: Any, org_b: Any
) -> None:
    changes = user_change_role(
        actor=Actor.for_user(administrator), user=caseworker_a, role=Role.CASEWORKER, organisation=org_b
    )
    assert changes == {"organisation": ["fra", "eld"]}
    assert Actor.for_user(get_user_model().objects.get(pk=caseworker_a.pk)).organisation == org_b
    assert entry("user.role_change").organisation == org_b


def test_no_change_writes_no_entry(administrator: Any, caseworker_a: Any, org_a: Any) -> None:
    before = AuditEntry.objects.count()
    actor = Actor.for_user(administrator)
    assert user_change_role(actor=actor, user=caseworker_a, role=Role.CASEWORKER, organisation=org_a) == {}
    assert AuditEntry.objects.count() == before


def test_a_caseworker_needs_an_organisation(administrator: Any, coordinator: Any) -> None:
    with pytest.raises(InvalidChange):
        user_change_role(
            actor=Actor.for_user(administrator), user=coordinator, role=Role.CASEWORKER, organisation=None
        )


def test_the_admin_site_flags_follow_the_administrator_role(administrator: Any, caseworker_a: Any) -> None:
    actor = Actor.for_user(administrator)
    user_change_role(actor=actor, user=caseworker_a, role=Role.ADMIN, organisation=None)
    caseworker_a.refresh_from_db()
    assert caseworker_a.is_staff and caseworker_a.is_superuser
    demoted = get_user_model().objects.get(pk=caseworker_a.pk)
    user_change_role(actor=actor, user=demoted, role=Role.LIAISON, organisation=None)
    demoted.refresh_from_db()
    assert not demoted.is_staff and not demoted.is_superuser


def test_haven_keeps_one_active_administrator(administrator: Any, caseworker_a: Any) -> None:
    actor = Actor.for_user(administrator)
    with pytest.raises(InvalidChange, match="at least one active administrator"):
        user_change_role(actor=actor, user=administrator, role=Role.COORDINATOR, organisation=None)
    with pytest.raises(InvalidChange):
        user_deactivate(actor=actor, user=administrator)
    user_change_role(actor=actor, user=caseworker_a, role=Role.ADMIN, organisation=None)
    administrator = get_user_model().objects.get(pk=administrator.pk)
    user_change_role(actor=actor, user=administrator, role=Role.COORDINATOR, organisation=None)
    assert Membership.objects.get(user=administrator).role == "coordinator"


def test_deactivation_and_reactivation_are_audited_with_the_reason(
    administrator: Any, caseworker_a: Any
) -> None:
    actor = Actor.for_user(administrator)
    user_deactivate(actor=actor, user=caseworker_a, reason="left the organisation")
    caseworker_a.refresh_from_db()
    assert not caseworker_a.is_active
    off = entry("user.deactivate")
    assert off.detail["reason"] == "left the organisation" and off.target == f"user:{caseworker_a.pk}"
    user_reactivate(actor=actor, user=caseworker_a, reason="back from leave")
    caseworker_a.refresh_from_db()
    assert caseworker_a.is_active and caseworker_a.check_password(PASSWORD)
    assert entry("user.reactivate").detail == {"username": "anna", "reason": "back from leave"}


def test_an_administrator_cannot_deactivate_themselves(administrator: Any, caseworker_a: Any) -> None:
    actor = Actor.for_user(administrator)
    user_change_role(actor=actor, user=caseworker_a, role=Role.ADMIN, organisation=None)
    with pytest.raises(InvalidChange, match="your own account"):
        user_deactivate(actor=actor, user=administrator)


def test_a_promotion_to_a_role_with_a_second_factor_asks_for_one_at_once(
    administrator: Any, caseworker_a: Any
) -> None:
    client, _ = sign_in("anna")  # a caseworker works without an authenticator
    assert client.get("/cases/").status_code == 200
    actor = Actor.for_user(administrator)
    user_change_role(actor=actor, user=caseworker_a, role=Role.COORDINATOR, organisation=None)
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/account/2fa/setup/")
