"""Coordinators hear at once, and once, that a household has become emergency priority."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.core.management import call_command
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.alerts.emergency import Step, episode_start
from haven.alerts.models import AlertSent
from haven.assessment.actions import assessment_override, assessments_run, household_assess
from tests.support.alerts import SENSITIVE, TODAY, bodies_to, set_us_record

JUSTIFICATION = "The family's lawyer confirmed the situation by phone today."


def removal_in(household: Any, by: Any, days: int) -> None:
    set_us_record(household.principal, by, removal_scheduled_date=TODAY + dt.timedelta(days=days))


def assess(household: Any, by: Any, capture: Any) -> Any:
    with capture(execute=True):
        return household_assess(actor=Actor.for_user(by), household=household, today=TODAY)


def override(household: Any, by: Any, level: str, capture: Any) -> None:
    """A reviewer's urgency override (``""`` withdraws it), with its deferred alert run."""
    with capture(execute=True):
        assessment_override(
            actor=Actor.for_user(by),
            household=household,
            dimension="urgency",
            level=level,
            justification=JUSTIFICATION,
        )


def test_the_episode_starts_where_emergency_begins_and_overrides_win() -> None:
    t = [timezone.now() + dt.timedelta(minutes=i) for i in range(6)]
    assert episode_start([Step(t[0], "a", 1, "urgent")]) is None
    assert episode_start([Step(t[0], "a", 1, "urgent"), Step(t[1], "a", 2, "emergency")]) == "a2"
    staying = [Step(t[0], "a", 1, "emergency"), Step(t[1], "a", 2, "emergency")]
    assert episode_start(staying) == "a1"
    overridden = [*staying, Step(t[2], "o", 7, "urgent")]
    assert episode_start(overridden) is None
    assert episode_start([*overridden, Step(t[3], "o", 8, "")]) == "o8"  # withdrawn: emergency again
    assert episode_start([Step(t[0], "a", 1, "normal"), Step(t[1], "o", 3, "emergency")]) == "o3"


def test_coordinators_are_told_once_when_a_household_becomes_emergency(
    household_a: Any,
    caseworker_a: Any,
    coordinator: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    removal_in(household_a, caseworker_a, 30)
    assert assess(household_a, caseworker_a, django_capture_on_commit_callbacks).urgency_level == "urgent"
    assert mailoutbox == []

    removal_in(household_a, caseworker_a, 5)
    assert assess(household_a, caseworker_a, django_capture_on_commit_callbacks).urgency_level == "emergency"
    [body] = bodies_to(mailoutbox, coordinator)
    assert household_a.reference in body and "emergency priority" in body
    assert "экстренн" in body.lower()  # and in Russian
    for secret in SENSITIVE:
        assert secret not in body

    removal_in(household_a, caseworker_a, 4)  # reassessed, still an emergency: nothing new
    assert assess(household_a, caseworker_a, django_capture_on_commit_callbacks).urgency_level == "emergency"
    assert len(mailoutbox) == 1
    assert AlertSent.objects.filter(kind="emergency", recipient=coordinator).count() == 1


def test_caseworkers_are_not_sent_the_coordinators_alert(
    household_a: Any,
    caseworker_a: Any,
    coordinator: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    removal_in(household_a, caseworker_a, 3)
    assess(household_a, caseworker_a, django_capture_on_commit_callbacks)
    assert [m.to for m in mailoutbox] == [[coordinator.email]]


def test_an_override_into_emergency_alerts_and_leaving_and_coming_back_alerts_again(
    household_a: Any,
    caseworker_a: Any,
    reviewer_a: Any,
    coordinator: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    removal_in(household_a, caseworker_a, 30)
    assess(household_a, caseworker_a, django_capture_on_commit_callbacks)

    override(household_a, reviewer_a, "emergency", django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    override(household_a, reviewer_a, "urgent", django_capture_on_commit_callbacks)
    override(household_a, reviewer_a, "emergency", django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 2
    assert all(household_a.reference in m.body for m in mailoutbox)


def test_a_batch_reassessment_alerts_the_households_it_moves_into_emergency(
    household_a: Any,
    household_b: Any,
    caseworker_a: Any,
    caseworker_b: Any,
    coordinator: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    removal_in(household_a, caseworker_a, 2)
    removal_in(household_b, caseworker_b, 40)
    with django_capture_on_commit_callbacks(execute=True):
        assessments_run(actor=Actor.system(), today=TODAY)
    [message] = mailoutbox
    assert household_a.reference in message.body and household_b.reference not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assessments_run(actor=Actor.system(), today=TODAY + dt.timedelta(days=1))  # still emergency
    assert len(mailoutbox) == 1


def test_send_alerts_catches_an_emergency_that_was_not_announced(
    household_a: Any, caseworker_a: Any, coordinator: Any, mailoutbox: list[Any]
) -> None:
    removal_in(household_a, caseworker_a, 3)
    # Assessed without the deferred alert running (as when the mail server was down).
    household_assess(actor=Actor.for_user(caseworker_a), household=household_a, today=TODAY)
    assert mailoutbox == []

    out = io.StringIO()
    call_command("send-alerts", "--today", TODAY.isoformat(), stdout=out, stderr=io.StringIO())
    emergency = [m for m in mailoutbox if m.to == [coordinator.email]]
    assert len(emergency) == 1 and household_a.reference in emergency[0].body
    assert "Sent emergency alerts for 1 households in 1 emails." in out.getvalue()

    call_command("send-alerts", "--today", TODAY.isoformat(), stdout=io.StringIO(), stderr=io.StringIO())
    assert len([m for m in mailoutbox if m.to == [coordinator.email]]) == 1


def test_withdrawing_an_override_that_held_off_an_emergency_alerts_at_once(
    household_a: Any,
    caseworker_a: Any,
    reviewer_a: Any,
    coordinator: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    removal_in(household_a, caseworker_a, 3)
    assess(household_a, caseworker_a, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1

    # the reviewer holds it off: no alert for leaving emergency
    override(household_a, reviewer_a, "urgent", django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1
    # withdrawn: the computed emergency is in force again
    override(household_a, reviewer_a, "", django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 2
