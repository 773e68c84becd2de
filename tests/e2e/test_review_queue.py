"""In a real browser: a reviewer opens the queue from the navigation, sees the pages of a PDF drawn by
Haven and a photo's metadata beside its claims, verifies one item in one click, sends the next back with
a reason, and each time lands on the next item. Chromium reports any Content-Security-Policy violation
on its console, so an inline script or style on the page fails the test."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.evidence.actions import evidence_add
from haven.evidence.models import EvidenceItem
from haven.evidence.preview_jobs import previews_queue
from tests.support.browser import sign_in
from tests.support.evidence_files import pdf, photo
from tests.support.jobs import run_queued

pytestmark = pytest.mark.e2e


def _add(
    user: Any, household: Any, title: str, data: bytes, days_ago: int, drawn: bool = True, **fields: Any
) -> EvidenceItem:
    """An item as the upload page adds it; unless ``drawn`` is false, the worker has drawn its pictures."""
    item = evidence_add(
        actor=Actor.for_user(user),
        person=household.principal,
        fields={"kind": "photo", "title": title, **fields},
        data=data,
        filename="file",
    )
    EvidenceItem.objects.filter(pk=item.pk).update(added_at=timezone.now() - dt.timedelta(days=days_ago))
    if drawn:
        previews_queue(item)
        run_queued()
    return item


def test_a_reviewer_verifies_one_item_and_sends_the_next_back(
    live_server: Any, page: Any, caseworker_a: Any, reviewer_a: Any, household_a: Any
) -> None:
    protocol = _add(
        caseworker_a, household_a, "Протокол об АП", pdf(pages=2), 3, drawn=False, kind="court_document"
    )
    picture = _add(
        caseworker_a,
        household_a,
        "Фото с пикета",
        photo(taken="2022:03:09 14:05:00"),
        2,
        tags=[("protest_participation", dt.date(2022, 3, 6))],
    )
    last = _add(caseworker_a, household_a, "Пост", "Нет войне".encode(), 1, kind="social_post")
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))

    sign_in(page, live_server.url, reviewer_a.username)
    page.click(".site-nav >> text=Review")
    page.wait_for_url(f"**/evidence/review/{protocol.public_id}/")
    assert page.locator("h1").inner_text() == "Протокол об АП"
    assert "3 items awaiting verification, oldest first." in page.locator("#queue-count").inner_text()
    assert "Preview being prepared" in page.locator(".preview-pending").inner_text()  # not drawn yet
    assert page.locator(".review-pictures img").count() == 0
    run_queued()  # the worker draws the pages the page asked for, while it is open
    page.reload()
    pages = page.locator(".review-pictures img")
    assert pages.count() == 2
    pages.first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.review-pictures img').naturalWidth > 0")
    assert page.locator(".review-pictures img").first.evaluate("i => i.naturalWidth") > 100

    page.click("#verify-form button[type=submit]")  # one action
    page.wait_for_url(f"**/evidence/review/{picture.public_id}/")
    assert "Verified: Протокол об АП." in page.locator(".messages").inner_text()
    panel = page.locator(".metadata-panel")
    assert "Apple iPhone 12" in panel.inner_text()
    assert "55.76580, 37.60560" in panel.inner_text()
    assert "3 days after the activity it is said to show (Protest participation" in panel.inner_text()
    page.wait_for_function("() => document.querySelector('.review-pictures img').naturalWidth > 0")

    page.fill("#id_back-reason", "Снимок сделан 9 марта, пикет был 6 марта: уточните дату.")  # two actions
    page.click("#send-back-form button[type=submit]")
    page.wait_for_url(f"**/evidence/review/{last.public_id}/")
    assert "Sent back for correction: Фото с пикета." in page.locator(".messages").inner_text()
    assert "Нет войне" in page.locator(".review-text").inner_text()

    assert EvidenceItem.objects.get(pk=protocol.pk).status == "verified"
    assert EvidenceItem.objects.get(pk=picture.pk).status == "sent_back"
    assert EvidenceItem.objects.get(pk=last.pk).status == "unreviewed"
    assert not [line for line in console if line.startswith("error")], console


def test_the_queue_fits_a_phone_in_russian(
    live_server: Any, browser: Any, caseworker_a: Any, reviewer_a: Any, household_a: Any
) -> None:
    picture = _add(
        caseworker_a,
        household_a,
        "Фото с пикета у памятника Пушкину",
        photo(taken="2022:03:09 14:05:00", size=(1200, 900)),
        2,
        tags=[
            ("protest_participation", dt.date(2022, 3, 6)),
            ("public_antiwar_statement", dt.date(2022, 3, 6)),
        ],
    )
    context = browser.new_context(locale="ru-RU", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{live_server.url}/login/")
        page.locator(
            "summary.menu-toggle"
        ).click()  # a phone's header folds the language switch into the menu
        page.click("button[value=ru]")
        sign_in(page, live_server.url, reviewer_a.username)
        page.goto(f"{live_server.url}/evidence/review/")
        page.wait_for_url(f"**/evidence/review/{picture.public_id}/")
        assert "Что говорит о себе файл" in page.locator(".metadata-panel").inner_text()
        page.wait_for_function("() => document.querySelector('.review-pictures img').naturalWidth > 0")
        layout = page.locator(".review-layout")
        assert layout.evaluate("e => e.scrollWidth <= e.clientWidth")
        assert layout.evaluate("e => e.getBoundingClientRect().right") <= 390
        image = page.locator(".review-pictures img").first
        assert image.evaluate("i => i.getBoundingClientRect().right") <= 390
        assert page.locator("#send-back-form button").is_visible()
    finally:
        context.close()
