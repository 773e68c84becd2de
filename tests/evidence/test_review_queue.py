"""The review queue: evidence awaiting this reviewer's verdict, oldest first, each item with its claims,
pictures Haven made of its file, and its metadata; verified in one click or sent back with a reason, and
then the next item."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape as html_unescape
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.audit.record import audit_seal
from haven.evidence.actions import evidence_add, evidence_verify
from haven.evidence.models import EvidenceItem
from tests.support.evidence_files import pdf, photo
from tests.support.jobs import run_queued
from tests.support.personas import client_for, make_user

pytestmark = pytest.mark.django_db

QUEUE = "/evidence/review/"
PNG = b"\x89PNG\r\n\x1a\n"


def add(
    user: Any, household: Any, title: str, data: bytes | None, *, days_ago: int = 0, **fields: Any
) -> Any:
    item = evidence_add(
        actor=Actor.for_user(user),
        person=household.principal,
        fields={"kind": "photo", "title": title, **fields},
        data=data,
        filename=f"{title}.bin",
    )
    EvidenceItem.objects.filter(pk=item.pk).update(added_at=timezone.now() - dt.timedelta(days=days_ago))
    item.refresh_from_db()
    return item


@pytest.fixture
def protocol(caseworker_a: Any, household_a: Any) -> Any:
    """The oldest item: a police protocol scanned to a two-page PDF."""
    return add(
        caseworker_a,
        household_a,
        "Протокол об АП",
        pdf(pages=2),
        days_ago=3,
        kind="court_document",
        tags=[("prior_ac_20_3_3", dt.date(2022, 3, 6))],
    )


@pytest.fixture
def picket_photo(caseworker_a: Any, household_a: Any) -> Any:
    """A photo said to show the picket of 6 March 2022, whose EXIF says 9 March, in Moscow."""
    return add(
        caseworker_a,
        household_a,
        "Фото с пикета",
        photo(taken="2022:03:09 14:05:00"),
        days_ago=2,
        tags=[("protest_participation", dt.date(2022, 3, 6))],
    )


def item_url(item: Any, tail: str = "") -> str:
    return f"{QUEUE}{item.public_id}/{tail}"


def test_the_queue_opens_at_the_oldest_item_awaiting_the_reviewer(
    reviewer_a: Any, household_a: Any, household_b: Any, caseworker_b: Any, protocol: Any, picket_photo: Any
) -> None:
    elsewhere = add(caseworker_b, household_b, "Чужое", None, days_ago=9)  # organisation B's
    done = add(household_a.owner, household_a, "Уже проверено", None, days_ago=8)
    evidence_verify(actor=Actor.for_user(reviewer_a), item=done, verdict="verified", note="ok")
    own = add(reviewer_a, household_a, "Добавлено мной", None, days_ago=7)  # two-person rule
    client = client_for(reviewer_a)

    response = client.get(QUEUE)
    assert response.status_code == 302 and response["Location"] == item_url(protocol)
    html = client.get(item_url(protocol)).content.decode()
    assert "2 items awaiting verification, oldest first." in html
    assert html.index("Протокол об АП") < html.index("Фото с пикета")
    for absent in (elsewhere, done, own):
        assert absent.title not in html


def test_only_those_who_verify_have_a_queue(caseworker_a: Any, liaison: Any, protocol: Any) -> None:
    assert client_for(caseworker_a).get(QUEUE).status_code == 403
    assert client_for(liaison).get(QUEUE).status_code == 403
    assert client_for(caseworker_a).get(item_url(protocol)).status_code == 403


def test_another_organisations_item_is_not_found(org_b: Any, protocol: Any) -> None:
    reviewer_b = make_user("vera", "reviewer", org_b)
    client = client_for(reviewer_b)
    assert client.get(item_url(protocol)).status_code == 404
    sha = protocol.files.get().blob.sha256
    assert client.get(item_url(protocol, f"files/{sha}/pictures/1/")).status_code == 404
    assert client.post(item_url(protocol, "verify/"), {"verify-note": "x"}).status_code == 404


def test_an_empty_queue_says_so(reviewer_a: Any, household_a: Any) -> None:
    html = client_for(reviewer_a).get(QUEUE).content.decode()
    assert "Nothing awaits your verdict" in html and "0 items awaiting verification" in html


def test_a_pdf_is_shown_as_pictures_of_its_first_pages_made_by_haven(
    reviewer_a: Any, protocol: Any, files_dir: Path
) -> None:
    client = client_for(reviewer_a)
    sha = protocol.files.get().blob.sha256
    html = client.get(item_url(protocol)).content.decode()  # no request draws: a worker will
    assert "Preview being prepared" in html and f"files/{sha}/pictures/1/" not in html
    assert client.get(item_url(protocol, f"files/{sha}/pictures/1/")).status_code == 404
    assert not (files_dir / "previews").exists()
    assert run_queued() == 1  # the page queued the drawing (once, however often it is shown)
    html = client.get(item_url(protocol)).content.decode()
    assert "Preview being prepared" not in html
    claimed = formats.date_format(dt.date(2022, 3, 6), "SHORT_DATE_FORMAT")
    assert (
        f'<strong>Prior administrative penalty (AC 20.3.3)</strong> <span class="muted">{claimed}</span>'
        in html
    )
    for page in (1, 2):
        assert f"files/{sha}/pictures/{page}/" in html
    assert f"files/{sha}/pictures/3/" not in html
    assert "<iframe" not in html and "<script" not in html and "style=" not in html

    picture = client.get(item_url(protocol, f"files/{sha}/pictures/1/"))
    assert picture.status_code == 200 and picture["Content-Type"] == "image/png"
    assert picture.content.startswith(PNG)
    assert picture["X-Content-Type-Options"] == "nosniff"
    assert picture["Content-Security-Policy"].startswith("sandbox")
    assert client.get(item_url(protocol, f"files/{sha}/pictures/3/")).status_code == 404

    cached = [p for p in (files_dir / "previews").rglob("*") if p.is_file()]
    assert len(cached) == 3  # two pages and their count, sealed: nothing readable on disk
    assert all(not p.read_bytes().startswith(PNG) for p in cached)
    audit_seal()  # a picture sent is a read, staged until the next write seals it into the chain
    actions = list(AuditEntry.objects.filter(target=str(protocol.public_id)).values_list("action", flat=True))
    assert "evidence.view" in actions and "evidence.preview" in actions


def test_a_photo_shows_its_metadata_beside_the_claims_and_the_contradiction(
    reviewer_a: Any, picket_photo: Any
) -> None:
    client = client_for(reviewer_a)
    client.get(item_url(picket_photo))
    run_queued()
    html = client.get(item_url(picket_photo)).content.decode()
    assert "What the file says about itself" in html
    assert "Apple iPhone 12" in html
    assert "55.76580, 37.60560" in html
    assert "Adobe Photoshop 25.0, Snapseed 2.0" in html
    assert "3 days after the activity it is said to show (Protest participation" in html

    sha = picket_photo.files.get().blob.sha256
    picture = client.get(item_url(picket_photo, f"files/{sha}/pictures/1/"))
    assert picture["Content-Type"] == "image/jpeg"
    assert (
        b"Apple" not in picture.content
        and b"Exif" not in picture.content
        and b"Snapseed" not in picture.content
    )


def test_a_text_file_is_shown_as_escaped_text(reviewer_a: Any, caseworker_a: Any, household_a: Any) -> None:
    page = add(
        caseworker_a,
        household_a,
        "Сохранённая страница",
        "<html><script>alert(1)</script>Нет войне</html>".encode(),
    )
    html = client_for(reviewer_a).get(item_url(page)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Нет войне" in html
    assert "<script>alert(1)" not in html


def test_verify_is_one_click_and_lands_on_the_next_item(
    reviewer_a: Any, protocol: Any, picket_photo: Any
) -> None:
    client = client_for(reviewer_a)
    html = client.get(item_url(protocol)).content.decode()
    note = html_unescape(re.search(r'<textarea name="verify-note"[^>]*>\n?([^<]*)</textarea>', html)[1])
    response = client.post(item_url(protocol, "verify/"), {"verify-note": note})  # the button, as it is
    assert response.status_code == 302 and response["Location"] == item_url(picket_photo)
    protocol.refresh_from_db()
    assert protocol.status == "verified"
    verification = protocol.verifications.get()
    assert verification.reviewer == reviewer_a and "they match" in verification.note
    entry = AuditEntry.objects.get(action="evidence.verify", target=str(protocol.public_id))
    assert entry.detail["verdict"] == "verified"
    assert "Verified: Протокол об АП." in client.get(response["Location"]).content.decode()


def test_send_back_needs_a_reason_and_then_lands_on_the_next_item(
    reviewer_a: Any, protocol: Any, picket_photo: Any
) -> None:
    client = client_for(reviewer_a)
    refused = client.post(item_url(picket_photo, "send-back/"), {"back-reason": "  "})
    assert refused.status_code == 400 and "This field is required." in refused.content.decode()
    picket_photo.refresh_from_db()
    assert picket_photo.status == "unreviewed"

    reason = "Снимок сделан 9 марта, а пикет 6 марта: уточните дату."
    response = client.post(item_url(picket_photo, "send-back/"), {"back-reason": reason})
    assert response.status_code == 302
    assert response["Location"] == item_url(protocol)  # the last in order: back to the first still waiting
    picket_photo.refresh_from_db()
    assert picket_photo.status == "sent_back"
    assert picket_photo.verifications.get().note == reason
    assert AuditEntry.objects.filter(action="evidence.send_back", target=str(picket_photo.public_id)).exists()
    assert item_url(picket_photo) not in client.get(item_url(protocol)).content.decode()  # out of the queue


def test_after_the_last_item_the_queue_is_empty(reviewer_a: Any, protocol: Any) -> None:
    client = client_for(reviewer_a)
    response = client.post(item_url(protocol, "verify/"), {"verify-note": "Checked"})
    assert response["Location"] == QUEUE
    assert "Nothing awaits your verdict" in client.get(QUEUE).content.decode()


def test_a_decided_item_opened_again_offers_no_buttons(reviewer_a: Any, protocol: Any) -> None:
    client = client_for(reviewer_a)
    client.post(item_url(protocol, "verify/"), {"verify-note": "Checked"})
    html = client.get(item_url(protocol)).content.decode()
    assert "This item is no longer awaiting a verdict." in html and 'id="verify-form"' not in html
    again = client.post(item_url(protocol, "send-back/"), {"back-reason": "late"}, follow=True)
    assert "was decided meanwhile (Verified): nothing was recorded" in again.content.decode()
    protocol.refresh_from_db()
    assert protocol.status == "verified" and protocol.verifications.count() == 1


def test_a_second_reviewer_clicking_verify_late_records_nothing(
    reviewer_a: Any, coordinator: Any, protocol: Any, picket_photo: Any
) -> None:
    first, second = client_for(reviewer_a), client_for(coordinator)
    second.get(item_url(protocol))  # both have the page open
    first.post(item_url(protocol, "verify/"), {"verify-note": "Checked"})
    late = second.post(item_url(protocol, "verify/"), {"verify-note": "Checked too"})
    assert late.status_code == 302 and late["Location"] == item_url(picket_photo)
    assert protocol.verifications.count() == 1


def test_the_queue_in_russian(reviewer_a: Any, picket_photo: Any) -> None:
    client = client_for(reviewer_a)
    client.cookies["django_language"] = "ru"
    html = client.get(item_url(picket_photo), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    for phrase in (
        "Что говорит о себе файл",
        "Проверить",
        "Вернуть на доработку",
        "Что заявлено",
        "Устройство",
        "через 3 дня после события",
        ">Проверка</a>",
        "В очереди",
    ):
        assert phrase in html, phrase
    assert "What the file says" not in html and "Send back" not in html


def test_the_queue_page_costs_the_same_however_long_the_queue(
    reviewer_a: Any, caseworker_a: Any, household_a: Any, protocol: Any
) -> None:
    client = client_for(reviewer_a)
    client.get(item_url(protocol))  # the pictures are drawn once, by a worker, then read from their cache
    run_queued()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(item_url(protocol)).status_code == 200
        return len(captured)

    short = queries()
    for n in range(10):
        add(
            caseworker_a,
            household_a,
            f"Пост {n}",
            None,
            kind="social_post",
            tags=[("public_antiwar_statement", None)],
        )
    assert queries() == short


def test_beside_the_item_the_queue_lists_the_next_dozen_and_counts_the_rest(
    caseworker_a: Any, reviewer_a: Any, household_a: Any
) -> None:
    items = [add(caseworker_a, household_a, f"Пост {n:02d}", None, days_ago=30 - n) for n in range(15)]
    html = client_for(reviewer_a).get(item_url(items[0])).content.decode()
    side = html.split('id="waiting-title"')[1].split("</nav>")[0]
    assert side.count("<li>") == 12 and "Пост 11" in side and "Пост 12" not in side
    assert "And 3 more." in side
    assert "15 items awaiting verification, oldest first." in html
