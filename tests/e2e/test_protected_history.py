"""A caseworker in a real browser cannot undo a referral or remove what Haven wrote to a timeline; their
own event, withdrawn with a reason, stays on the timeline struck through."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.cases.actions import event_add
from tests.support.browser import sign_in
from tests.support.cases import in_days
from tests.support.referral import batch_for

pytestmark = pytest.mark.e2e

REASON = "Recorded on the wrong family."


def test_a_caseworker_cannot_move_a_referred_household_and_withdraws_only_their_own_event(
    live_server: Any, page: Any, coordinator: Any, liaison: Any, caseworker_a: Any, household_a: Any
) -> None:
    batch = batch_for(coordinator, liaison, [household_a])
    event_add(
        actor=Actor.for_user(caseworker_a),
        household=household_a,
        fields={"date": in_days(-2), "kind": "hearing_held", "note": "Master calendar hearing."},
    )
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    sign_in(page, live_server.url, caseworker_a.username)

    page.goto(f"{live_server.url}/cases/{household_a.reference}/")
    status = page.locator("#pipeline")
    assert status.locator("select[name=stage]").count() == 0  # no "Move to" at all
    assert "awaiting a decision in a referral batch" in status.inner_text()

    page.goto(f"{live_server.url}/cases/{household_a.reference}/status/")
    assert "awaiting a decision in a referral batch" in page.locator("main").inner_text()
    assert page.locator("select[name=stage]").count() == 0

    page.goto(f"{live_server.url}/cases/{household_a.reference}/")
    timeline = page.locator("#timeline")
    moves = timeline.locator(".timeline-item", has_text=f"referral batch {batch.reference}")
    assert moves.count() == 2  # assessed → shortlisted → referred, both written by Haven
    for i in range(moves.count()):
        assert moves.nth(i).locator("a", has_text="Withdraw").count() == 0

    page.click("#fold-timeline > summary")  # the timeline is folded until opened
    hearing = timeline.locator(".timeline-item", has_text="Master calendar hearing.")
    hearing.locator("a", has_text="Withdraw").click()
    page.fill("#id_reason", REASON)
    page.click("form.form button[type=submit]")
    page.wait_for_url(f"**/cases/{household_a.reference}/#timeline")
    assert "struck through" in page.locator(".messages").inner_text()
    withdrawn = page.locator("#timeline .timeline-item.is-withdrawn")
    assert withdrawn.count() == 1
    text = withdrawn.inner_text()
    assert (
        "Master calendar hearing." in text
        and REASON in text
        and f"Withdrawn by {caseworker_a.username}" in text
    )
    title = withdrawn.locator(".timeline-title")
    assert "line-through" in title.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert withdrawn.locator("a", has_text="Withdraw").count() == 0

    household_a.refresh_from_db()
    assert household_a.stage == "referred" and household_a.events.count() == 3
    assert not [line for line in console if line.startswith("error")], console
