"""The shared deadline reader: which records and events become deadlines, and who counts as detained."""

from __future__ import annotations

from typing import Any

from haven.cases.models import Household
from haven.radar.deadlines import deadlines_for
from haven_core.deadlines import Kind
from tests.support.radar import ahead, child_of, event, record, today


def test_an_event_is_detained_when_its_person_is(household_a: Any, caseworker_a: Any) -> None:
    principal, child = household_a.principal, child_of(household_a)
    record(caseworker_a, principal, detained=True, detention_facility="Otay Mesa")
    event(caseworker_a, household_a, "other", ahead(1), person=principal)
    event(caseworker_a, household_a, "other", ahead(2), person=child)  # no US record at all
    event(caseworker_a, household_a, "other", ahead(3))  # the whole household
    found = deadlines_for(Household.objects.all(), today(), 30)
    assert [(d.kind, d.person, d.detained) for d in found] == [
        (Kind.EVENT, str(principal.public_id), True),
        (Kind.EVENT, str(child.public_id), False),
        (Kind.EVENT, "", False),
    ]


def test_only_the_households_given_are_read(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(3), removal_scheduled_date=ahead(9))
    record(caseworker_b, household_b.principal, next_hearing_date=ahead(3))
    found = deadlines_for(Household.objects.filter(pk=household_a.pk), today(), 30)
    assert [(d.household, d.kind) for d in found] == [
        (household_a.reference, Kind.HEARING),
        (household_a.reference, Kind.REMOVAL),
    ]
