"""In a real browser: a caseworker asks Haven to capture a web page, watches the capture move on the
person's evidence page while a worker runs it (the page fetches the job's fragment again, no reload),
and opens the captured item from there. The page is served by the loopback fixture site used by the
capture tests; the guard's refusal of loopback addresses is relaxed in this test only."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from haven.evidence.models import EvidenceItem
from haven.jobs.models import Job
from tests.support.browser import sign_in
from tests.support.jobs import run_queued
from tests.support.local_sites import POST_HTML, Handler, local_site
from tests.support.local_sites import page as site_page

pytestmark = pytest.mark.e2e

SLOW = 5.0  # seconds the site takes to answer: the page polls every two, so it sees the job running

# Every state the job's fragment shows, as the page replaces it (recorded in the page: the test's own
# thread is busy being the worker meanwhile).
RECORD = """() => {
  window.havenSeen = [];
  const panel = document.querySelector(".job").parentElement;
  new MutationObserver(() => {
    const job = panel.querySelector(".job");
    if (job) { window.havenSeen.push(job.innerText); }
  }).observe(panel, { childList: true, subtree: true });
}"""


def _slowly(answer: Handler) -> Handler:
    def slow(request: BaseHTTPRequestHandler) -> None:
        time.sleep(SLOW)
        answer(request)

    return slow


def test_a_caseworker_watches_a_capture_and_opens_the_captured_item(
    live_server: Any, page: Any, caseworker_a: Any, household_a: Any, settings: Any
) -> None:
    settings.HAVEN_CAPTURE_ALLOW_PRIVATE = True  # the fixture site is on 127.0.0.1: allowed here only
    settings.HAVEN_CAPTURE_CHROMIUM = ""
    settings.HAVEN_TSA_URL = ""
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    evidence = (
        f"{live_server.url}/cases/{household_a.reference}/evidence/people/{household_a.principal.public_id}/"
    )
    post = POST_HTML.format(extra="Пикет у памятника Пушкину.").encode("cp1251")

    with local_site({"/no-war": _slowly(site_page(post))}) as site:
        sign_in(page, live_server.url, caseworker_a.username)
        page.goto(evidence)
        page.click("text=Capture a web page")
        page.fill("#id_source_url", site.url("/no-war"))
        page.select_option("#id_kind", "social_post")
        page.click("button:has-text('Capture the page')")
        page.wait_for_url(evidence)
        assert "Haven is capturing the page" in page.locator(".messages").inner_text()
        job = page.locator(".job")
        assert "Web page capture" in job.inner_text() and "Waiting for a worker" in job.inner_text()
        assert not EvidenceItem.objects.exists()  # the request only queued it
        page.evaluate(RECORD)

        assert run_queued() == 1  # the worker's loop, while the page is open and polling

        link = page.locator("a:has-text('Open the captured item')")
        link.wait_for(timeout=15_000)  # appears without a reload: the fragment was fetched again
    seen = page.evaluate("() => window.havenSeen")
    assert any("Running" in state and "Fetching the page" in state for state in seen), seen
    assert "Page captured. Someone else must now verify it." in page.locator(".job").inner_text()
    assert Job.objects.get(kind="evidence.capture").state == Job.DONE

    item = EvidenceItem.objects.get()
    link.click()
    page.wait_for_url(f"**/evidence/{item.public_id}/")
    shown = page.locator("main").inner_text()
    assert "Web capture (WARC)" in shown and "Text extracted from the page" in shown
    assert item.person == household_a.principal and item.kind == "social_post"
    assert not [line for line in console if line.startswith("error")], console
