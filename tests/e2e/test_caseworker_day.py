"""A caseworker's day in a real browser: log in in Russian, find a household by a Latin spelling, add a child.

Chromium reports every Content-Security-Policy violation on its console, so a page that needed an
inline script or style, or anything from another site, fails here.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.personas import PASSWORD

pytestmark = pytest.mark.e2e


def test_find_a_household_in_russian_and_add_a_child(live_server: Any, page: Any, household_a: Any) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    page.goto(f"{live_server.url}/login/")
    page.click("button[value=ru]")
    page.fill("#id_username", "anna")
    page.fill("#id_password", PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")  # her home page of work
    page.click(".site-nav >> text=Дела")
    assert page.locator("h1").inner_text() == "Дела"
    header = page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header == "rgb(28, 43, 59)"  # the stylesheet was served and applied

    page.fill("#id_q", "Iouliia Kotova")
    page.click(".search-row button")
    page.click(f"text={household_a.reference}")
    assert page.locator("h1").inner_text() == "Котова Юлия Сергеевна"
    assert page.locator(".sensitive-tag").first.inner_text() == "Конфиденциально"

    page.click("text=Добавить человека >> nth=0")
    page.select_option("#id_relationship", "child")
    page.fill("#id_surname_cyrillic", "Котова")
    page.fill("#id_given_name_cyrillic", "Алиса")
    page.fill("#id_birth_date", "03.05.2019")
    page.click("form.form button[type=submit]")
    assert "Котова Алиса: добавлен(а) в семью." in page.locator(".messages").inner_text()
    assert "03.05.2019" in page.locator("#people").inner_text()
    assert household_a.people.count() == 3

    assert not [line for line in console if line.startswith("error")], console
