"""Searched names never appear in URLs: not in the address bar, history, access logs or Referer."""

from __future__ import annotations

from typing import Any

from tests.support.personas import client_for


def test_a_posted_search_redirects_to_a_url_with_a_token_only(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    response = client.post("/cases/", {"q": "Котова Юлия", "stage": "intake"})
    assert response.status_code == 302
    location = response["Location"]
    assert "s=" in location and "stage=intake" in location
    assert "Котова" not in location and "%D0" not in location and "q=" not in location
    page = client.get(location)
    assert [row.household.reference for row in page.context["rows"]] == [household_a.reference]
    assert 'value="Котова Юлия"' in page.content.decode()  # the box still shows what was searched


def test_a_name_typed_into_the_url_is_moved_out_of_it(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).get("/cases/", {"q": "Kotova"})
    assert response.status_code == 302
    assert "Kotova" not in response["Location"]


def test_a_token_means_nothing_in_another_session(caseworker_a: Any, household_a: Any) -> None:
    location = client_for(caseworker_a).post("/cases/", {"q": "Kotova"})["Location"]
    other = client_for(caseworker_a).get(location)
    assert "expired" in other.content.decode()
    assert other.context["form"].cleaned_data.get("q") in (None, "")


def test_links_on_the_household_page_carry_no_names(caseworker_a: Any, household_a: Any) -> None:
    import re

    html = client_for(caseworker_a).get(f"/cases/{household_a.reference}/").content.decode()
    hrefs = re.findall(r'(?:href|action)="([^"]*)"', html)
    assert hrefs
    for href in hrefs:
        assert not re.search(r"[А-Яа-я]|kotova|iuliia", href, re.IGNORECASE), href
