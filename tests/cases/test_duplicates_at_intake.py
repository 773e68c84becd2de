"""Duplicates at intake on the pages: opening a household or adding a person whom the organisation
already has shows the likely matches with their reasons and links, and saves only with "This is a
different person" (audited). A caseworker never learns of another organisation's people; the
coordinator is shown the whole coalition, without the other organisations' names."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create
from haven.cases.models import Household, Person
from tests.support.personas import client_for

TUMANOVA = {
    "surname_cyrillic": "Туманова",
    "given_name_cyrillic": "Екатерина",
    "patronymic_cyrillic": "Георгиевна",
    "sex": "F",
    "birth_date": "13.06.1987",
}
LATIN = {"surname_latin": "TUMANOVA", "given_name_latin": "Ekaterina", "birth_date": "13.06.1987"}
WARNING = "This person may already be in Haven"


@pytest.fixture
def tumanova_a(caseworker_a: Any, org_a: Any) -> Household:
    """Organisation A's household of Екатерина Георгиевна Туманова, born 13 June 1987."""
    principal = {**TUMANOVA, "birth_date": "1987-06-13"}
    return household_create(actor=Actor.for_user(caseworker_a), organisation=org_a, principal=principal)


@pytest.mark.parametrize("spelling", [TUMANOVA, LATIN], ids=["cyrillic", "latin"])
def test_opening_a_household_for_someone_the_organisation_has_shows_the_match_and_saves_nothing(
    caseworker_a: Any, tumanova_a: Household, spelling: dict[str, str]
) -> None:
    response = client_for(caseworker_a).post("/cases/new/", spelling)
    page = response.content.decode()
    assert response.status_code == 200 and WARNING in page
    assert f'href="/cases/{tumanova_a.reference}/"' in page
    assert "birth date equal (1987-06-13)" in page
    assert 'name="different_person"' in page
    assert Household.objects.count() == 1


def test_saving_anyway_needs_the_different_person_box_and_is_audited(
    caseworker_a: Any, tumanova_a: Household
) -> None:
    response = client_for(caseworker_a).post("/cases/new/", {**TUMANOVA, "different_person": "1"})
    assert response.status_code == 302
    created = Household.objects.exclude(pk=tumanova_a.pk).get()
    entry = AuditEntry.objects.get(action="household.duplicate_override")
    assert entry.household_ref == created.reference
    assert entry.detail["on"] == "household.create"
    assert [m["household"] for m in entry.detail["matches"]] == [tumanova_a.reference]
    assert "Туманова" not in str(entry.detail)


def test_someone_else_is_saved_at_once_without_a_warning(caseworker_a: Any, tumanova_a: Household) -> None:
    sister = {**TUMANOVA, "given_name_cyrillic": "Анна", "birth_date": "02.02.1990"}
    assert client_for(caseworker_a).post("/cases/new/", sister).status_code == 302
    assert Household.objects.count() == 2
    assert not AuditEntry.objects.filter(action="household.duplicate_override").exists()


def test_a_caseworker_never_learns_of_another_organisations_people(
    caseworker_b: Any, tumanova_a: Household
) -> None:
    response = client_for(caseworker_b).post("/cases/new/", TUMANOVA)
    assert response.status_code == 302  # organisation B has no such person: nothing to show
    assert Household.objects.filter(organisation=caseworker_b.membership.organisation).count() == 1


def test_the_coordinator_is_shown_the_whole_coalition_without_the_other_organisations_names(
    coordinator: Any, org_b: Any, tumanova_a: Household
) -> None:
    response = client_for(coordinator).post("/cases/new/", {**LATIN, "organisation": org_b.slug})
    page = response.content.decode()
    assert WARNING in page and f'href="/cases/{tumanova_a.reference}/"' in page
    assert "surname equal after transliteration (TUMANOVA = …)" in page
    assert "Туманова" not in page and "Екатерина" not in page
    assert Household.objects.count() == 1


def test_adding_a_person_the_organisation_has_is_held_back_until_confirmed(
    caseworker_a: Any, household_a: Household, tumanova_a: Household
) -> None:
    client = client_for(caseworker_a)
    url = f"/cases/{household_a.reference}/people/new/"
    relative = {**TUMANOVA, "relationship": "sibling"}
    page = client.post(url, relative).content.decode()
    assert WARNING in page and f'href="/cases/{tumanova_a.reference}/"' in page
    assert not household_a.people.filter(relationship="sibling").exists()
    response = client.post(url, {**relative, "different_person": "1"})
    assert response.status_code == 302
    assert household_a.people.filter(relationship="sibling").count() == 1
    entry = AuditEntry.objects.get(action="household.duplicate_override")
    assert (entry.household_ref, entry.detail["on"]) == (household_a.reference, "person.add")
    assert Person.objects.count() == 4


def test_the_warning_is_in_russian_too(caseworker_a: Any, tumanova_a: Household, settings: Any) -> None:
    client = client_for(caseworker_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = client.post("/cases/new/", TUMANOVA).content.decode()
    assert "Возможно, этот человек уже есть в Haven" in page
    assert "Это другой человек: всё равно сохранить" in page
