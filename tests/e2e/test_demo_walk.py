"""Issue 15's "done means", walked in a real browser from the demo's own data: `haven demo` seeds the
coalition (a smaller one, for time); the demo `coordinator` runs a selection with the Selection page's
defaults; `coordinator2` approves it and makes a referral batch for the demo `liaison`; the liaison finds
the batch on their home page, opens a household and asks for more information; the demo caseworker of the
household's organisation finds the request on their home page and answers it; the liaison reads the answer
on the batch and accepts. Each person starts from their own home page after signing in with the demo
password (and, for the coordinators and the liaison, an authenticator), and follows links only.

The liaison works in French (HAVEN_E2E_LIAISON_LANGUAGE=en: in English). With HAVEN_E2E_SHOTS=DIR each
step is also saved as a screenshot in DIR (to look at, not kept in the repository)."""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from haven.accounts.models import Membership
from haven.audit.models import AuditEntry
from haven.demo.users import DEMO_PASSWORD
from haven.referral.models import InformationRequest, ReferralBatch, ReferralEntry
from haven.selection.models import SelectionRun
from tests.support.accounts import give_authenticator
from tests.support.browser import sign_in

pytestmark = pytest.mark.e2e

HOUSEHOLDS = 200  # the demo's coalition, smaller than its default 1,000 so that it seeds in seconds
QUESTION = "Please send the removal order with its date, and a translation of the summons."
ANSWER = "The removal order is now in the evidence, with a certified translation of the summons."
SHOTS = os.environ.get("HAVEN_E2E_SHOTS")
# Canada's officers work in French as well as English: the liaison switches to French on their home page.
LIAISON_LANGUAGE = os.environ.get("HAVEN_E2E_LIAISON_LANGUAGE", "fr")
WORDS = {
    "en": {
        "record": "Record the decision",
        "more_information": "More information needed",
        "waiting": "Waiting for the organisation's answer",
        "accepted": "Accepted",
    },
    "fr": {
        "record": "Enregistrer la décision",
        "more_information": "Informations complémentaires demandées",
        "waiting": "En attente de la réponse de l’organisation",
        "accepted": "Accepté",
    },
}
SAYS = WORDS[LIAISON_LANGUAGE]


class Walk:
    """One browser context per person, screenshots numbered in the order of the walk."""

    def __init__(self, browser: Any, url: str, console: list[str]) -> None:
        self.browser, self.url, self.console, self.step = browser, url, console, 0

    def person(self, username: str, *, authenticator: bool = False) -> Any:
        """A new browser signed in as the demo ``username``, on their home page."""
        context = self.browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        user = get_user_model().objects.get(username=username)
        secret = give_authenticator(user) if authenticator else None
        sign_in(page, self.url, username, secret, password=DEMO_PASSWORD)
        page.wait_for_url(f"{self.url}/")
        return page

    def shot(self, page: Any, name: str) -> None:
        self.step += 1
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SHOTS) / f"{self.step:02d}-{name}.png"), full_page=True)


def test_from_the_demo_selection_to_the_liaison_accepting_after_an_answer(
    live_server: Any, browser: Any, db: Any
) -> None:
    call_command("demo", "--no-serve", households=HOUSEHOLDS, stdout=StringIO(), stderr=StringIO())
    console: list[str] = []
    walk = Walk(browser, live_server.url, console)

    # The coordinator: home page → Selection → run with the page's defaults.
    page = walk.person("coordinator", authenticator=True)
    walk.shot(page, "coordinator-home")
    page.click("nav.site-nav >> text=Selection")
    page.wait_for_url("**/selection/")
    walk.shot(page, "coordinator-selection")
    assert page.locator("#not-ready").is_visible()  # the emergencies not ready, above the form
    assert page.input_value("#id_quota") == "100" and page.is_checked("#id_emergency_first")  # defaults
    page.click("text=Run the selection")
    page.wait_for_url("**/selection/runs/**")
    walk.shot(page, "coordinator-run")
    run = SelectionRun.objects.get(approved_at__isnull=True)  # the demo's own run is approved already
    assert run.households_selected > 0 and run.created_by.username == "coordinator"
    approval = page.locator("#approval").inner_text()
    assert "another coordinator (or an administrator) approves it" in approval
    assert page.locator("text=Approve this selection").count() == 0  # four eyes: not by its maker
    page.context.close()

    # The second coordinator: home page → the run waiting for approval → approve → referral batch.
    page = walk.person("coordinator2", authenticator=True)
    walk.shot(page, "coordinator2-home")
    page.click(f"a[href*='{run.public_id}']")
    page.wait_for_url(f"**/selection/runs/{run.public_id}/")
    assert "Every selected household can be referred now." in page.locator("#approval").inner_text()
    page.click("text=Approve this selection")
    page.wait_for_url(f"**/selection/runs/{run.public_id}/")
    walk.shot(page, "coordinator2-approved")
    assert "Made by coordinator, approved by coordinator2." in page.locator("#approval").inner_text()
    page.click("text=Create referral batch")
    page.wait_for_url("**/referrals/?run=*")
    walk.shot(page, "coordinator2-new-batch")
    # The run, the only liaison and the officer's profile come chosen: nothing to pick.
    assert page.locator("#id_run option:checked").get_attribute("value") == str(run.pk)
    assert page.locator("#id_recipient option:checked").inner_text() == "liaison"
    assert page.input_value("#id_profile") == "officer"
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/referrals/*-*/")
    walk.shot(page, "coordinator2-batch")
    assert "Selection made by coordinator, approved by coordinator2" in page.locator("main").inner_text()
    batch = ReferralBatch.objects.get(run=run)
    assert batch.entries.count() == run.households_selected and batch.recipient.username == "liaison"
    assert batch.created_by.username == "coordinator2" and not batch.skipped
    page.context.close()

    # The liaison: home page (switched to their language) → the new batch → its first household → more
    # information needed.
    page = walk.person("liaison", authenticator=True)
    page.click(f"form.language-switch button[value={LIAISON_LANGUAGE}]")
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == LIAISON_LANGUAGE
    walk.shot(page, "liaison-home")
    row = page.locator("table.liaison-batches tbody tr", has_text=batch.reference)
    assert row.locator("td").all_inner_texts()[2:4] == [str(batch.entries.count())] * 2  # all awaiting
    row.locator("a.reference").click()
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    walk.shot(page, "liaison-batch")
    first = page.locator("tbody tr a.reference").first
    reference = first.inner_text()
    first.click()
    page.wait_for_url(f"**/households/{reference}/")
    walk.shot(page, "liaison-household")
    page.check("input[name=decision][value=more_information]")
    page.fill("#id_note", QUESTION)
    page.click(f"text={SAYS['record']}")
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    walk.shot(page, "liaison-asked")
    asked = page.locator("tbody tr", has_text=reference).inner_text()
    assert SAYS["more_information"] in asked and SAYS["waiting"] in asked

    # The caseworker of the household's organisation: home page → the request → the answer.
    entry = ReferralEntry.objects.select_related("household").get(batch=batch, household__reference=reference)
    caseworker = (
        Membership.objects.filter(role="caseworker", organisation=entry.household.organisation)
        .select_related("user")
        .get(user__username__startswith="caseworker")
        .user
    )
    worker = walk.person(caseworker.username)
    walk.shot(worker, "caseworker-home")
    requests = worker.locator("section", has_text="Liaison requests awaiting an answer")
    requests.locator("a", has_text=QUESTION[:40]).click()
    worker.wait_for_url(f"**/cases/{reference}/#information-requests")
    walk.shot(worker, "caseworker-household")
    answer = worker.locator("#information-requests")
    answer.locator("textarea[name=answer]").fill(ANSWER)
    answer.locator("button", has_text="Send the answer").click()
    worker.wait_for_url(f"**/cases/{reference}/#information-requests")
    walk.shot(worker, "caseworker-answered")
    assert "Your answer has gone to the liaison" in worker.locator(".messages").inner_text()
    worker.context.close()

    # The liaison, from their home page again: the answer on the batch, then accept.
    page.click("a.brand")
    page.wait_for_url(f"{live_server.url}/")
    walk.shot(page, "liaison-home-answered")
    home = page.locator("table.liaison-batches tbody tr", has_text=batch.reference)
    assert home.locator(".badge").count() == 1  # "1 answered", beside the count of requests
    home.locator("a.reference").click()
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    row = page.locator("tbody tr", has_text=reference)
    assert ANSWER[:30] in row.inner_text()
    walk.shot(page, "liaison-batch-answered")
    row.locator("a.reference").click()
    page.wait_for_url(f"**/households/{reference}/")
    assert ANSWER in page.locator("#information-requests").inner_text()
    walk.shot(page, "liaison-household-answered")
    page.check("input[name=decision][value=accepted]")
    page.click(f"text={SAYS['record']}")
    page.wait_for_url(f"**/referrals/{batch.public_id}/")
    walk.shot(page, "liaison-accepted")
    assert SAYS["accepted"] in page.locator("tbody tr", has_text=reference).inner_text()
    page.click("a.brand")
    page.wait_for_url(f"{live_server.url}/")
    counts = page.locator("table.liaison-batches tbody tr", has_text=batch.reference).locator("td.num")
    households = batch.entries.count()
    assert counts.all_inner_texts() == [str(households), str(households - 1), "1", "0", "0"]
    page.context.close()
    assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console

    request = InformationRequest.objects.get(entry=entry)
    assert (request.status, request.answer, request.answered_by) == ("closed", ANSWER, caseworker)
    entry.household.refresh_from_db()
    assert entry.household.stage == "decision_received"
    trail = AuditEntry.objects.filter(household_ref=reference).exclude(action="referral.view")
    assert [
        (e.action, e.actor.username) for e in trail.filter(action__startswith="referral.").order_by("id")
    ] == [
        ("referral.request_open", "liaison"),
        ("referral.decide", "liaison"),
        ("referral.request_answer", caseworker.username),
        ("referral.request_close", "liaison"),
        ("referral.decide", "liaison"),
    ]
