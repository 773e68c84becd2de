"""The referral pages (the coordinator's list, a liaison's batch and one household in it) cost the same
queries with a family of eight as with a household of one, and stay within issue 14's target of 15."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.families import count, family, within_target
from tests.support.personas import client_for, make_user
from tests.support.referral import batch_for


def _urls(batch: Any, household: Any) -> list[str]:
    return [
        "/referrals/",
        f"/referrals/{batch.public_id}/",
        f"/referrals/{batch.public_id}/households/{household.reference}/",
    ]


def test_the_referral_pages_cost_the_same_with_a_larger_family(
    coordinator: Any, liaison: Any, org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    alone = family(org_a, caseworker_a, reviewer_a, people=1, name="Одинокова")
    eight = family(org_a, caseworker_a, reviewer_a, people=8, name="Многодетова")
    small = batch_for(coordinator, liaison, [alone])
    client = client_for(liaison)
    few = [count(client, url) for url in _urls(small, alone)]
    large = batch_for(coordinator, make_user("lia2", "liaison", None), [eight])
    assert [count(client_for(large.recipient), url) for url in _urls(large, eight)] == few


@pytest.mark.django_db(transaction=True)
def test_the_referral_pages_are_within_the_target(
    coordinator: Any,
    liaison: Any,
    org_a: Any,
    caseworker_a: Any,
    reviewer_a: Any,
    django_assert_max_num_queries: Any,
) -> None:
    eight = family(org_a, caseworker_a, reviewer_a, people=8)
    batch = batch_for(coordinator, liaison, [eight])
    for url in _urls(batch, eight):
        within_target(client_for(liaison), url, django_assert_max_num_queries)
    within_target(client_for(coordinator), "/referrals/", django_assert_max_num_queries)
