"""``capture_url``: the page becomes an original item with its WARC, text and screenshot, audited, and a
refused or failed capture leaves nothing behind. The URL never reaches the audit trail."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from typing import Any

import pytest
from django.utils import translation

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import NotAllowed
from haven.evidence.capture import CaptureError, capture_url
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.storage import read_blob
from tests.support.local_sites import POST_HTML, endless, local_site, page, redirect

POST = POST_HTML.format(extra="").encode("cp1251")
FIELDS = {
    "kind": "social_post",
    "title": "Пост о войне",
    "author": "@kotova",
    "published_on": dt.date(2022, 2, 24),
    "language": "ru",
    "followers": 1200,
    "tags": [("public_antiwar_statement", dt.date(2022, 2, 24))],
}
SECRET_PATH = "/kotova-yulia/posts/no-war"  # stands for a URL that identifies the person


@pytest.fixture
def local_captures(settings: Any) -> None:
    settings.HAVEN_CAPTURE_ALLOW_PRIVATE = True
    settings.HAVEN_CAPTURE_CHROMIUM = ""  # screenshots have their own test
    settings.HAVEN_TSA_URL = ""


def principal(household: Any) -> Any:
    return household.people.get(relationship="principal")


def files_of(item: EvidenceItem) -> dict[str, bytes]:
    return {f.role: read_blob(f.blob) for f in item.files.select_related("blob")}


def test_a_captured_page_is_kept_as_warc_and_text(
    caseworker_a: Any, household_a: Any, local_captures: None
) -> None:
    with local_site({SECRET_PATH: page(POST)}) as site:
        url = site.url(SECRET_PATH)
        item = capture_url(
            actor=Actor.for_user(caseworker_a), person=principal(household_a), url=url, fields=FIELDS
        )
    item.refresh_from_db()
    assert item.source_url == url and item.kind == "social_post" and item.status == "unreviewed"
    assert item.followers == 1200 and [t.tag for t in item.tags.all()] == ["public_antiwar_statement"]
    files = files_of(item)
    assert set(files) == {"capture_warc", "capture_text"}
    assert files["capture_warc"].startswith(b"WARC/1.1\r\n") and POST in files["capture_warc"]
    assert f"WARC-Target-URI: {url}".encode() in files["capture_warc"]
    text = files["capture_text"].decode("utf-8")
    assert f"URL: {url}" in text and "Я против войны в Украине." in text
    assert "Screenshot: none (disabled)" in text
    assert item.capture_notes == ["No screenshot was made: screenshots are switched off on this server."]


def test_the_capture_is_in_the_custody_log_without_the_url(
    caseworker_a: Any, household_a: Any, local_captures: None
) -> None:
    with local_site({"/start": redirect(SECRET_PATH), SECRET_PATH: page(POST)}) as site:
        item = capture_url(
            actor=Actor.for_user(caseworker_a),
            person=principal(household_a),
            url=site.url("/start"),
            fields=FIELDS,
        )
    entries = list(AuditEntry.objects.filter(target=str(item.public_id)).order_by("seq"))
    assert [e.action for e in entries] == ["evidence.add", "evidence.capture"]
    capture = entries[1]
    assert capture.actor == caseworker_a and capture.household_ref == household_a.reference
    assert capture.detail["redirects"] == 1 and capture.detail["status"] == 200
    assert set(capture.detail["files"]) == {"capture_warc", "capture_text"}
    everything = json.dumps([[e.target, e.detail] for e in AuditEntry.objects.all()], ensure_ascii=False)
    for secret in ("kotova-yulia", "no-war", "127.0.0.1", "/start"):
        assert secret not in everything


@pytest.mark.skipif(
    not shutil.which("/usr/bin/chromium"), reason="Chromium (/usr/bin/chromium) is not installed"
)
def test_a_capture_has_a_screenshot_when_chromium_is_there(
    caseworker_a: Any, household_a: Any, local_captures: None, settings: Any
) -> None:
    settings.HAVEN_CAPTURE_CHROMIUM = "/usr/bin/chromium"
    with local_site({"/p": page(POST)}) as site:
        item = capture_url(
            actor=Actor.for_user(caseworker_a),
            person=principal(household_a),
            url=site.url("/p"),
            fields=FIELDS,
        )
        assert site.requests == ["/p"]  # fetched once, by Haven's guard; the browser was given that answer
    screenshot = item.files.get(role="capture_screenshot")
    assert screenshot.blob.media_type == "image/png" and read_blob(screenshot.blob).startswith(b"\x89PNG")
    assert item.capture_notes == []


@pytest.mark.parametrize(
    "path", ["http://127.0.0.1:{port}/p", "http://localhost:{port}/p", "http://[::1]:{port}/p"]
)
def test_without_the_setting_local_addresses_are_refused(
    caseworker_a: Any, household_a: Any, settings: Any, path: str
) -> None:
    settings.HAVEN_CAPTURE_ALLOW_PRIVATE = False
    with local_site({"/p": page(POST)}) as site:
        with pytest.raises(CaptureError) as refused:
            url = path.format(port=site.port)
            capture_url(
                actor=Actor.for_user(caseworker_a), person=principal(household_a), url=url, fields=FIELDS
            )
        assert site.requests == []
    assert refused.value.code == "private_address"
    assert "private or local network" in str(refused.value)
    assert (
        not EvidenceItem.objects.exists()
        and not AuditEntry.objects.filter(action__startswith="evidence.").exists()
    )


@pytest.mark.parametrize(
    ("routes", "code"),
    [
        ({"/p": endless()}, "too_large"),
        ({"/p": redirect("/p")}, "too_many_redirects"),
        ({"/p": page(b"%PDF-1.7", content_type="application/pdf")}, "not_html"),
    ],
)
def test_a_failed_capture_stores_nothing(
    caseworker_a: Any, household_a: Any, local_captures: None, settings: Any, routes: Any, code: str
) -> None:
    settings.HAVEN_CAPTURE_MAX_BYTES = 64 * 1024
    with local_site(routes) as site, pytest.raises(CaptureError) as failed:
        capture_url(
            actor=Actor.for_user(caseworker_a),
            person=principal(household_a),
            url=site.url("/p"),
            fields=FIELDS,
        )
    assert failed.value.code == code
    assert not EvidenceItem.objects.exists() and not ItemFile.objects.exists()


def test_the_messages_are_in_russian(
    caseworker_a: Any, household_a: Any, local_captures: None, settings: Any
) -> None:
    settings.HAVEN_CAPTURE_MAX_BYTES = 64 * 1024
    with (
        local_site({"/p": endless()}) as site,
        translation.override("ru"),
        pytest.raises(CaptureError) as failed,
    ):
        capture_url(
            actor=Actor.for_user(caseworker_a),
            person=principal(household_a),
            url=site.url("/p"),
            fields=FIELDS,
        )
    assert str(failed.value) == "Страница больше, чем Haven сохраняет (0.0625 МБ)."


def test_another_organisation_cannot_capture_and_nothing_is_fetched(
    caseworker_b: Any, household_a: Any, local_captures: None
) -> None:
    with local_site({"/p": page(POST)}) as site:
        with pytest.raises(NotAllowed):
            capture_url(
                actor=Actor.for_user(caseworker_b),
                person=principal(household_a),
                url=site.url("/p"),
                fields=FIELDS,
            )
        assert site.requests == []
    assert not EvidenceItem.objects.exists()
