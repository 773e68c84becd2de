"""The radar reads in bulk: the number of queries for a page does not grow with its lines or warnings."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.accounts.actor import Actor
from haven.cases.actions import household_create
from tests.support.personas import client_for
from tests.support.radar import ahead, event, record


def _queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/radar/").status_code == 200
    return len(captured.captured_queries)


def _more_households(caseworker: Any, organisation: Any, count: int) -> None:
    for n in range(count):
        household = household_create(
            actor=Actor.for_user(caseworker),
            organisation=organisation,
            principal={"surname_latin": f"IVANOV{n}", "given_name_latin": "PETR"},
            different_person=True,  # namesakes on purpose: each is a different person
        )
        record(
            caseworker,
            household.principal,
            next_hearing_date=ahead(n + 1),
            status="final_order",
            detained=True,
        )
        event(caseworker, household, "other", ahead(n + 2), person=household.principal)


def test_the_queries_do_not_grow_with_the_page(household_a: Any, caseworker_a: Any) -> None:
    record(
        caseworker_a, household_a.principal, next_hearing_date=ahead(3), status="final_order", detained=True
    )
    client = client_for(caseworker_a)
    _queries(client)  # the first request of a session does its own bookkeeping
    few = _queries(client)
    _more_households(caseworker_a, household_a.organisation, 6)
    page = client.get("/radar/")
    assert len(page.context["rows"]) == 13 and page.context["warnings_total"] == 14
    assert _queries(client) == few
