"""In a real browser: log in, open a household with a Cyrillic name, find it again by a Latin spelling."""

from __future__ import annotations

from typing import Any

import pytest

from haven.cases.models import Household
from tests.support.browser import sign_in

pytestmark = pytest.mark.e2e


def test_create_household_in_cyrillic_and_find_it_by_latin_spelling(
    live_server: Any, page: Any, caseworker_a: Any
) -> None:
    sign_in(page, live_server.url, caseworker_a.username)

    page.click("text=New household")
    page.fill("#id_surname_cyrillic", "Щербакова")
    page.fill("#id_given_name_cyrillic", "Юлия")
    page.fill("#id_patronymic_cyrillic", "Сергеевна")
    page.fill("#id_birth_date", "12.04.1988")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/cases/H-*/")
    assert page.locator("h1").inner_text() == "Щербакова Юлия Сергеевна"
    reference = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert Household.objects.filter(reference=reference, organisation__slug="fra").exists()

    page.goto(f"{live_server.url}/cases/")
    page.fill("#id_q", "Iouliia Chtcherbakova")  # as a French-style passport of the 2000s wrote it
    page.click(".search-row button")
    page.wait_for_url(lambda url: "s=" in url)
    assert "Chtcherbakova" not in page.url
    rows = page.locator(".case-table tbody tr")
    assert rows.count() == 1
    assert reference in rows.first.inner_text()
    rows.first.locator("a.reference").click()
    assert page.locator("h1").inner_text() == "Щербакова Юлия Сергеевна"
