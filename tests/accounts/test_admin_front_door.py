"""Django's admin behind Haven's front door (issue 19's finding "the Django admin is a side door"):
its login is Haven's login with its lockout and second factor, the caseload is not there, and roles,
passwords and flags cannot be changed there."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin

from haven.accounts.models import Membership, Organisation
from haven.audit.models import AuditEntry
from haven.cases.models import Person
from tests.support.accounts import sign_in
from tests.support.cases import principal
from tests.support.personas import PASSWORD, client_for


def test_the_admin_login_no_longer_takes_a_password_past_the_lockout(
    administrator: Any, settings: Any
) -> None:
    for _ in range(settings.HAVEN_LOGIN_MAX_FAILURES):
        sign_in("ada", password="guess")
    client, _ = sign_in("ada", password="guess")
    response = client.post("/admin/login/?next=/admin/", {"username": "ada", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_admin_login_sends_to_havens_login_and_back(client: Any, db: Any) -> None:
    response = client.get("/admin/", follow=False)
    assert response["Location"].startswith("/admin/login/")
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"] == "/login/?next=/admin/"


def test_the_admin_needs_the_second_factor_passed(administrator: Any) -> None:
    client, response = sign_in("ada")  # the password only
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/account/2fa/verify/")
    assert client_for(administrator).get("/admin/").status_code == 200


def test_the_admin_is_for_administrators_only(coordinator: Any, caseworker_a: Any) -> None:
    for user in (coordinator, caseworker_a):
        client = client_for(user)
        assert client.get("/admin/login/?next=/admin/").status_code == 403
        assert client.get("/admin/accounts/membership/").status_code == 302


def test_a_person_cannot_be_read_in_the_admin(administrator: Any, household_a: Any) -> None:
    person = principal(household_a)
    client = client_for(administrator)
    response = client.get(f"/admin/cases/person/{person.pk}/change/")
    assert response.status_code == 404
    assert "Котова" not in response.content.decode()
    assert client.get("/admin/cases/").status_code == 404
    assert not admin.site.is_registered(Person)


def test_only_accounts_and_the_audit_trail_are_registered() -> None:
    registered = {f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry}
    assert registered == {"accounts.organisation", "accounts.membership", "auth.user", "audit.auditentry"}


def test_promoting_a_user_in_the_admin_is_impossible(administrator: Any, caseworker_a: Any) -> None:
    client = client_for(administrator)
    membership = Membership.objects.get(user=caseworker_a)
    response = client.post(
        f"/admin/accounts/membership/{membership.pk}/change/",
        {"user": caseworker_a.pk, "role": "coordinator", "organisation": ""},
    )
    assert response.status_code == 403
    response = client.post(
        f"/admin/auth/user/{caseworker_a.pk}/change/",
        {"username": "anna", "is_staff": "on", "is_superuser": "on", "is_active": "on"},
    )
    assert response.status_code == 403
    assert client.post("/admin/accounts/membership/add/", {"user": caseworker_a.pk}).status_code == 403
    new_password = {"password1": "x" * 20, "password2": "x" * 20, "usable_password": "true"}
    client.post(f"/admin/auth/user/{caseworker_a.pk}/password/", new_password, follow=True)
    assert client.get("/admin/password_change/").status_code == 404
    caseworker_a.refresh_from_db()
    assert Membership.objects.get(user=caseworker_a).role == "caseworker"
    assert not caseworker_a.is_staff and not caseworker_a.is_superuser
    assert caseworker_a.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action="user.role_change").exists()


def test_promoting_a_user_on_havens_page_is_audited(administrator: Any, caseworker_a: Any) -> None:
    response = client_for(administrator).post(
        "/account/users/anna/role/", {"role": "coordinator", "organisation": ""}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=caseworker_a).role == "coordinator"
    entry = AuditEntry.objects.get(action="user.role_change")
    assert entry.actor == administrator
    assert entry.detail["role"] == ["caseworker", "coordinator"]


@pytest.mark.parametrize("change", [False, True])
def test_organisations_saved_in_the_admin_are_audited(administrator: Any, org_a: Any, change: bool) -> None:
    client = client_for(administrator)
    if change:
        url, form = f"/admin/accounts/organisation/{org_a.pk}/change/", {"name": "Free Russia", "slug": "fra"}
    else:
        url, form = "/admin/accounts/organisation/add/", {"name": "Ark", "slug": "ark"}
    assert client.post(url, form).status_code == 302
    entry = AuditEntry.objects.get(action="organisation.update" if change else "organisation.create")
    assert entry.actor == administrator and entry.detail == {
        "fields": ["name"] if change else ["name", "slug"]
    }
    assert Organisation.objects.filter(name=form["name"]).exists()
    assert client.post(f"/admin/accounts/organisation/{org_a.pk}/delete/", {"post": "yes"}).status_code == 403
