"""Asking for anything of another organisation's household is refused as if it did not exist (404), and
the refusal is audited as a household's is: a person, a relative or permit, a timeline event, an
evidence item, a consent, a registry hit or a liaison's information request of organisation A, asked
for by organisation B's staff through one of B's own households or directly, gives one
``access.refused`` entry naming A's household and the kind of object; so does the coordinator's identity
link between A's person and another organisation's; asking for an object that does not exist records
nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.audit.models import AuditEntry
from haven.cases.actions import canada_permit_save, canada_relative_save, event_add
from haven.consent.actions import consent_record
from haven.evidence.actions import evidence_add
from haven.referral.actions import referral_decision_record
from tests.support.personas import client_for, make_user
from tests.support.referral import batch_for
from tests.support.registries import registry_objects


@pytest.fixture(autouse=True)
def _one_minute(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh minute that does not turn while the test asks (a slow machine would record twice)."""
    cache.clear()
    monkeypatch.setattr("haven.accounts.actions.refusals.time", SimpleNamespace(time=lambda: 1.8e9))


@pytest.fixture
def objects(
    caseworker_a: Any, household_a: Any, household_b: Any, coordinator: Any, liaison: Any
) -> dict[str, Any]:
    """One of everything in organisation A's household, and B's household to ask through."""
    actor = Actor.for_user(caseworker_a)
    person = household_a.principal
    registry = registry_objects(
        person
    )  # a hit on the person, and a link of theirs with another organisation's
    entry = batch_for(coordinator, liaison, [household_a]).entries.get()
    referral_decision_record(
        actor=Actor.for_user(liaison), entry=entry, decision="more_information", note="Повестка?"
    )
    return {
        "b": household_b.reference,
        "person": person.public_id,
        "relative": canada_relative_save(
            actor=actor, person=person, fields={"relationship": "sibling", "canadian_status": "citizen"}
        ).public_id,
        "permit": canada_permit_save(actor=actor, person=person, fields={"kind": "trp"}).public_id,
        "event": event_add(
            actor=actor, household=household_a, fields={"date": dt.date.today(), "kind": "other"}
        ).public_id,
        "item": evidence_add(
            actor=actor,
            person=person,
            fields={"kind": "social_post", "title": "Пост", "language": "ru"},
            data=b"a post",
            filename="post.txt",
        ).public_id,
        "consent": consent_record(
            actor=actor, household=household_a, person=person, officials=True, sponsors=False,
            given_on=dt.date.today(),
        ).public_id,
        **{key: registry[key] for key in ("hit", "link")},
        "request": entry.information_requests.get().public_id,
    }  # fmt: skip


# name → (the kind audited, method, URL, who asks: a caseworker or a reviewer of B, or B's API token)
ASKED: dict[str, tuple[str, str, str, str]] = {
    "person_edit": ("person", "get", "/cases/{b}/people/{person}/edit/", "caseworker"),
    "person_remove": ("person", "post", "/cases/{b}/people/{person}/remove/", "caseworker"),
    "us_record": ("person", "get", "/cases/{b}/people/{person}/us-record/", "caseworker"),
    "relative_edit": ("tie", "get", "/cases/{b}/relatives/{relative}/edit/", "caseworker"),
    "permit_remove": ("tie", "post", "/cases/{b}/permits/{permit}/remove/", "caseworker"),
    "event_withdraw": ("event", "get", "/cases/{b}/events/{event}/withdraw/", "caseworker"),
    "person_evidence": ("person", "get", "/cases/{b}/evidence/people/{person}/", "caseworker"),
    "evidence_item": ("evidence", "get", "/cases/{b}/evidence/{item}/", "caseworker"),
    "evidence_read": ("evidence", "post", "/cases/{b}/evidence/{item}/read/", "caseworker"),
    "consent_withdraw": ("consent", "post", "/cases/{b}/consent/{consent}/withdraw/", "caseworker"),
    "review_queue_item": ("evidence", "get", "/evidence/review/{item}/", "reviewer"),
    "registry_hit": ("hit", "get", "/registries/screening/{hit}/", "reviewer"),
    "api_person": ("person", "get", "/api/v1/households/{b}/people/{person}", "api"),
    "api_item": ("evidence", "get", "/api/v1/households/{b}/evidence/{item}", "api"),
    "request_answer": ("information_request", "post", "/referrals/requests/{request}/answer/", "caseworker"),
    "api_request": ("information_request", "get", "/api/v1/information-requests/{request}", "api"),
    # The coordinator's identity link of A's person with another organisation's: no one else sees both.
    "identity_link": ("link", "get", "/registries/duplicates/{link}/", "caseworker"),
    "identity_link_decide": ("link", "post", "/registries/duplicates/{link}/", "reviewer"),
}


def _client(who: str, caseworker_b: Any, org_b: Any) -> tuple[Client, Any]:
    if who == "reviewer":
        reviewer = make_user("rob", "reviewer", org_b)
        return client_for(reviewer), reviewer
    if who == "api":
        _, secret = token_create(actor=Actor.for_user(caseworker_b), name="probe")
        return Client(HTTP_AUTHORIZATION=f"Bearer {secret}"), caseworker_b
    return client_for(caseworker_b), caseworker_b


@pytest.mark.parametrize("name", ASKED)
def test_another_organisations_object_is_a_404_and_one_audit_entry_a_minute(
    name: str, objects: dict[str, Any], household_a: Any, caseworker_b: Any, org_b: Any
) -> None:
    kind, method, url, who = ASKED[name]
    client, user = _client(who, caseworker_b, org_b)
    ask = client.get if method == "get" else client.post
    for _ in range(3):
        assert ask(url.format(**objects), REMOTE_ADDR="203.0.113.9").status_code == 404
    (entry,) = AuditEntry.objects.filter(action="access.refused")
    assert (entry.actor, entry.ip) == (user, "203.0.113.9")
    assert (entry.household_ref, entry.detail) == (household_a.reference, {"kind": kind})
    cache.clear()  # a new minute
    nothing = {key: value if key == "b" else uuid.uuid4() for key, value in objects.items()}
    assert ask(url.format(**nothing)).status_code == 404
    assert AuditEntry.objects.filter(action="access.refused").count() == 1  # nothing there, nothing recorded
