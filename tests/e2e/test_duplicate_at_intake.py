"""In a real browser: opening a household for someone the organisation already has shows the likely
match with its reasons and link, and saves only once "This is a different person" is ticked."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.cases.actions import household_create
from haven.cases.models import Household
from tests.support.browser import sign_in

pytestmark = pytest.mark.e2e


def test_a_likely_duplicate_is_shown_and_saved_only_as_a_different_person(
    live_server: Any, page: Any, caseworker_a: Any, org_a: Any
) -> None:
    existing = household_create(
        actor=Actor.for_user(caseworker_a),
        organisation=org_a,
        principal={"surname_cyrillic": "Туманова", "given_name_cyrillic": "Екатерина",
                   "patronymic_cyrillic": "Георгиевна", "birth_date": "1987-06-13"},
    )  # fmt: skip
    sign_in(page, live_server.url, caseworker_a.username)

    page.click("text=New household")
    page.fill("#id_surname_latin", "Tumanova")
    page.fill("#id_given_name_latin", "Ekaterina")
    page.fill("#id_birth_date", "13.06.1987")
    page.click("form.form button[type=submit]:has-text('Open household')")
    warning = page.locator("#likely-duplicates")
    warning.wait_for()
    assert "This person may already be in Haven" in warning.inner_text()
    assert "birth date equal (1987-06-13)" in warning.inner_text()
    link = warning.locator(f"a[href='/cases/{existing.reference}/']")
    assert link.inner_text() == existing.reference
    assert Household.objects.count() == 1
    assert page.input_value("#id_surname_latin") == "Tumanova"  # nothing typed is lost

    page.check("#id_different_person")
    page.click("form.form button[type=submit]:has-text('Open household')")
    page.wait_for_url(lambda url: "/cases/H-" in url and existing.reference not in url)
    assert Household.objects.count() == 2
