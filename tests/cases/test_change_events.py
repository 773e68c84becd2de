"""Change events: published by the case actions, delivered to the apps that follow up once the change
commits, never when it rolls back; a failing follow-up is logged and does not stop the others."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction

from haven import events
from haven.accounts.actor import Actor
from haven.assessment.reassess_on_change import reassess
from haven.cases.actions import event_add, person_update
from haven.registries.screening import rescreen

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Probe:
    n: int


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    monkeypatch.setattr(events, "_subscribers", {})
    got: list[Any] = []
    events.subscribe(Probe, got.append)
    return got


def test_an_event_reaches_its_subscribers_after_the_commit(
    heard: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            events.publish_on_commit(Probe(1))
        assert heard == []
    assert heard == [Probe(1)]


def test_an_event_of_a_change_rolled_back_reaches_no_one(
    heard: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            events.publish_on_commit(Probe(1))
            raise RuntimeError("the change fails")
    assert callbacks == [] and heard == []


def test_a_failing_subscriber_is_logged_and_the_others_still_hear(
    heard: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: Probe) -> None:
        raise ValueError("mail server down")

    events.subscribe(Probe, broken)
    events.subscribe(Probe, broken)  # once only
    after: list[Any] = []
    events.subscribe(Probe, after.append)
    events.deliver(Probe(2))
    assert heard == [Probe(2)] and after == [Probe(2)]
    assert [r.message for r in caplog.records] == ["following up on Probe failed in " + broken.__qualname__]


def test_the_apps_subscribe_to_what_the_case_actions_publish() -> None:
    assert reassess in events.subscribers(events.HouseholdChanged)
    assert rescreen in events.subscribers(events.PersonNamesChanged)
    assert [f.__name__ for f in events.subscribers(events.EmergencyMayHaveStarted)] == ["emergency_followup"]
    assert [f.__name__ for f in events.subscribers(events.RegistryListedAnew)] == ["watch_followup"]


def test_case_actions_announce_the_household_and_the_renamed_person(
    household_a: Any,
    caseworker_a: Any,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    monkeypatch.setattr(events, "_subscribers", {})
    got: list[Any] = []
    events.subscribe(events.HouseholdChanged, got.append)
    events.subscribe(events.PersonNamesChanged, got.append)
    actor = Actor.for_user(caseworker_a)
    with django_capture_on_commit_callbacks(execute=True):
        person_update(actor=actor, person=household_a.principal, fields={"surname_latin": "Solonina"})
    principal = household_a.principal
    assert set(got) == {
        events.HouseholdChanged(household_id=household_a.pk, actor=actor),
        events.PersonNamesChanged(person_ids=(principal.pk,), actor=actor),
    }
    got.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_add(
            actor=actor, household=household_a, fields={"date": "2026-01-01", "kind": "note", "note": "x"}
        )
    assert got == [events.HouseholdChanged(household_id=household_a.pk, actor=actor)]
