"""The coordinator's selection page and a run's page cost the same queries with a family of eight as with
a household of one, and stay within issue 14's target of 15."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.families import count, family, within_target
from tests.support.personas import client_for
from tests.support.referral import approved_run


def test_the_selection_pages_cost_the_same_with_a_larger_family(
    coordinator: Any, org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    client = client_for(coordinator)
    alone = family(org_a, caseworker_a, reviewer_a, people=1, name="Одинокова")
    few = count(client, "/selection/")
    small_run = approved_run(coordinator, [alone])
    few_run = count(client, f"/selection/runs/{small_run.public_id}/")
    eight = family(org_a, caseworker_a, reviewer_a, people=8, name="Многодетова")
    assert count(client, "/selection/") == few
    large_run = approved_run(coordinator, [eight, alone])
    assert count(client, f"/selection/runs/{large_run.public_id}/") == few_run


@pytest.mark.django_db(transaction=True)
def test_the_selection_page_is_within_the_target(
    coordinator: Any, org_a: Any, caseworker_a: Any, reviewer_a: Any, django_assert_max_num_queries: Any
) -> None:
    eight = family(org_a, caseworker_a, reviewer_a, people=8)
    client = client_for(coordinator)
    within_target(client, "/selection/", django_assert_max_num_queries)
    run = approved_run(coordinator, [eight])
    within_target(client, f"/selection/runs/{run.public_id}/", django_assert_max_num_queries)
