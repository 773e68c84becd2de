"""The case-list search reads names as the matcher does: other transliteration families, suffixes
and titles left out, a double surname typed joined or split."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.cases import open_household
from tests.support.personas import client_for


def listed(client: Any, query: str) -> list[str]:
    response = client.get("/cases/", {"q": query}, follow=True)
    return [row.household.reference for row in response.context["rows"]]


@pytest.mark.parametrize(
    ("surname", "given", "query"),
    [
        ("Гудков", "Геннадий", "Hennadiy Hudkov"),  # Ukrainian h for г
        ("Ходорковский", "Михаил", "Chodorkowski"),  # German ch for х, w for в
        ("Шендерович", "Виктор", "Szenderowicz"),  # Polish
        ("Путин", "Владимир", "Poutine"),  # French -ine
        ("Кара-Мурза", "Владимир", "Vladimir Karamurza"),  # joined
        ("Карамурза", "Владимир", "Kara Murza"),  # split
        ("Муратов", "Дмитрий", "Dmitry Muratov Jr."),  # a suffix
    ],
)
def test_search_reads_every_family_of_spellings(
    caseworker_a: Any, org_a: Any, surname: str, given: str, query: str
) -> None:
    household = open_household(org_a, surname, given)
    other = open_household(org_a, "Котова", "Юлия")
    found = listed(client_for(caseworker_a), query)
    assert found == [household.reference] and other.reference not in found
