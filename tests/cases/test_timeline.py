"""A household's timeline: adding events, and how it reads, newest first (withdrawing them:
test_protected_history.py)."""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.cases.actions import event_add
from haven.cases.models import TimelineEvent
from tests.support.cases import audit_actions, detail_url, give_us_record, in_days, principal
from tests.support.personas import client_for


def test_adding_an_event_about_a_person(caseworker_a: Any, household_a: Any) -> None:
    yulia = principal(household_a)
    response = client_for(caseworker_a).post(
        f"/cases/{household_a.reference}/events/new/",
        {"date": "2023-03-14", "kind": "entered_us", "person": str(yulia.public_id), "note": "San Ysidro."},
    )
    assert response["Location"] == f"{detail_url(household_a)}#timeline"
    event = TimelineEvent.objects.get(household=household_a)
    assert (str(event.date), event.kind, event.person, event.note) == (
        "2023-03-14",
        "entered_us",
        yulia,
        "San Ysidro.",
    )
    assert event.created_by == caseworker_a
    assert audit_actions(household_a)[-1] == "event.add"


def test_the_person_list_holds_only_this_households_people(
    coordinator: Any, household_a: Any, household_b: Any
) -> None:
    client = client_for(coordinator)
    url = f"/cases/{household_a.reference}/events/new/"
    page = client.get(url).content.decode()
    assert str(principal(household_a).public_id) in page
    assert str(principal(household_b).public_id) not in page
    response = client.post(
        url, {"date": "2024-01-01", "kind": "other", "person": str(principal(household_b).public_id)}
    )
    assert list(response.context["form"].errors) == ["person"]
    assert not TimelineEvent.objects.exists()


def test_an_event_needs_a_date_and_a_kind(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(f"/cases/{household_a.reference}/events/new/", {"note": "x"})
    assert set(response.context["form"].errors) == {"date", "kind"}


def test_an_event_of_another_household_is_not_found_here(
    coordinator: Any, household_a: Any, household_b: Any
) -> None:
    event = event_add(
        actor=Actor.for_user(coordinator), household=household_b, fields={"date": in_days(0), "kind": "other"}
    )
    response = client_for(coordinator).post(
        f"/cases/{household_a.reference}/events/{event.public_id}/withdraw/", {"reason": "wrong family"}
    )
    assert response.status_code == 404
    event.refresh_from_db()
    assert not event.withdrawn


def test_the_timeline_reads_newest_first_with_today_between_past_and_ahead(
    caseworker_a: Any, household_a: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    for days, kind in ((-700, "entered_us"), (-30, "order_issued"), (-300, "asylum_filed")):
        event_add(actor=actor, household=household_a, fields={"date": in_days(days), "kind": kind})
    give_us_record(principal(household_a), next_hearing_date=in_days(12))
    html = client_for(caseworker_a).get(detail_url(household_a)).content.decode()
    timeline = html[html.index('id="timeline"') :]
    order = [
        timeline.index(text)
        for text in (
            "Hearing (US record)",
            'class="timeline-today"',
            "Removal order issued",
            "Asylum application filed",
            "Entered the United States",
        )
    ]
    assert order == sorted(order)
    assert "in 12 days" in timeline


def test_status_changes_read_as_stage_names(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    client.post(f"/cases/{household_a.reference}/status/", {"stage": "documenting"})
    timeline = client.get(detail_url(household_a)).content.decode().split('id="timeline"')[1]
    assert "Intake → Documenting" in timeline
