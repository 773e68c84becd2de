"""The case pages cost a bounded number of queries, the same for a household of one as for a family of eight
with records, ties in Canada, evidence, events and an assessment (issue 14: at most 15 per page)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.families import count, family, one_and_eight, within_target
from tests.support.personas import client_for, make_user
from tests.support.referral import ready_for_referral


@pytest.fixture
def households(org_a: Any, caseworker_a: Any) -> tuple[Any, Any]:
    return one_and_eight(org_a, caseworker_a, make_user("rita", "reviewer", org_a))


@pytest.mark.parametrize("persona", ["caseworker_a", "coordinator"])
def test_the_household_page_costs_the_same_whatever_its_size(
    request: Any, persona: str, households: tuple[Any, Any]
) -> None:
    client = client_for(request.getfixturevalue(persona))
    alone, eight = households
    assert count(client, f"/cases/{eight.reference}/") == count(client, f"/cases/{alone.reference}/")
    page = client.get(f"/cases/{eight.reference}/").content.decode()
    assert page.count("Ольга Котова") == 8 and "Многодетова Катя" in page  # everyone is still shown


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("persona", ["caseworker_a", "coordinator"])
def test_the_household_page_is_within_the_target(
    request: Any, persona: str, households: tuple[Any, Any], django_assert_max_num_queries: Any
) -> None:
    client = client_for(request.getfixturevalue(persona))
    within_target(client, f"/cases/{households[1].reference}/", django_assert_max_num_queries)


def test_a_search_costs_the_same_whatever_the_households_found(
    caseworker_a: Any, households: tuple[Any, Any]
) -> None:
    client = client_for(caseworker_a)
    alone = client.post("/cases/", {"q": "Одинокова"})["Location"]
    eight = client.post("/cases/", {"q": "Многодетова"})["Location"]
    assert count(client, alone) == count(client, eight)  # one row each: the list of a search
    assert [r.people_count for r in client.get(eight).context["rows"]] == [8]


@pytest.mark.django_db(transaction=True)
def test_the_case_list_and_a_search_are_within_the_target(
    caseworker_a: Any, households: tuple[Any, Any], django_assert_max_num_queries: Any
) -> None:
    client = client_for(caseworker_a)
    within_target(client, "/cases/", django_assert_max_num_queries)
    within_target(
        client, client.post("/cases/", {"q": "Многодетова"})["Location"], django_assert_max_num_queries
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("persona", ["caseworker_a", "coordinator"])
def test_the_page_of_a_household_that_can_be_referred_is_within_the_target(
    request: Any, persona: str, org_a: Any, caseworker_a: Any, django_assert_max_num_queries: Any
) -> None:
    # Referable: the summary strip checks it as the Selection page does (evidence, consent, assessment).
    reviewer = make_user("rita", "reviewer", org_a)
    household = ready_for_referral(family(org_a, caseworker_a, reviewer, people=8), caseworker_a, reviewer)
    client = client_for(request.getfixturevalue(persona))
    url = f"/cases/{household.reference}/"
    assert "Referable: assessed and not under referral." in client.get(url).content.decode()
    within_target(client, url, django_assert_max_num_queries)
