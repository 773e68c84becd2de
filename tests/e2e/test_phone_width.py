"""At a phone's width (390 px) the pages people use on the move fit the screen: no horizontal scroll on
the case list, a household, its evidence (and the form that adds it), the deadline radar and the
dashboard, in English and Russian, nor a table scrolling in its own box (tables read as cards); the header
folds its links into a menu, opened without any script."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.accounts import give_authenticator
from tests.support.browser import SHOTS, sign_in
from tests.support.referral import batch_for
from tests.support.work import busy_household

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}


def _widths(page: Any, url: str, paths: dict[str, str], language: str) -> dict[str, int]:
    found = {}
    for name, path in paths.items():
        page.goto(url + path)
        page.wait_for_load_state()
        page.screenshot(path=str(SHOTS / f"phone-{name}-{language}.png"), full_page=True)
        found[name] = page.evaluate("() => document.documentElement.scrollWidth")
        # A table that scrolls inside its own box is as hard to read as a page too wide: each reads as
        # cards instead (the table's width: the widest of the page and of any table's box).
        found[name] = max(found[name], page.evaluate(_WIDEST_TABLE))
    return found


_WIDEST_TABLE = """() => Math.max(0, ...[...document.querySelectorAll('.table-wrap')]
    .filter(box => box.querySelector('table') && box.scrollWidth > box.clientWidth + 1)
    .map(box => box.getBoundingClientRect().left + box.scrollWidth))"""


def _fits(page: Any, url: str, user: Any, paths: dict[str, str], secret: str | None = None) -> dict[str, int]:
    """Sign in at a phone's width and open each page in English then Russian; the pages too wide."""
    page.set_viewport_size(PHONE)
    sign_in(page, url, user.username, secret)
    too_wide = {}
    for language in ("en", "ru"):
        if language == "ru":
            page.locator("summary.menu-toggle").click()
            page.click("button[value=ru]")
            page.wait_for_load_state()
        for name, width in _widths(page, url, paths, language).items():
            if width > PHONE["width"]:
                too_wide[f"{name} ({language})"] = width
    print(f"screenshots: {SHOTS}")
    return too_wide


def test_a_caseworkers_pages_fit_a_phone_in_both_languages(
    live_server: Any, page: Any, org_a: Any, caseworker_a: Any, reviewer_a: Any
) -> None:
    household = busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    paths = {
        "case-list": "/cases/",
        "household": f"/cases/{household.reference}/",
        "evidence": f"/cases/{household.reference}/evidence/people/{household.principal.public_id}/",
        "evidence-new": f"/cases/{household.reference}/evidence/people/{household.principal.public_id}/new/",
    }
    assert _fits(page, live_server.url, caseworker_a, paths) == {}


def test_the_radar_and_dashboard_fit_a_phone_in_both_languages(
    live_server: Any, page: Any, org_a: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any
) -> None:
    busy_household(org_a, caseworker_a, reviewer_a, "Котова")
    paths = {"radar": "/radar/", "dashboard": "/dashboard/"}
    assert _fits(page, live_server.url, coordinator, paths, give_authenticator(coordinator)) == {}


def test_the_liaisons_pages_fit_a_phone_in_both_languages(
    live_server: Any, page: Any, coordinator: Any, liaison: Any, household_a: Any
) -> None:
    batch = batch_for(coordinator, liaison, [household_a])
    paths = {
        "liaison-home": "/",
        "batch": f"/referrals/{batch.public_id}/",
        "entry": f"/referrals/{batch.public_id}/households/{household_a.reference}/",
    }
    assert _fits(page, live_server.url, liaison, paths, give_authenticator(liaison)) == {}


def test_the_header_folds_into_a_menu_without_script(
    live_server: Any, browser: Any, caseworker_a: Any
) -> None:
    context = browser.new_context(locale="en-GB", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url, caseworker_a.username)
    cases = page.locator(".site-nav a", has_text="Cases")
    assert not cases.is_visible()  # folded
    page.locator("summary.menu-toggle").click()
    assert cases.is_visible()
    cases.click()
    page.wait_for_url(f"{live_server.url}/cases/")
    context.close()
