"""Refused access is in the audit trail, without flooding it: another organisation's household asked for
(a 404 on the pages and in the API, as if it did not exist) and a refused web capture are recorded, one
entry per actor, kind and minute; asking for a household that does not exist records nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.audit.models import AuditEntry
from haven.errors import NotAllowed
from haven.evidence.capture import CaptureError, capture_url
from tests.support.personas import client_for

FIELDS = {"description": "A post", "activity_date": "2022-02-24"}


@pytest.fixture(autouse=True)
def _fresh_minute(db: Any) -> None:
    cache.clear()


def refusals() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="access.refused").order_by("seq"))


def test_another_organisations_household_is_a_404_and_one_audit_entry_a_minute(
    caseworker_b: Any, household_a: Any
) -> None:
    client = client_for(caseworker_b)
    for _ in range(5):
        assert client.get(f"/cases/{household_a.reference}/", REMOTE_ADDR="203.0.113.7").status_code == 404
    (entry,) = refusals()
    assert entry.actor == caseworker_b and entry.ip == "203.0.113.7"
    assert entry.household_ref == household_a.reference and entry.detail == {"kind": "household"}
    assert client.get("/cases/H-DOESNOTEXIST/").status_code == 404
    assert len(refusals()) == 1  # nothing to protect, nothing recorded


def test_the_api_refusal_is_recorded_too(caseworker_b: Any, household_a: Any) -> None:
    _, secret = token_create(actor=Actor.for_user(caseworker_b), name="probe")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get(f"/api/v1/households/{household_a.reference}").status_code == 404
    (entry,) = refusals()
    assert entry.actor == caseworker_b and entry.household_ref == household_a.reference


def test_a_new_minute_records_again(caseworker_b: Any, household_a: Any) -> None:
    client = client_for(caseworker_b)
    client.get(f"/cases/{household_a.reference}/")
    cache.clear()  # as when the minute turns
    client.get(f"/cases/{household_a.reference}/")
    assert len(refusals()) == 2


def test_refused_captures_are_recorded_without_the_url(
    caseworker_a: Any, caseworker_b: Any, household_a: Any, settings: Any
) -> None:
    settings.HAVEN_CAPTURE_ALLOW_PRIVATE = False
    person = household_a.people.get(relationship="principal")
    with pytest.raises(NotAllowed):
        capture_url(
            actor=Actor.for_user(caseworker_b), person=person, url="http://example.org/", fields=FIELDS
        )
    for _ in range(3):
        with pytest.raises(CaptureError):
            capture_url(
                actor=Actor.for_user(caseworker_a),
                person=person,
                url="http://169.254.169.254/x",
                fields=FIELDS,
            )
    entries = refusals()
    assert [(e.actor, e.detail) for e in entries] == [
        (caseworker_b, {"kind": "capture", "reason": "not_allowed"}),
        (caseworker_a, {"kind": "capture", "reason": "private_address"}),
    ]
    assert not any("169.254" in repr((e.target, e.detail)) for e in entries)
