"""Households over the API: opened and changed through the same forms and actions as the pages, for
the same people, with the same audit entries."""

from __future__ import annotations

from typing import Any

from haven.audit.models import AuditEntry
from haven.audit.record import audit_seal
from haven.cases.models import Household
from tests.support.api import locs

PRINCIPAL = {"surname_cyrillic": "Смирнов", "given_name_cyrillic": "Павел", "birth_date": "14.02.1979"}


def test_a_caseworker_opens_a_household_for_their_own_organisation(
    api_as: Any, caseworker_a: Any, org_b: Any
) -> None:
    client = api_as(caseworker_a)
    elsewhere = client.post("/households", {"organisation": org_b.slug, "principal": PRINCIPAL})
    assert locs(elsewhere) == {("body", "household", "organisation")} and not Household.objects.exists()
    response = client.post(
        "/households", {"organisation": "fra", "notes": "Из Калифорнии", "principal": PRINCIPAL}
    )
    assert response.status_code == 201, response.content
    opened = response.json()
    assert opened["organisation"] == "fra" and opened["stage"] == "intake" and opened["owner"] == "anna"
    [principal] = opened["people"]
    assert principal["relationship"] == "principal" and principal["birth_date"] == "1979-02-14"
    household = Household.objects.get(reference=opened["reference"])
    assert household.organisation.slug == "fra"
    entry = AuditEntry.objects.get(action="household.create")
    assert entry.household_ref == household.reference and entry.target == principal["id"]
    assert "Смирнов" not in str(entry.detail)


def test_the_coordinator_chooses_the_organisation_and_must_name_one(
    api_as: Any, coordinator: Any, org_b: Any
) -> None:
    client = api_as(coordinator)
    assert locs(client.post("/households", {"principal": PRINCIPAL})) == {
        ("body", "household", "organisation")
    }
    assert locs(client.post("/households", {"organisation": "nowhere", "principal": PRINCIPAL})) == {
        ("body", "household", "organisation")
    }
    response = client.post("/households", {"organisation": org_b.slug, "principal": PRINCIPAL})
    assert response.status_code == 201 and response.json()["organisation"] == org_b.slug


def test_a_principal_needs_a_name_and_a_birth_date_that_has_happened(api_as: Any, caseworker_a: Any) -> None:
    client = api_as(caseworker_a)
    assert locs(client.post("/households", {"principal": {"sex": "F"}})) == {
        ("body", "household", "principal")
    }
    future = client.post("/households", {"principal": {**PRINCIPAL, "birth_date": "2090"}})
    assert locs(future) == {("body", "household", "principal", "birth_date")}
    assert "future" in future.json()["detail"][0]["msg"]
    assert locs(client.post("/households", {"notes": "no principal"})) == {("body", "household", "principal")}
    assert not Household.objects.exists()


def test_owner_and_notes_change_through_the_household_action(
    api_as: Any, household_a: Any, caseworker_a: Any, reviewer_a: Any, caseworker_b: Any
) -> None:
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}"
    response = client.patch(path, {"owner": "rita", "notes": "Слушание в мае"})
    assert response.status_code == 200 and response.json()["owner"] == "rita"
    household_a.refresh_from_db()
    assert household_a.owner == reviewer_a and household_a.notes == "Слушание в мае"
    entry = AuditEntry.objects.get(action="household.update")
    assert entry.detail["fields"] == ["owner", "notes"] and "Слушание" not in str(entry.detail)
    # Someone of another organisation cannot own the case; nobody can.
    assert locs(client.patch(path, {"owner": caseworker_b.username})) == {("body", "change", "owner")}
    assert client.patch(path, {"owner": None}).json()["owner"] is None


def test_a_household_moves_only_to_a_stage_that_may_follow(
    api_as: Any, household_a: Any, caseworker_a: Any
) -> None:
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}"
    assert locs(client.patch(path, {"stage": "resettled"})) == {("body", "change", "stage")}
    assert locs(client.patch(path, {"stage": "closed"})) == {("body", "change", "reason")}
    assert locs(client.patch(path, {"stage": "nowhere"})) == {("body", "change", "stage")}
    moved = client.patch(path, {"stage": "documenting"})
    assert moved.status_code == 200 and moved.json()["stage"] == "documenting"
    entry = AuditEntry.objects.get(action="household.move")
    assert entry.detail == {"stage_from": "intake", "stage_to": "documenting"}
    assert household_a.events.filter(kind="status_changed").count() == 1


def test_other_organisations_households_are_not_found_and_a_liaison_is_refused(
    api_as: Any, household_a: Any, caseworker_b: Any, liaison: Any
) -> None:
    path = f"/households/{household_a.reference}"
    for client in (api_as(caseworker_b),):
        assert client.get(path).status_code == 404
        assert client.patch(path, {"notes": "x"}).status_code == 404
        assert client.get("/households/H-NOSUCHONE").json() == client.get(path).json()
    assert api_as(liaison).patch(path, {"notes": "x"}).status_code == 403
    assert api_as(liaison).post("/households", {"principal": PRINCIPAL}).status_code == 403
    household_a.refresh_from_db()
    assert household_a.notes == "" and not AuditEntry.objects.filter(action="household.update").exists()


def test_reading_a_household_is_recorded_as_a_view(api_as: Any, household_a: Any, caseworker_a: Any) -> None:
    api_as(caseworker_a).get(f"/households/{household_a.reference}")
    audit_seal()
    view = AuditEntry.objects.get(action="household.view")
    assert view.household_ref == household_a.reference and view.detail == {"page": "api-v1:household"}
