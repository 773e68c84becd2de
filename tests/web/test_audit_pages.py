"""Coordinators read a household's audit trail in the interface; nobody else does."""

from __future__ import annotations

from typing import Any

from tests.conftest import client_for


def url(household: Any) -> str:
    return f"/audit/households/{household.reference}/"


def test_coordinator_reads_the_trail(coordinator: Any, household_a: Any) -> None:
    response = client_for(coordinator).get(url(household_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert "household.create" in html and "person.add" in html
    assert "anna" in html  # who did it


def test_caseworkers_and_liaison_cannot(
    caseworker_a: Any, caseworker_b: Any, liaison: Any, household_a: Any
) -> None:
    assert client_for(caseworker_a).get(url(household_a)).status_code == 403
    assert client_for(caseworker_b).get(url(household_a)).status_code == 403
    assert client_for(liaison).get(url(household_a)).status_code == 403


def test_unknown_household_is_404_for_coordinator(coordinator: Any, db: Any) -> None:
    assert client_for(coordinator).get("/audit/households/H-0000000000/").status_code == 404


def test_anonymous_is_sent_to_login(client: Any, household_a: Any) -> None:
    response = client.get(url(household_a))
    assert response.status_code == 302 and "/login/" in response["Location"]
