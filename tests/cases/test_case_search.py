"""Case-list search finds people as caseworkers type them: the start of a name, a surname and an initial,
and the spellings of other languages; each result says which person matched."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_create, person_add
from haven.cases.models import PersonNameKey
from haven.security.sensitive import index_value
from tests.support.personas import client_for


def found(user: Any, query: str) -> list[Any]:
    return client_for(user).get("/cases/", {"q": query}, follow=True).context["rows"]


def references(user: Any, query: str) -> set[str]:
    return {row.household.reference for row in found(user, query)}


@pytest.fixture
def families(caseworker_a: Any, org_a: Any) -> dict[str, Any]:
    actor = Actor.for_user(caseworker_a)

    def open_household(surname: str, given: str, latin: str = "") -> Any:
        principal = {"surname_cyrillic": surname, "given_name_cyrillic": given, "surname_latin": latin}
        return household_create(actor=actor, organisation=org_a, principal=principal, different_person=True)

    ivanova = open_household("Иванова", "Ольга")
    person_add(
        actor=actor,
        household=ivanova,
        fields={"relationship": "spouse", "surname_cyrillic": "Кравченко", "given_name_cyrillic": "Олег"},
    )
    return {
        "kravchenko": ivanova,
        "elena": open_household("Туманова", "Елена"),
        "anna": open_household("Туманова", "Анна"),
        "kravets": open_household("Кравец", "Игорь"),
    }


@pytest.mark.parametrize(
    "spelling",
    [
        "Кравченко",
        "Kravchenko",
        "Kravtchenko",
        "Krawtschenko",
        "Kravčenko",
        "KRAVCHENKO Oleg",
        "Олег Кравченко",
    ],
)
def test_the_spellings_people_type_find_the_person(caseworker_a: Any, families: Any, spelling: str) -> None:
    assert families["kravchenko"].reference in references(caseworker_a, spelling)


@pytest.mark.parametrize("start", ["Krav", "кравч", "Кравч", "Kravch", "Kraw"])
def test_the_start_of_a_name_finds_it(caseworker_a: Any, families: Any, start: str) -> None:
    found_now = references(caseworker_a, start)
    assert families["kravchenko"].reference in found_now
    if start.lower() in ("krav", "kraw"):
        assert families["kravets"].reference in found_now  # Кравец begins the same way


def test_two_letters_are_not_a_prefix(caseworker_a: Any, families: Any) -> None:
    assert references(caseworker_a, "Kr") == set()


def test_a_surname_and_an_initial(caseworker_a: Any, families: Any) -> None:
    assert references(caseworker_a, "Туманова Е") == {families["elena"].reference}
    assert references(caseworker_a, "Tumanova A") == {families["anna"].reference}
    assert references(caseworker_a, "Туманова") == {families["elena"].reference, families["anna"].reference}


def test_each_result_says_which_person_matched(caseworker_a: Any, families: Any) -> None:
    response = client_for(caseworker_a).get("/cases/", {"q": "Kravtchenko"}, follow=True)
    row = next(r for r in response.context["rows"] if r.household == families["kravchenko"])
    assert [p.given_name_cyrillic for p in row.matched] == ["Олег"]  # the spouse, not the principal
    html = response.content.decode()
    assert "Found:" in html and "Кравченко Олег (" in html


def test_prefix_keys_are_keyed_like_every_other_key(caseworker_a: Any, families: Any) -> None:
    spouse = families["kravchenko"].people.get(relationship="spouse")
    stored = set(PersonNameKey.objects.filter(person=spouse).values_list("key", flat=True))
    assert index_value("^krav") in stored and "^krav" not in stored and "krav" not in stored


def test_the_reindex_command_adds_the_prefix_keys_of_people_indexed_before_them(
    caseworker_a: Any, families: Any
) -> None:
    spouse = families["kravchenko"].people.get(relationship="spouse")
    whole = index_value("kravcenko")
    PersonNameKey.objects.exclude(key=whole).filter(person=spouse).delete()  # as indexed before prefixes
    assert families["kravchenko"].reference not in references(caseworker_a, "Krav")
    out = io.StringIO()
    call_command("reindex-names", stdout=out)
    assert "Search keys rebuilt for" in out.getvalue()
    assert families["kravchenko"].reference in references(caseworker_a, "Krav")
    assert AuditEntry.objects.filter(action="caseload.reindex_names").exists()
