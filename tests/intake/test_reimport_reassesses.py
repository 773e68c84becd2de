"""A re-import is a change like any other: an assessed household whose file moves its removal date is
assessed again once the import commits, and its urgency rises; a household never assessed stays so, and
a re-import that changes nothing assesses nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.assessment.models import Assessment
from haven.audit.models import AuditEntry
from haven.cases.models import Household
from haven.intake.actions import cases_import
from haven.intake.choices import import_choices
from haven_core.intake import Table, validate

pytestmark = pytest.mark.django_db

HEADERS = [
    "Household ID",
    "Surname (Cyrillic)",
    "Given name (Cyrillic)",
    "US status",
    "Scheduled removal date",
]
URGENCY = ["normal", "urgent", "emergency"]


def caseload(removal_in_days: int) -> Table:
    removal = (timezone.localdate() + dt.timedelta(days=removal_in_days)).isoformat()
    return Table(
        HEADERS,
        [
            (2, ["R-1", "Туманова", "Екатерина", "final_order", removal]),
            (3, ["R-2", "Лебедев", "Артём", "final_order", removal]),
        ],
    )


def reimport(actor: Actor, organisation: Any, table: Table, capture: Any) -> None:
    with capture(execute=True):
        cases_import(actor=actor, organisation=organisation, report=validate(table, import_choices()))


def current(household: Household) -> Assessment | None:
    return Assessment.objects.filter(household=household, current=True).first()


def test_a_reimport_that_brings_a_removal_date_forward_reassesses_and_raises_urgency(
    org_a: Any, caseworker_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    reimport(actor, org_a, caseload(removal_in_days=300), django_capture_on_commit_callbacks)
    assessed, never = Household.objects.get(external_id="R-1"), Household.objects.get(external_id="R-2")
    with django_capture_on_commit_callbacks(execute=True):
        first = household_assess(actor=actor, household=assessed)

    reimport(actor, org_a, caseload(removal_in_days=3), django_capture_on_commit_callbacks)

    now = current(assessed)
    assert now is not None and now.pk != first.pk
    assert URGENCY.index(now.urgency_level) > URGENCY.index(first.urgency_level)
    assert now.urgency_level == "emergency" and now.computed_by == caseworker_a
    assert current(never) is None  # its first assessment stays a deliberate step


def test_a_reimport_that_changes_nothing_assesses_nothing(
    org_a: Any, caseworker_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    reimport(actor, org_a, caseload(removal_in_days=3), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        household_assess(actor=actor, household=Household.objects.get(external_id="R-1"))
    computed = AuditEntry.objects.filter(action="assessment.compute").count()
    reimport(actor, org_a, caseload(removal_in_days=3), django_capture_on_commit_callbacks)
    assert AuditEntry.objects.filter(action="assessment.compute").count() == computed
