"""Recording a person's relatives in Canada and their Canadian visas or permits."""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.cases.actions import canada_permit_save, canada_relative_save
from haven.cases.models import CanadaPermit, CanadaRelative
from tests.support.cases import audit_actions, detail_url, in_days, principal
from tests.support.personas import client_for

SISTER = {"full_name": "Ольга Котова", "relationship": "sibling", "canadian_status": "permanent_resident"}


def person_url(household: Any, what: str) -> str:
    return f"/cases/{household.reference}/people/{principal(household).public_id}/{what}/new/"


def test_adding_a_relative(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(
        person_url(household_a, "relatives"), {**SISTER, "city": "Toronto"}
    )
    yulia = principal(household_a)
    assert response["Location"] == f"{detail_url(household_a)}#canada-{yulia.public_id}"
    relative = CanadaRelative.objects.get(person=yulia)
    assert (relative.full_name, relative.city, relative.canadian_status) == (
        "Ольга Котова",
        "Toronto",
        "permanent_resident",
    )
    assert audit_actions(household_a)[-1] == "canada_relative.save"


def test_a_relative_needs_a_relationship_and_status(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(person_url(household_a, "relatives"), {"full_name": "Ольга"})
    assert set(response.context["form"].errors) == {"relationship", "canadian_status"}
    assert not CanadaRelative.objects.exists()


def test_editing_and_removing_a_relative(caseworker_a: Any, household_a: Any) -> None:
    relative = canada_relative_save(
        actor=Actor.for_user(caseworker_a), person=principal(household_a), fields=SISTER
    )
    client = client_for(caseworker_a)
    edit = f"/cases/{household_a.reference}/relatives/{relative.public_id}/edit/"
    assert client.get(edit).context["form"].initial["full_name"] == "Ольга Котова"
    client.post(edit, {**SISTER, "canadian_status": "citizen"})
    relative.refresh_from_db()
    assert relative.canadian_status == "citizen"
    remove = f"/cases/{household_a.reference}/relatives/{relative.public_id}/remove/"
    assert client.get(remove).status_code == 200 and CanadaRelative.objects.exists()
    client.post(remove)
    assert not CanadaRelative.objects.exists()
    assert audit_actions(household_a)[-2:] == ["canada_relative.save", "canada_relative.delete"]


def test_adding_editing_and_removing_a_permit(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    client.post(
        person_url(household_a, "permits"),
        {"kind": "visitor_visa", "number": "V123456", "valid_until": in_days(200).isoformat()},
    )
    permit = CanadaPermit.objects.get(person=principal(household_a))
    assert (permit.kind, permit.number, permit.valid_until) == ("visitor_visa", "V123456", in_days(200))
    client.post(f"/cases/{household_a.reference}/permits/{permit.public_id}/edit/", {"kind": "work_permit"})
    permit.refresh_from_db()
    assert (permit.kind, permit.number, permit.valid_until) == ("work_permit", "", None)
    client.post(f"/cases/{household_a.reference}/permits/{permit.public_id}/remove/")
    assert not CanadaPermit.objects.exists()
    assert audit_actions(household_a)[-3:] == [
        "canada_permit.save",
        "canada_permit.save",
        "canada_permit.delete",
    ]


def test_ties_of_another_household_are_not_found_here(
    coordinator: Any, household_a: Any, household_b: Any
) -> None:
    actor = Actor.for_user(coordinator)
    dmitry = principal(household_b)
    relative = canada_relative_save(actor=actor, person=dmitry, fields=SISTER)
    permit = canada_permit_save(actor=actor, person=dmitry, fields={"kind": "trp"})
    client = client_for(coordinator)
    ref = household_a.reference
    assert client.get(f"/cases/{ref}/relatives/{relative.public_id}/edit/").status_code == 404
    assert client.post(f"/cases/{ref}/relatives/{relative.public_id}/remove/").status_code == 404
    assert client.post(f"/cases/{ref}/permits/{permit.public_id}/remove/").status_code == 404
    assert client.post(f"/cases/{ref}/people/{dmitry.public_id}/relatives/new/", SISTER).status_code == 404
    assert CanadaRelative.objects.count() == 1 and CanadaPermit.objects.count() == 1
