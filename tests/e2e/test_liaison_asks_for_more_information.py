"""The liaison's path of issue 15, walked in a real browser: the liaison signs in with the second factor,
sees the batch on their home page, opens a household and asks for more information; a caseworker of the
household's organisation sees the request on the household page and answers it; the liaison reads the
answer on the batch and accepts. The state before it (a household documented and assessed, a selection
run by one coordinator and approved by another, the batch) is made through Haven's own actions. Any CSP
violation on the way fails the test."""

from __future__ import annotations

from typing import Any

import pytest

from haven.audit.models import AuditEntry
from haven.referral.models import InformationRequest
from tests.support.accounts import give_authenticator
from tests.support.browser import sign_in
from tests.support.personas import make_user
from tests.support.referral import ready_for_referral, referred

pytestmark = pytest.mark.e2e

QUESTION = "Please send the court notice for the hearing, with a translation."
ANSWER = "Повестка добавлена как доказательство; перевод на английский — в приложении."


def _watch(page: Any, console: list[str]) -> None:
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))


def test_the_liaison_asks_the_caseworker_answers_and_the_liaison_accepts(
    live_server: Any,
    browser: Any,
    page: Any,
    coordinator: Any,
    liaison: Any,
    household_a: Any,
    caseworker_a: Any,
    reviewer_a: Any,
) -> None:
    ready_for_referral(household_a, caseworker_a, reviewer_a)
    batch = referred(coordinator, make_user("coco2", "coordinator", None), liaison, household_a)
    reference = household_a.reference
    secret = give_authenticator(liaison)
    console: list[str] = []
    _watch(page, console)

    # The liaison signs in with the second factor and finds the batch on their home page.
    sign_in(page, live_server.url, liaison.username, secret)
    page.wait_for_url(f"{live_server.url}/")
    row = page.locator("table.liaison-batches tbody tr", has_text=batch.reference)
    assert row.locator("td").all_inner_texts()[2:4] == ["1", "1"]  # one household, awaiting a decision
    row.locator("a.reference").click()
    page.wait_for_url(f"**/referrals/{batch.public_id}/")

    # Opens the household and asks for more information.
    page.click(f"a.reference:has-text('{reference}')")
    page.wait_for_url(f"**/households/{reference}/")
    main = page.locator("main").inner_text()
    assert "Household summary" in main and main.index("Household summary") < main.index("Your decision")
    page.check("input[name=decision][value=more_information]")
    page.fill("#id_note", QUESTION)
    page.click("text=Record the decision")
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    row = page.locator("tbody tr", has_text=reference)
    assert "More information needed" in row.inner_text()
    assert "Waiting for the organisation's answer" in row.inner_text()

    # The caseworker of the household's organisation sees the request on the household page and answers.
    worker = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    try:
        other = worker.new_page()
        other.set_default_timeout(15_000)
        _watch(other, console)
        sign_in(other, live_server.url, caseworker_a.username)
        other.goto(f"{live_server.url}/cases/{reference}/")
        requests = other.locator("#information-requests")
        assert QUESTION in requests.inner_text()
        assert requests.locator("a", has_text="add evidence for").count() == 2  # one link per person
        requests.locator("textarea[name=answer]").fill(ANSWER)
        requests.locator("button", has_text="Send the answer").click()
        other.wait_for_url(f"**/cases/{reference}/#information-requests")
        assert "Your answer has gone to the liaison" in other.locator(".messages").inner_text()
        assert ANSWER in other.locator("#information-requests").inner_text()
        assert other.locator("#information-requests textarea").count() == 0  # answered: no form now
        assert ANSWER in (other.locator("#timeline").text_content() or "")  # folded or not
    finally:
        worker.close()

    # The liaison sees the answer on the batch, opens the household and accepts.
    page.reload()
    row = page.locator("tbody tr", has_text=reference)
    assert ANSWER[:30] in row.inner_text()
    page.click(f"a.reference:has-text('{reference}')")
    page.wait_for_url(f"**/households/{reference}/")
    assert ANSWER in page.locator("#information-requests").inner_text()
    page.check("input[name=decision][value=accepted]")
    page.click("text=Record the decision")
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    assert "Accepted" in page.locator("tbody tr", has_text=reference).inner_text()
    page.goto(f"{live_server.url}/")
    row = page.locator("table.liaison-batches tbody tr", has_text=batch.reference)
    assert row.locator("td").all_inner_texts()[2:7] == ["1", "0", "1", "0", "0"]
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console

    request = InformationRequest.objects.get(entry__batch=batch)
    household_a.refresh_from_db()
    assert (request.status, request.question, request.answer) == ("closed", QUESTION, ANSWER)
    assert request.answered_by == caseworker_a and household_a.stage == "decision_received"
    trail = list(
        AuditEntry.objects.filter(household_ref=reference, action__startswith="referral.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert [a for a in trail if a != "referral.view"] == [
        "referral.request_open",
        "referral.decide",
        "referral.request_answer",
        "referral.request_close",
        "referral.decide",
    ]
