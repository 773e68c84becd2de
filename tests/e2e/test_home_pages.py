"""Each role in a real browser: it lands on its home page of work, follows an item to where that work is
done (the clicks are counted), and the pages read at a desk and on a phone (390 px) in English and
Russian without a horizontal scroll. Screenshots go to a temporary folder (printed) to be looked at."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.accounts import give_authenticator
from tests.support.browser import SHOTS, sign_in
from tests.support.families import family
from tests.support.referral import ready_for_referral
from tests.support.work import busy_household

pytestmark = pytest.mark.e2e

WIDTHS = (1280, 390)


def _looks(page: Any, name: str) -> None:
    """Screenshots of the page at each width, and no horizontal overflow at any of them."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll <= width, f"{name} is {scroll} px wide at {width} px"
    page.set_viewport_size({"width": 1280, "height": 900})
    print(f"screenshots: {SHOTS}")


def _in_russian(page: Any) -> None:
    page.click("button[value=ru]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"


def _clean(console: list[str]) -> None:
    assert not [line for line in console if line.startswith("error")], console


@pytest.fixture
def console(page: Any) -> list[str]:
    lines: list[str] = []
    page.on("console", lambda message: lines.append(f"{message.type}: {message.text}"))
    return lines


def test_a_caseworker_goes_from_home_to_the_evidence_sent_back_in_one_click(
    live_server: Any, page: Any, console: list[str], org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    household = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    sign_in(page, live_server.url, caseworker_a.username)
    assert page.url == f"{live_server.url}/"
    assert "My work" in page.locator("h1").inner_text()
    assert page.locator(".site-nav .nav-count").inner_text().startswith("5")
    _looks(page, "caseworker-home-en")

    clicks = 0
    page.click("#work-sent_back .work-title")
    clicks += 1
    disputed = household.principal.evidence.get(status="disputed")
    page.wait_for_url(f"**/cases/{household.reference}/evidence/{disputed.public_id}/")
    assert clicks == 1  # from the home page to the item to correct

    page.goto(f"{live_server.url}/")
    page.click("#work-deadlines .work-title >> nth=0")
    page.wait_for_url(f"**/cases/{household.reference}/#us-status")
    strip = page.locator(".summary-strip").inner_text()
    assert "in 5 days" in strip and "1 detained" in strip and "Emergency" in strip  # removal in 5 days
    assert page.locator(".summary-detention").evaluate("e => getComputedStyle(e).borderLeftColor") == (
        "rgb(161, 38, 44)"  # the danger colour, beside the words
    )
    page.click(".on-this-page >> text=Timeline")
    assert page.locator("#fold-timeline").evaluate("d => d.open")  # a jump opens the folded section
    _looks(page, "caseworker-household-en")

    _in_russian(page)
    assert "Ближайший срок" in page.locator(".summary-strip").text_content()
    _looks(page, "caseworker-household-ru")
    page.goto(f"{live_server.url}/")
    assert "Моя работа" in page.locator("h1").inner_text()
    _looks(page, "caseworker-home-ru")
    _clean(console)


def test_a_reviewer_verifies_the_oldest_evidence_in_two_actions_from_home(
    live_server: Any, page: Any, console: list[str], org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    household = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    sign_in(page, live_server.url, reviewer_a.username)
    assert page.locator("#work-to_verify .count").inner_text() == "1"
    _looks(page, "reviewer-home-en")

    page.click("#work-to_verify .work-title")  # 1: open the item in the review queue
    item = household.principal.evidence.get(status="unreviewed")
    page.wait_for_url(f"**/evidence/review/{item.public_id}/")
    page.click("#verify-form button[type=submit]")  # 2: verify it; the queue moves on
    page.wait_for_url("**/evidence/review/**")
    item.refresh_from_db()
    assert item.status == "verified"

    page.goto(f"{live_server.url}/")
    assert page.locator("#work-to_verify .count").inner_text() == "0"
    _in_russian(page)
    assert "Доказательства, ждущие проверки" in page.content()
    _looks(page, "reviewer-home-ru")
    _clean(console)


def test_the_coordinator_sees_which_emergencies_can_be_referred(
    live_server: Any,
    page: Any,
    console: list[str],
    org_a: Any,
    caseworker_a: Any,
    reviewer_a: Any,
    coordinator: Any,
) -> None:
    waiting = family(org_a, caseworker_a, reviewer_a, people=3, name="Котова")
    # Documented, verified, assessed, every adult consenting: the Selection page's check passes.
    ready = ready_for_referral(
        family(org_a, caseworker_a, reviewer_a, people=1, name="Петрова"), caseworker_a, reviewer_a
    )
    sign_in(page, live_server.url, coordinator.username, give_authenticator(coordinator))
    page.wait_for_url(f"{live_server.url}/")
    emergencies = page.locator("#work-emergencies")
    assert "Can be referred now." in emergencies.inner_text()
    assert "Still being documented (status: Intake) (the caseworker)" in emergencies.inner_text()
    _looks(page, "coordinator-home-en")

    page.click(f"#work-emergencies .work-item:has-text('{ready.reference}') .work-title")  # 1 click
    page.wait_for_url(f"**/cases/{ready.reference}/")
    strip = page.locator(".summary-strip").inner_text()
    assert "Emergency" in strip and "Referable" in strip

    page.goto(f"{live_server.url}/cases/{waiting.reference}/")
    assert not page.locator("#fold-people").evaluate("d => d.open")  # three people: folded
    _looks(page, "coordinator-household-en")
    _in_russian(page)
    assert "Экстренно" in page.locator(".summary-strip").inner_text()
    _looks(page, "coordinator-household-ru")
    page.goto(f"{live_server.url}/")
    _looks(page, "coordinator-home-ru")
    _clean(console)
