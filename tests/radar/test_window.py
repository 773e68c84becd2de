"""The window of days: 30 by default, 1 to 365 accepted, anything else explained rather than failing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.personas import client_for
from tests.support.radar import ahead, event, record


@pytest.fixture
def dated(household_a: Any, caseworker_a: Any) -> Any:
    for days in (1, 30, 31, 200, 365, 366):
        event(caseworker_a, household_a, "other", ahead(days))
    return client_for(caseworker_a)


def _days_left(response: Any) -> list[int]:
    return [row.days_left for row in response.context["rows"]]


def test_the_default_window_is_30_days_inclusive(dated: Any) -> None:
    response = dated.get("/radar/")
    assert response.context["days"] == 30
    assert _days_left(response) == [1, 30]


@pytest.mark.parametrize(("days", "seen"), [("1", [1]), ("31", [1, 30, 31]), ("365", [1, 30, 31, 200, 365])])
def test_a_window_from_1_to_365_days(dated: Any, days: str, seen: list[int]) -> None:
    response = dated.get("/radar/", {"days": days})
    assert response.status_code == 200
    assert _days_left(response) == seen
    assert "That window cannot be used" not in response.content.decode()


@pytest.mark.parametrize("days", ["0", "-5", "366", "100000", "abc", "7.5", "3e2", "1 0"])
def test_a_bad_window_is_explained_and_the_default_shown(dated: Any, days: str) -> None:
    response = dated.get("/radar/", {"days": days})
    assert response.status_code == 200
    page = response.content.decode()
    assert "That window cannot be used: enter a whole number of days from 1 to 365." in page
    assert 'role="alert"' in page
    assert _days_left(response) == [1, 30]


def test_a_bad_page_number_shows_a_page(dated: Any) -> None:
    assert dated.get("/radar/", {"page": "zzz"}).status_code == 200
    assert dated.get("/radar/", {"page": "999"}).status_code == 200


def test_a_past_date_is_not_a_deadline(household_a: Any, caseworker_a: Any) -> None:
    record(caseworker_a, household_a.principal, removal_scheduled_date=ahead(-1))
    assert _days_left(client_for(caseworker_a).get("/radar/")) == []


def test_the_window_in_use_is_shown_in_its_field(dated: Any) -> None:
    assert 'name="days" value="30"' in dated.get("/radar/").content.decode()
    assert 'name="days" value="90"' in dated.get("/radar/", {"days": "90"}).content.decode()
