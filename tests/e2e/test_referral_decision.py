"""A liaison in a real browser: sign in with the second factor, open the batch addressed to them, read
a referred household and record a decision; the household's organisation then sees it. Any CSP
violation on the referral pages fails the test."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.accounts import give_authenticator
from tests.support.browser import sign_in
from tests.support.referral import batch_for

pytestmark = pytest.mark.e2e


def test_the_liaison_records_a_decision(
    live_server: Any, page: Any, coordinator: Any, liaison: Any, household_a: Any
) -> None:
    batch = batch_for(coordinator, liaison, [household_a])
    secret = give_authenticator(liaison)
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    sign_in(page, live_server.url, liaison.username, secret)

    page.click(f"a.reference:has-text('{batch.reference}')")  # the home page lists the batch
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    page.click(f"a.reference:has-text('{household_a.reference}')")
    assert "Котова Юлия Сергеевна" in page.locator("main").inner_text()
    page.check("input[name=decision][value=accepted]")
    page.fill("#id_note", "Интервью 12 января")
    page.click("text=Record the decision")
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    row = page.locator("tbody tr", has_text=household_a.reference)
    assert "Accepted" in row.inner_text()
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console

    entry = batch.entries.get()
    household_a.refresh_from_db()
    assert (entry.decision, entry.decision_note) == ("accepted", "Интервью 12 января")
    assert household_a.stage == "decision_received"
