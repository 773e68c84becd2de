"""The coordinator's dashboard in a real browser, in Russian: its charts are drawn as SVG (every bar has a
size: a decimal comma in a coordinate would make it vanish), with no script, no inline style and nothing
from another site (Chromium reports every Content-Security-Policy violation)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from tests.support import dashboard
from tests.support.personas import client_for

pytestmark = pytest.mark.e2e


def test_the_coordinator_sees_the_coalition_charts(
    live_server: Any, page: Any, coordinator: Any, caseworker_a: Any, caseworker_b: Any
) -> None:
    dashboard.household(caseworker_a, stage="documenting", urgency="emergency", risk="high")
    dashboard.household(caseworker_a, stage="referred")
    dashboard.household(caseworker_b, stage="documenting", urgency="normal", risk="low")
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    # Signed in past the second factor, as client_for does, with that session's cookie.
    name = settings.SESSION_COOKIE_NAME
    session = client_for(coordinator).cookies[name].value
    page.context.add_cookies(
        [
            {"name": name, "value": session, "url": live_server.url},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": "ru", "url": live_server.url},
        ]
    )

    page.goto(f"{live_server.url}/dashboard/")
    assert page.locator("h1").inner_text() == "Сводка"
    assert page.locator("nav a[aria-current=page]").inner_text() == "Сводка"
    stages = page.locator("#chart-stages svg.chart-wide rect.mark")
    assert stages.count() == 2
    for i in range(2):
        box = stages.nth(i).bounding_box()
        assert (
            box is not None and box["width"] > 100 and box["height"] >= 20
        )  # drawn (scaled to the page width)
    label = page.locator("#chart-stages svg.chart-wide text").first
    assert label.text_content() == "Сбор документов"
    assert label.bounding_box()["width"] > 50  # one line, not one letter per line
    organisations = page.locator("#chart-organisations svg.chart-wide rect.mark")
    values = [organisations.nth(i).get_attribute("data-value") for i in range(organisations.count())]
    assert values == ["2", "1"]
    urgency = page.locator("#chart-urgency svg.chart-wide rect.mark")
    assert urgency.count() == 3  # emergency, normal, not assessed
    emergency = page.locator('#chart-urgency svg.chart-wide rect.mark[data-key="emergency"]')
    assert emergency.evaluate("el => getComputedStyle(el).fill") == "rgb(161, 38, 44)"  # danger, by class
    assert not [line for line in console if line.startswith("error")], console
    # A bar opens the list it counts: the documenting households, two across the coalition.
    page.locator('#chart-stages svg.chart-wide a.chart-link:has(rect[data-key="documenting"])').click()
    page.wait_for_url("**/cases/?stage=documenting")
    assert page.locator(".result-count").inner_text().startswith("2 ")
