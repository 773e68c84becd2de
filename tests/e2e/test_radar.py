"""The deadline radar in a real browser: a caseworker sees their household's coming removal, marked as a
detained person's, in the list and on the 90-day SVG chart, drawn with no Content-Security-Policy
violation (Chromium reports each on its console), and opens its day's list from its column. In Russian
the chart's coordinates stay numbers: a decimal comma ("39,7") would make the browser drop a bar."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings

from tests.support.personas import client_for
from tests.support.radar import ahead, child_of, record

pytestmark = pytest.mark.e2e

NUMBER = r"-?\d+(?:\.\d+)?"

# Every numeric attribute of every drawn element of the chart, as the DOM holds it.
ATTRIBUTES = """svg => Array.from(svg.querySelectorAll('*')).flatMap(el =>
    ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height']
        .filter(name => el.hasAttribute(name))
        .map(name => [el.tagName, name, el.getAttribute(name)]))"""

# What the browser made of a bar: its box as drawn.
GEOMETRY = """el => {
    const box = el.getBBox();
    return {width: box.width, height: box.height, bottom: box.y + box.height};
}"""


def test_a_caseworker_sees_a_detained_persons_removal_on_the_radar(
    live_server: Any, page: Any, household_a: Any, caseworker_a: Any
) -> None:
    record(
        caseworker_a,
        household_a.principal,
        removal_scheduled_date=ahead(6),
        detained=True,
        detention_facility="Krome North Service Processing Center",
    )
    record(caseworker_a, child_of(household_a), next_hearing_date=ahead(33))
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    name = settings.SESSION_COOKIE_NAME
    session = client_for(caseworker_a).cookies[name].value
    page.context.add_cookies([{"name": name, "value": session, "url": live_server.url}])

    page.goto(f"{live_server.url}/radar/")
    assert page.locator("h1").inner_text() == "Deadlines"
    removal = page.locator("table.radar-table tbody tr.detained")
    assert removal.count() == 1
    text = removal.inner_text()
    assert "Removal" in text and household_a.reference in text and "Detained" in text
    assert removal.locator("[data-days]").get_attribute("data-days") == "6"

    chart = page.locator("svg.radar-chart")
    assert chart.is_visible()
    removal = chart.locator("rect.mark-removal.mark-detained")
    assert removal.count() == 1
    # Coloured and outlined by the stylesheet (the CSP allows no inline style): dark red, thick outline,
    # and a hearing in another colour.
    style = "el => [getComputedStyle(el).fill, getComputedStyle(el).strokeWidth]"
    assert removal.evaluate(style) == ["rgb(122, 11, 18)", "2px"]
    drawn = removal.evaluate(GEOMETRY)
    assert drawn["width"] > 5 and drawn["height"] > 100 and drawn["bottom"] == 170  # alone, the tallest
    hearing = chart.locator("rect.mark-hearing")
    assert hearing.count() == 1 and "mark-detained" not in (hearing.get_attribute("class") or "")
    assert hearing.evaluate(style) == ["rgb(47, 110, 165)", "0.5px"]
    assert chart.locator(".mark").count() == 2
    assert chart.locator("text.day-count").all_text_contents() == ["1", "1"]
    column = chart.locator("a.chart-link").first
    assert "1 removal (detained: 1)" in column.locator("title").text_content()
    assert not [line for line in console if line.startswith("error")], console
    column.click()  # its day's list
    page.wait_for_url(f"**day={ahead(6)}#deadlines")
    assert page.locator("table.radar-table tbody tr").count() == 1
    assert "1 deadline on" in page.locator("#deadlines").inner_text()

    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ru", "url": live_server.url}])
    page.goto(f"{live_server.url}/radar/")
    assert page.locator("h1").inner_text() == "Сроки"
    text = page.locator("table.radar-table tbody tr.detained").inner_text()
    assert "Депортация" in text and "Под стражей" in text
    chart = page.locator("svg.radar-chart")
    values = chart.evaluate(ATTRIBUTES)
    assert len(values) > 20
    fractional = False
    for tag, attribute, value in values:
        assert re.fullmatch(NUMBER, value), (tag, attribute, value)
        fractional = fractional or "." in value
    assert fractional  # the bars sit between whole pixels: a decimal comma would have had its chance
    drawn = chart.locator("rect.mark-removal.mark-detained").evaluate(GEOMETRY)
    assert drawn["width"] > 5 and drawn["height"] > 100 and drawn["bottom"] == 170
    assert not [line for line in console if line.startswith("error")], console
