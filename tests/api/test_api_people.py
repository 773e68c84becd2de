"""People over the API: added, read, changed and removed through the case actions, with the page's
checks, for exactly the people who may do so on the pages."""

from __future__ import annotations

from typing import Any

from haven.audit.models import AuditEntry
from haven.audit.record import audit_seal
from haven.cases.models import Person
from tests.support.api import locs

SPOUSE = {
    "relationship": "spouse",
    "surname_cyrillic": "Котов",
    "given_name_cyrillic": "Олег",
    "birth_date": "03.1985",
}


def test_a_family_member_is_added_through_the_case_action(
    api_as: Any, household_a: Any, household_b: Any, caseworker_a: Any
) -> None:
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}/people"
    response = client.post(path, SPOUSE)
    assert response.status_code == 201 and response.json()["birth_date"] == "1985-03"
    assert household_a.people.count() == 3
    assert AuditEntry.objects.filter(action="person.add", household_ref=household_a.reference).count() == 2
    assert client.post(f"/households/{household_b.reference}/people", SPOUSE).status_code == 404
    bad = client.post(path, {**SPOUSE, "sex": "Q", "birth_date": "31.02.1985"})
    assert locs(bad) == {("body", "person", "sex"), ("body", "person", "birth_date")}
    assert locs(client.post(path, {"relationship": "child"})) == {("body", "person")}  # no name at all
    assert locs(client.post(path, {**SPOUSE, "email": "not an address"})) == {("body", "person", "email")}
    assert household_a.people.count() == 3


def test_one_person_is_read_with_their_us_record(api_as: Any, household_a: Any, caseworker_a: Any) -> None:
    principal = household_a.principal
    response = api_as(caseworker_a).get(f"/households/{household_a.reference}/people/{principal.public_id}")
    assert response.status_code == 200
    person = response.json()
    assert person["surname_latin"] == "KOTOVA" and person["us_record"] is None and person["pregnancy"] is None
    audit_seal()
    assert AuditEntry.objects.filter(action="household.view", detail__page="api-v1:person").count() == 1


def test_a_change_keeps_what_was_left_out(api_as: Any, household_a: Any, caseworker_a: Any) -> None:
    principal = household_a.principal
    path = f"/households/{household_a.reference}/people/{principal.public_id}"
    response = api_as(caseworker_a).patch(path, {"given_name_latin": "YULIA", "pregnancy": True})
    assert response.status_code == 200, response.content
    principal.refresh_from_db()
    assert (principal.given_name_latin, principal.surname_cyrillic, principal.pregnancy) == (
        "YULIA",
        "Котова",
        True,
    )
    entry = AuditEntry.objects.get(action="person.update")
    assert entry.target == str(principal.public_id) and sorted(entry.detail["fields"]) == [
        "given_name_latin",
        "pregnancy",
    ]
    assert "YULIA" not in str(entry.detail)


def test_a_change_the_page_would_refuse_names_the_field(
    api_as: Any, household_a: Any, caseworker_a: Any
) -> None:
    child = household_a.people.get(relationship="child")
    path = f"/households/{household_a.reference}/people/{child.public_id}"
    client = api_as(caseworker_a)
    assert locs(client.patch(path, {"relationship": "principal"})) == {("body", "change", "relationship")}
    emptied = {"surname_cyrillic": "", "given_name_cyrillic": ""}
    assert locs(client.patch(path, emptied)) == {("body", "change")}
    assert locs(client.patch(path, {"surname_cyrillic": None})) == {("body", "change", "surname_cyrillic")}
    assert not AuditEntry.objects.filter(action="person.update").exists()


def test_a_family_member_is_removed_but_not_the_principal(
    api_as: Any, household_a: Any, caseworker_a: Any
) -> None:
    client = api_as(caseworker_a)
    child = household_a.people.get(relationship="child")
    base = f"/households/{household_a.reference}/people"
    refused = client.delete(f"{base}/{household_a.principal.public_id}")
    assert refused.status_code == 400 and "principal" in refused.json()["detail"]
    assert client.delete(f"{base}/{child.public_id}").status_code == 204
    assert not Person.objects.filter(pk=child.pk).exists()
    assert AuditEntry.objects.get(action="person.delete").target == str(child.public_id)
    assert client.delete(f"{base}/{child.public_id}").status_code == 404


def test_other_organisations_people_are_not_found_and_a_liaison_is_refused(
    api_as: Any, household_a: Any, household_b: Any, caseworker_a: Any, caseworker_b: Any, liaison: Any
) -> None:
    child = household_a.people.get(relationship="child")
    path = f"/households/{household_a.reference}/people/{child.public_id}"
    outsider = api_as(caseworker_b)
    assert [outsider.get(path).status_code, outsider.patch(path, {"sex": "M"}).status_code] == [404, 404]
    assert outsider.delete(path).status_code == 404
    # A person of another household is not found through a household the caller may see.
    theirs = household_b.principal.public_id
    assert api_as(caseworker_a).get(f"/households/{household_a.reference}/people/{theirs}").status_code == 404
    assert api_as(liaison).delete(path).status_code == 403
    assert Person.objects.filter(pk=child.pk).exists()
