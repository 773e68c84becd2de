"""Duplicates at intake through the API: opening a household or adding a person whom Haven likely has
already is a 409 naming the likely matches (references and reasons, never another organisation's
names), unless the request says ``"different_person": true``."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create
from haven.cases.models import Household

TUMANOVA = {
    "surname_cyrillic": "Туманова",
    "given_name_cyrillic": "Екатерина",
    "patronymic_cyrillic": "Георгиевна",
    "sex": "F",
    "birth_date": "1987-06-13",
}
LATIN = {"surname_latin": "Tumanova", "given_name_latin": "Ekaterina", "birth_date": "1987-06-13"}


@pytest.fixture
def tumanova_a(caseworker_a: Any, org_a: Any) -> Household:
    return household_create(actor=Actor.for_user(caseworker_a), organisation=org_a, principal=TUMANOVA)


def test_opening_a_household_for_someone_haven_has_is_a_409_naming_the_match(
    api_as: Any, caseworker_a: Any, tumanova_a: Household
) -> None:
    response = api_as(caseworker_a).post("/households", {"principal": LATIN})
    assert response.status_code == 409, response.content
    [match] = response.json()["matches"]
    assert match["household"] == tumanova_a.reference and match["decision"] == "match"
    assert "birth date equal (1987-06-13)" in match["reasons"]
    assert tumanova_a.reference in response.json()["detail"]
    assert Household.objects.count() == 1


def test_different_person_true_opens_it_and_is_audited(
    api_as: Any, caseworker_a: Any, tumanova_a: Household
) -> None:
    response = api_as(caseworker_a).post("/households", {"principal": LATIN, "different_person": True})
    assert response.status_code == 201, response.content
    entry = AuditEntry.objects.get(action="household.duplicate_override")
    assert entry.household_ref == response.json()["reference"]


def test_adding_a_person_haven_has_is_a_409_until_said_different(
    api_as: Any, caseworker_a: Any, household_a: Household, tumanova_a: Household
) -> None:
    client = api_as(caseworker_a)
    path = f"/households/{household_a.reference}/people"
    refused = client.post(path, {**TUMANOVA, "relationship": "sibling"})
    assert refused.status_code == 409
    assert [m["household"] for m in refused.json()["matches"]] == [tumanova_a.reference]
    assert not household_a.people.filter(relationship="sibling").exists()
    added = client.post(path, {**TUMANOVA, "relationship": "sibling", "different_person": True})
    assert added.status_code == 201, added.content
    assert "different_person" not in added.json()


def test_a_caseworker_of_another_organisation_is_not_told(
    api_as: Any, caseworker_b: Any, tumanova_a: Household
) -> None:
    assert api_as(caseworker_b).post("/households", {"principal": TUMANOVA}).status_code == 201


def test_the_coordinator_is_told_of_other_organisations_matches_without_their_names(
    api_as: Any, coordinator: Any, org_b: Any, tumanova_a: Household
) -> None:
    response = api_as(coordinator).post("/households", {"organisation": org_b.slug, "principal": LATIN})
    assert response.status_code == 409
    [match] = response.json()["matches"]
    assert match["household"] == tumanova_a.reference
    text = str(response.json())
    assert "Туманова" not in text and "Екатерина" not in text and "Tumanova = …" in text


def test_the_schema_documents_the_409(api_as: Any, caseworker_a: Any) -> None:
    schema = api_as(caseworker_a).get("/openapi.json").json()
    assert "409" in schema["paths"]["/api/v1/households"]["post"]["responses"]
    assert "409" in schema["paths"]["/api/v1/households/{reference}/people"]["post"]["responses"]
