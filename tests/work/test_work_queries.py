"""A home page costs the same number of queries whatever the work waiting: each section is counted and
its first items read with their people and households in a fixed number of queries."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.families import count
from tests.support.personas import client_for
from tests.support.referral import approved_run, batch_for
from tests.support.registries import registry_objects
from tests.support.work import busy_household

HOME_QUERIES = 21  # measured: 21 for a caseworker (five sections, each a count and its first items), 14 for
# a reviewer and the coordinator


@pytest.mark.parametrize("persona", ["caseworker_a", "reviewer_a", "coordinator"])
def test_the_home_page_costs_the_same_for_one_item_or_many(
    request: Any, persona: str, org_a: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any, liaison: Any
) -> None:
    client = client_for(request.getfixturevalue(persona))
    first = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    registry_objects(first.principal)
    approved_run(coordinator, [first], approved=False)
    batch_for(coordinator, liaison, [first])
    few = count(client, "/")
    waiting_few = sum(s.count for s in client.get("/").context["sections"])
    for n in range(4):
        household = busy_household(org_a, caseworker_a, reviewer_a, f"Петрова{n}")
        approved_run(coordinator, [household], approved=False)
        batch_for(coordinator, liaison, [household])
    many = count(client, "/")
    assert many == few
    assert many <= HOME_QUERIES, many
    assert sum(s.count for s in client.get("/").context["sections"]) > waiting_few  # more work, same cost


def test_the_count_in_the_navigation_costs_other_pages_no_query(
    org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    household = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    client = client_for(caseworker_a)
    before = [count(client, url) for url in ("/cases/", f"/cases/{household.reference}/")]
    client.get("/")  # counts the work and keeps the total in the session
    assert 'class="count nav-count"' in client.get("/cases/").content.decode()
    assert [count(client, url) for url in ("/cases/", f"/cases/{household.reference}/")] == before
