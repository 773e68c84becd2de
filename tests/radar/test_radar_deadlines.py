"""Deadlines read from records: hearings, removals and future events, only of the households given."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from haven.cases.models import Household, TimelineEvent, USRecord
from haven.radar.deadlines import deadlines_for
from haven_core.deadlines import Kind

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 24)


def test_hearings_removals_and_events_in_the_window_are_read(household_a: Any, household_b: Any) -> None:
    person = household_a.principal
    USRecord.objects.update_or_create(
        person=person,
        defaults={
            "household": household_a,
            "status": "final_order",
            "detained": True,
            "next_hearing_date": TODAY + dt.timedelta(days=40),
            "removal_scheduled_date": TODAY + dt.timedelta(days=9),
        },
    )
    TimelineEvent.objects.create(household=household_a, date=TODAY + dt.timedelta(days=3), kind="other")
    TimelineEvent.objects.create(household=household_a, date=TODAY - dt.timedelta(days=3), kind="other")
    other = household_b.principal
    USRecord.objects.update_or_create(
        person=other,
        defaults={"household": household_b, "status": "removal_proceedings", "next_hearing_date": TODAY},
    )
    mine = deadlines_for(Household.objects.filter(pk=household_a.pk), TODAY, 30)
    assert [(d.kind, d.days_left(TODAY)) for d in mine] == [(Kind.EVENT, 3), (Kind.REMOVAL, 9)]
    assert mine[1].detained and mine[1].person == str(person.public_id)
    assert len(deadlines_for(Household.objects.all(), TODAY, 60)) == 4
