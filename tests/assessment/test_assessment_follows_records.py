"""An assessed household is assessed again as soon as a change to its records commits, by whoever made
it: a removal date entered today raises its urgency, and the coordinators' emergency alert, at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.assessment.models import Assessment
from haven.audit.models import AuditEntry
from haven.cases.actions import event_add, us_record_save

pytestmark = pytest.mark.django_db


def removal_in(household: Any, by: Any, days: int) -> None:
    fields = {
        "status": "final_order",
        "removal_scheduled_date": timezone.localdate() + dt.timedelta(days=days),
    }
    us_record_save(actor=Actor.for_user(by), person=household.principal, fields=fields)


def test_a_removal_date_entered_on_an_assessed_household_reassesses_it_and_alerts_coordinators(
    household_a: Any,
    caseworker_a: Any,
    coordinator: Any,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    coordinator.email = "coordinator@example.org"
    coordinator.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        first = household_assess(actor=Actor.for_user(caseworker_a), household=household_a)
    assert first.urgency_level != "emergency"

    with django_capture_on_commit_callbacks(execute=True):
        removal_in(household_a, caseworker_a, 3)

    current = Assessment.objects.get(household=household_a, current=True)
    assert current.pk != first.pk and current.urgency_level == "emergency"
    assert current.computed_by == caseworker_a  # by the person who made the change
    assert [m.to for m in mailoutbox] == [["coordinator@example.org"]]


def test_a_change_that_moves_nothing_stores_nothing_new(
    household_a: Any, caseworker_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = household_assess(actor=Actor.for_user(caseworker_a), household=household_a)
    computations = AuditEntry.objects.filter(action="assessment.compute").count()
    with django_capture_on_commit_callbacks(execute=True):
        event_add(
            actor=Actor.for_user(caseworker_a),
            household=household_a,
            fields={"date": timezone.localdate() - dt.timedelta(days=400), "kind": "other"},
        )
    assert Assessment.objects.get(household=household_a, current=True).pk == first.pk
    assert AuditEntry.objects.filter(action="assessment.compute").count() == computations + 1


def test_a_household_never_assessed_is_left_for_a_deliberate_first_assessment(
    household_a: Any, caseworker_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        removal_in(household_a, caseworker_a, 3)
    assert not Assessment.objects.filter(household=household_a).exists()
    assert not AuditEntry.objects.filter(action="assessment.compute").exists()
