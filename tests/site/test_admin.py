"""The admin: what stays registered shows no sensitive value in its lists and is read-only where Haven's
actions own the writes; the caseload is not in the admin at all (tests/accounts/test_admin_front_door.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from haven.accounts.actor import Actor
from haven.accounts.models import Membership, Organisation
from haven.audit.models import AuditEntry
from haven.cases.actions import canada_permit_save, canada_relative_save, event_add
from haven.cases.models import CanadaPermit, CanadaRelative, Household, Person, TimelineEvent, USRecord
from haven.security.fields import SensitiveField
from tests.support.cases import give_us_record, in_days, principal
from tests.support.personas import client_for

MODELS = [Organisation, Membership, get_user_model(), AuditEntry]
READ_ONLY = [Membership, get_user_model(), AuditEntry]
CASELOAD = [Household, Person, USRecord, CanadaRelative, CanadaPermit, TimelineEvent]


@pytest.fixture
def superuser(db: Any) -> Any:
    return get_user_model().objects.create_superuser("root", password="x" * 16)


@pytest.fixture
def full_household(caseworker_a: Any, household_a: Any) -> Any:
    actor = Actor.for_user(caseworker_a)
    yulia = principal(household_a)
    give_us_record(yulia, a_number="A012345678", court="Varick")
    canada_relative_save(
        actor=actor,
        person=yulia,
        fields={"full_name": "Ольга Котова", "relationship": "sibling", "canadian_status": "citizen"},
    )
    canada_permit_save(actor=actor, person=yulia, fields={"kind": "trp", "number": "TRP-998877"})
    event_add(
        actor=actor,
        household=household_a,
        fields={"date": in_days(-1), "kind": "other", "note": "Secret note"},
    )
    return household_a


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_registered_without_sensitive_columns_in_the_list(model: Any) -> None:
    model_admin = admin.site._registry[model]
    for column in model_admin.list_display:
        if isinstance(column, str) and column != "__str__":
            field = next((f for f in model._meta.get_fields() if f.name == column), None)
            assert not isinstance(field, SensitiveField), f"{model.__name__}.{column} is sensitive"
    assert "__str__" not in model_admin.list_display or model in (Organisation, Membership)


@pytest.mark.parametrize("model", CASELOAD, ids=lambda m: m.__name__)
def test_the_caseload_is_not_in_the_admin(model: Any) -> None:
    assert not admin.site.is_registered(model)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_lists_show_no_sensitive_value(model: Any, superuser: Any, full_household: Any) -> None:
    url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    response = client_for(superuser).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for secret in (
        "Котова",
        "KOTOVA",
        "Юлия",
        "Котов",
        "012345678",
        "012-345-678",
        "TRP-998877",
        "Secret note",
    ):
        assert secret not in html, (url, secret)


@pytest.mark.parametrize("model", READ_ONLY, ids=lambda m: m.__name__)
def test_memberships_users_and_the_audit_trail_are_read_only_in_the_admin(model: Any, superuser: Any) -> None:
    request = type("Request", (), {"user": superuser})()
    model_admin = admin.site._registry[model]
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_administrators_see_the_admin_link_and_others_do_not(superuser: Any, caseworker_a: Any) -> None:
    assert "/admin/" in client_for(superuser).get("/cases/").content.decode()
    assert "/admin/" not in client_for(caseworker_a).get("/cases/").content.decode()
    assert client_for(caseworker_a).get("/admin/").status_code == 302  # to the admin's own login
