"""Who may open each caseload page: the household's organisation and the coordinator, nobody else.

Another organisation's caseworker gets 404 for its household and everything inside it (the household's
existence is not revealed); a liaison gets 403 everywhere; anonymous visitors are sent to log in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from haven.accounts.actor import Actor
from haven.cases.actions import canada_permit_save, canada_relative_save, event_add
from tests.support.cases import audit_actions, in_days, principal
from tests.support.personas import client_for


@pytest.fixture
def ties(caseworker_a: Any, household_a: Any) -> dict[str, Any]:
    """household_a with one of everything, so every page has something to open."""
    actor = Actor.for_user(caseworker_a)
    person = principal(household_a)
    return {
        "ref": household_a.reference,
        "person": person.public_id,
        "relative": canada_relative_save(
            actor=actor, person=person, fields={"relationship": "sibling", "canadian_status": "citizen"}
        ).public_id,
        "permit": canada_permit_save(actor=actor, person=person, fields={"kind": "trp"}).public_id,
        "event": event_add(
            actor=actor, household=household_a, fields={"date": in_days(0), "kind": "other"}
        ).public_id,
    }


HOUSEHOLD_PAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "detail": lambda t: f"/cases/{t['ref']}/",
    "edit": lambda t: f"/cases/{t['ref']}/edit/",
    "status": lambda t: f"/cases/{t['ref']}/status/",
    "person_new": lambda t: f"/cases/{t['ref']}/people/new/",
    "person_edit": lambda t: f"/cases/{t['ref']}/people/{t['person']}/edit/",
    "person_remove": lambda t: f"/cases/{t['ref']}/people/{t['person']}/remove/",
    "us_record": lambda t: f"/cases/{t['ref']}/people/{t['person']}/us-record/",
    "relative_new": lambda t: f"/cases/{t['ref']}/people/{t['person']}/relatives/new/",
    "permit_new": lambda t: f"/cases/{t['ref']}/people/{t['person']}/permits/new/",
    "relative_edit": lambda t: f"/cases/{t['ref']}/relatives/{t['relative']}/edit/",
    "relative_remove": lambda t: f"/cases/{t['ref']}/relatives/{t['relative']}/remove/",
    "permit_edit": lambda t: f"/cases/{t['ref']}/permits/{t['permit']}/edit/",
    "permit_remove": lambda t: f"/cases/{t['ref']}/permits/{t['permit']}/remove/",
    "event_new": lambda t: f"/cases/{t['ref']}/events/new/",
    "event_withdraw": lambda t: f"/cases/{t['ref']}/events/{t['event']}/withdraw/",
}
GENERAL_PAGES = ["/cases/", "/cases/new/"]


@pytest.mark.parametrize("page", HOUSEHOLD_PAGES)
def test_household_pages(
    page: str,
    ties: dict[str, Any],
    caseworker_a: Any,
    reviewer_a: Any,
    caseworker_b: Any,
    coordinator: Any,
    liaison: Any,
    client: Any,
) -> None:
    url = HOUSEHOLD_PAGES[page](ties)
    assert client_for(caseworker_a).get(url).status_code == 200
    assert client_for(reviewer_a).get(url).status_code == 200
    assert client_for(coordinator).get(url).status_code == 200
    assert client_for(caseworker_b).get(url).status_code == 404
    assert client_for(liaison).get(url).status_code == 403
    if page != "detail":  # the household page itself takes no POST (405 for anyone)
        assert client_for(caseworker_b).post(url, {}).status_code == 404
        assert client_for(liaison).post(url, {}).status_code == 403
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/?next=")


@pytest.mark.parametrize("url", GENERAL_PAGES)
def test_general_pages(url: str, caseworker_b: Any, coordinator: Any, liaison: Any, client: Any) -> None:
    assert client_for(caseworker_b).get(url).status_code == 200
    assert client_for(coordinator).get(url).status_code == 200
    assert client_for(liaison).get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_refused_writes_change_nothing(caseworker_b: Any, ties: dict[str, Any], household_a: Any) -> None:
    before = audit_actions(household_a)
    client = client_for(caseworker_b)
    client.post(f"/cases/{ties['ref']}/status/", {"stage": "documenting"})
    client.post(f"/cases/{ties['ref']}/people/{ties['person']}/remove/")
    client.post(f"/cases/{ties['ref']}/edit/", {"notes": "mine now"})
    household_a.refresh_from_db()
    assert household_a.stage == "intake" and household_a.notes == "" and household_a.people.count() == 2
    # No change is recorded; the refusal is, once a minute (tests/security/test_refused_access_audited.py).
    assert audit_actions(household_a) == [*before, "access.refused"]


def test_unknown_references_and_ids_are_404(coordinator: Any, ties: dict[str, Any]) -> None:
    client = client_for(coordinator)
    assert client.get("/cases/H-0000000000/").status_code == 404
    unknown = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/cases/{ties['ref']}/people/{unknown}/edit/").status_code == 404
    assert client.get(f"/cases/{ties['ref']}/people/1/edit/").status_code == 404  # no sequential ids


def test_writes_need_post_and_a_csrf_token(caseworker_a: Any, ties: dict[str, Any], household_a: Any) -> None:
    careful = Client(enforce_csrf_checks=True)
    careful.cookies = client_for(caseworker_a).cookies  # the same signed-in session, without a CSRF token
    response = careful.post(f"/cases/{ties['ref']}/status/", {"stage": "documenting"})
    assert response.status_code == 403
    household_a.refresh_from_db()
    assert household_a.stage == "intake"
    assert careful.get(f"/cases/{ties['ref']}/").status_code == 200  # the session itself is good
    assert client_for(caseworker_a).put(f"/cases/{ties['ref']}/status/").status_code == 405


def test_the_liaison_lands_on_their_own_page(liaison: Any) -> None:
    response = client_for(liaison).get("/")
    assert response.status_code == 200
    assert "Nothing has been referred to you yet." in response.content.decode()
    assert "/cases/" not in response.content.decode()  # no caseload links in the navigation


def test_caseload_users_land_on_their_work_with_the_case_list_in_reach(caseworker_a: Any) -> None:
    response = client_for(caseworker_a).get("/")
    assert response.status_code == 200
    assert response.templates[0].name == "work/home.html"
    assert 'href="/cases/"' in response.content.decode()
