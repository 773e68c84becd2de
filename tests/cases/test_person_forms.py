"""Adding, editing and removing the people of a household through their forms."""

from __future__ import annotations

import re
from typing import Any

from haven.cases.models import Person
from tests.support.cases import audit_actions, detail_url, principal
from tests.support.personas import client_for

SPOUSE = {
    "relationship": "spouse",
    "surname_cyrillic": "Котов",
    "given_name_cyrillic": "Андрей",
    "surname_latin": "KOTOV",
    "given_name_latin": "ANDREI",
    "birth_date": "1985-07",
    "serious_medical": "true",
}


def people_url(household: Any, person: Any = None, what: str = "") -> str:
    if person is None:
        return f"/cases/{household.reference}/people/new/"
    return f"/cases/{household.reference}/people/{person.public_id}/{what}/"


def found_by_search(user: Any, query: str) -> list[str]:
    return [
        row.household.reference
        for row in client_for(user).get("/cases/", {"q": query}, follow=True).context["rows"]
    ]


def test_adding_a_person_saves_and_indexes_them(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(people_url(household_a), SPOUSE)
    andrei = next(p for p in household_a.people.all() if p.given_name_cyrillic == "Андрей")
    assert response.status_code == 302
    assert response["Location"] == f"{detail_url(household_a)}#person-{andrei.public_id}"
    assert (andrei.relationship, andrei.birth_date, andrei.serious_medical) == ("spouse", "1985-07", True)
    assert andrei.pregnancy is None  # left as "unknown"
    assert found_by_search(caseworker_a, "Andrey Kotov") == [household_a.reference]
    assert audit_actions(household_a)[-1] == "person.add"


def test_a_bad_birth_date_is_explained_beside_the_field(caseworker_a: Any, household_a: Any) -> None:
    before = audit_actions(household_a)
    response = client_for(caseworker_a).post(people_url(household_a), {**SPOUSE, "birth_date": "31.02.1985"})
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["birth_date"]
    html = response.content.decode()
    assert 'id="id_birth_date_error"' in html and "DD.MM.YYYY" in html
    assert 'aria-invalid="true"' in html
    assert household_a.people.count() == 2
    assert audit_actions(household_a) == before


def test_birth_dates_in_the_future_are_refused(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(people_url(household_a), {**SPOUSE, "birth_date": "2199"})
    assert "cannot be in the future" in response.content.decode()
    assert household_a.people.count() == 2


def test_someone_needs_a_name_in_some_script(caseworker_a: Any, household_a: Any) -> None:
    nameless = {"relationship": "child", "patronymic_cyrillic": "Андреевич", "birth_date": "2020"}
    response = client_for(caseworker_a).post(people_url(household_a), nameless)
    assert "Give at least one name" in response.content.decode()
    latin_only = {"relationship": "child", "given_name_latin": "ANNA"}
    assert client_for(caseworker_a).post(people_url(household_a), latin_only).status_code == 302
    assert household_a.people.count() == 3


def test_a_second_principal_is_not_offered(caseworker_a: Any, household_a: Any) -> None:
    client = client_for(caseworker_a)
    page = client.get(people_url(household_a)).content.decode()
    assert 'value="principal"' not in page
    response = client.post(people_url(household_a), {**SPOUSE, "relationship": "principal"})
    assert "Select a valid choice" in response.content.decode()
    assert household_a.people.filter(relationship="principal").count() == 1


def test_editing_changes_the_person_and_their_search_keys(caseworker_a: Any, household_a: Any) -> None:
    yulia = principal(household_a)
    client = client_for(caseworker_a)
    form = client.get(people_url(household_a, yulia, "edit")).context["form"]
    assert form.initial["surname_cyrillic"] == "Котова"
    data = {k: v for k, v in form.initial.items() if v not in (None, "")}
    data.update({"surname_cyrillic": "Смирнова", "surname_latin": "SMIRNOVA", "former_names": "Котова Юлия"})
    response = client.post(people_url(household_a, yulia, "edit"), data)
    assert response.status_code == 302
    yulia.refresh_from_db()
    assert (yulia.surname_cyrillic, yulia.relationship, yulia.birth_date) == (
        "Смирнова",
        "principal",
        "1988-04-12",
    )
    assert found_by_search(caseworker_a, "Smirnova Yulia") == [household_a.reference]
    assert found_by_search(caseworker_a, "Kotova Yulia") == [household_a.reference]  # as a former name
    assert audit_actions(household_a)[-1] == "person.update"


def test_saving_an_unchanged_form_writes_nothing(caseworker_a: Any, household_a: Any) -> None:
    yulia = principal(household_a)
    client = client_for(caseworker_a)
    form = client.get(people_url(household_a, yulia, "edit")).context["form"]
    before = audit_actions(household_a)
    data = {k: v for k, v in form.initial.items() if v is not None}
    assert client.post(people_url(household_a, yulia, "edit"), data).status_code == 302
    assert audit_actions(household_a) == before


def test_removing_a_person_asks_then_removes(caseworker_a: Any, household_a: Any) -> None:
    son = household_a.people.get(relationship="child")
    client = client_for(caseworker_a)
    confirm = client.get(people_url(household_a, son, "remove"))
    assert confirm.status_code == 200 and "Котов Миша" in confirm.content.decode()
    assert Person.objects.filter(pk=son.pk).exists()
    response = client.post(people_url(household_a, son, "remove"))
    assert response.status_code == 302
    assert not Person.objects.filter(pk=son.pk).exists()
    assert audit_actions(household_a)[-1] == "person.delete"


def test_the_principal_cannot_be_removed(caseworker_a: Any, household_a: Any) -> None:
    yulia = principal(household_a)
    response = client_for(caseworker_a).post(people_url(household_a, yulia, "remove"), follow=True)
    assert response.status_code == 200
    assert "cannot be removed" in response.content.decode()
    assert Person.objects.filter(pk=yulia.pk).exists()


def test_a_person_of_another_household_is_not_found_here(
    coordinator: Any, household_a: Any, household_b: Any
) -> None:
    dmitry = principal(household_b)
    client = client_for(coordinator)
    assert client.get(people_url(household_a, dmitry, "edit")).status_code == 404
    assert client.post(people_url(household_a, dmitry, "remove")).status_code == 404
    assert Person.objects.filter(pk=dmitry.pk).exists()


def test_the_sex_field_says_when_none_is_recorded_in_each_language(
    caseworker_a: Any, household_a: Any
) -> None:
    from django.conf import settings

    client = client_for(caseworker_a)
    for language, label in (("en", "Not recorded"), ("ru", "Не указан"), ("fr", "Non indiqué")):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = client.get(people_url(household_a)).content.decode()
        sex = re.search(r'<select name="sex".*?</select>', page, re.S)
        assert sex and f'<option value="" selected>{label}</option>' in sex[0], language
        assert "---------" not in sex[0]
    assert client.post(people_url(household_a), SPOUSE).status_code == 302  # left empty, it still saves
    assert next(p for p in household_a.people.all() if p.given_name_cyrillic == "Андрей").sex == ""
