"""Who sees whose deadlines: a caseworker their organisation's, the coordinator everyone's, a liaison none."""

from __future__ import annotations

from typing import Any

from tests.support.personas import client_for
from tests.support.radar import ahead, record


def _dated(household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(5))
    record(caseworker_b, household_b.principal, removal_scheduled_date=ahead(6), detained=True)


def _references(response: Any) -> set[str]:
    return {row.household.reference for row in response.context["rows"]}


def test_a_caseworker_never_sees_another_organisations_deadlines(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    _dated(household_a, household_b, caseworker_a, caseworker_b)
    response = client_for(caseworker_b).get("/radar/")
    assert _references(response) == {household_b.reference}
    page = response.content.decode()
    assert household_a.reference not in page and "Котова" not in page
    assert response.context["chart"].total == 1


def test_the_coordinator_sees_every_organisation(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any, coordinator: Any
) -> None:
    _dated(household_a, household_b, caseworker_a, caseworker_b)
    response = client_for(coordinator).get("/radar/")
    assert _references(response) == {household_a.reference, household_b.reference}


def test_the_coordinator_can_narrow_to_one_organisation(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any, coordinator: Any
) -> None:
    _dated(household_a, household_b, caseworker_a, caseworker_b)
    response = client_for(coordinator).get("/radar/", {"organisation": household_b.organisation_id})
    assert _references(response) == {household_b.reference}


def test_a_caseworker_cannot_widen_their_scope_with_the_organisation_filter(
    household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    _dated(household_a, household_b, caseworker_a, caseworker_b)
    response = client_for(caseworker_b).get("/radar/", {"organisation": household_a.organisation_id})
    assert _references(response) == {household_b.reference}


def test_only_my_cases(household_a: Any, caseworker_a: Any, reviewer_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(5))
    assert _references(client_for(caseworker_a).get("/radar/", {"mine": "on"})) == {household_a.reference}
    assert _references(client_for(reviewer_a).get("/radar/", {"mine": "on"})) == set()
    assert _references(client_for(reviewer_a).get("/radar/")) == {household_a.reference}


def test_a_liaison_is_refused(liaison: Any, household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, next_hearing_date=ahead(5))
    assert client_for(liaison).get("/radar/").status_code == 403
