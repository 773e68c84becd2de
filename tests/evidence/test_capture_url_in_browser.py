"""``capture_url`` through the browser: the item keeps what the browser saw (WARC, WACZ, screenshot, PDF,
text after scripts, media, the request log), every file is in the custody entry and timestamped, a
blocked request is in the log and told to the caseworker, and the job reports its stages. Only the fixture
site's address, 127.0.0.1, is let through, by a setting these tests alone change."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_verify
from haven.evidence.capture import capture_url
from haven.evidence.models import EvidenceItem
from haven.evidence.storage import read_blob
from haven.evidence.timestamps import timestamp_pending
from haven.jobs.models import Job
from haven_core.capture.wacz import check_wacz
from tests.support.browser_sites import FORBIDDEN_PAGE, js_routes, png
from tests.support.evidence_bundle import export, members, rewrite, verify
from tests.support.jobs import run_queued
from tests.support.local_sites import local_site, page
from tests.support.personas import client_for
from tests.support.timestamp_authority import Authority, built_authority_fixture, needs_openssl, tsa_fixture  # noqa: F401

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Chromium is not installed"),
]
BROWSER_ROLES = {
    "capture_warc",
    "capture_wacz",
    "capture_screenshot",
    "capture_pdf",
    "capture_text",
    "capture_media",
    "capture_log",
}


@pytest.fixture
def in_browser(settings: Any) -> None:
    settings.HAVEN_CAPTURE_ALLOW_PRIVATE = False
    settings.HAVEN_CAPTURE_ALLOW_ADDRESSES = ["127.0.0.1"]
    settings.HAVEN_CAPTURE_CHROMIUM = CHROMIUM
    settings.HAVEN_TSA_URL = ""


def capture(caseworker: Any, household: Any, url: str) -> EvidenceItem:
    return capture_url(
        actor=Actor.for_user(caseworker),
        person=household.principal,
        url=url,
        fields={"kind": "social_post", "title": "Пост о пикете"},
    )


def files_of(item: EvidenceItem) -> dict[str, list[bytes]]:
    found: dict[str, list[bytes]] = {}
    for item_file in item.files.select_related("blob"):
        found.setdefault(item_file.role, []).append(read_blob(item_file.blob))
    return found


def test_the_item_keeps_what_the_browser_saw(caseworker_a: Any, household_a: Any, in_browser: None) -> None:
    with local_site(js_routes()) as site:
        item = capture(caseworker_a, household_a, site.url("/post"))
    files = files_of(item)
    assert set(files) == BROWSER_ROLES and all(len(kept) == 1 for kept in files.values())
    assert "Сегодня мы вышли против войны." in files["capture_text"][0].decode()
    assert files["capture_screenshot"][0].startswith(b"\x89PNG") and files["capture_pdf"][0].startswith(
        b"%PDF-"
    )
    assert files["capture_media"] == [png()]
    responses = [
        r.rec_headers.get_header("WARC-Target-URI").rpartition("/")[2]
        for r in ArchiveIterator(io.BytesIO(files["capture_warc"][0]))
        if r.rec_type == "response"
    ]
    assert responses == ["post", "app.js", "post.json", "photo.png"]
    assert check_wacz(files["capture_wacz"][0]) == []
    log = json.loads(files["capture_log"][0])
    assert [(r["type"], r["outcome"], r["status"]) for r in log["requests"]] == [
        ("document", "fetched", 200),
        ("script", "fetched", 200),
        ("fetch", "fetched", 200),
        ("image", "fetched", 200),
    ]
    assert item.capture_notes == []


def test_every_file_is_in_the_custody_entry_and_timestamped(
    caseworker_a: Any, household_a: Any, in_browser: None, tsa: Authority
) -> None:
    with local_site(js_routes()) as site:
        item = capture(caseworker_a, household_a, site.url("/post"))
    entry = AuditEntry.objects.get(action="evidence.capture", target=str(item.public_id))
    hashes = {f.role: f.blob.sha256 for f in item.files.select_related("blob")}
    assert entry.detail["files"] == {role: sha for role, sha in hashes.items() if role != "capture_media"}
    assert entry.detail["media"] == [hashlib.sha256(png()).hexdigest()]
    assert (
        entry.detail["method"] == "browser" and entry.detail["requests"] == 4 and entry.detail["blocked"] == 0
    )
    assert "127.0.0.1" not in json.dumps(entry.detail)
    assert timestamp_pending().stamped == len(BROWSER_ROLES)
    assert all(f.blob.timestamps.count() == 1 for f in item.files.select_related("blob"))


def test_a_blocked_subresource_is_logged_and_told(
    caseworker_a: Any, household_a: Any, in_browser: None
) -> None:
    with (
        local_site({"/secret.png": page(png(), content_type="image/png")}, host="127.0.0.2") as inside,
        local_site() as site,
    ):
        forbidden = f"http://127.0.0.2:{inside.port}"
        body = FORBIDDEN_PAGE.format(forbidden=forbidden, socket=f"ws://127.0.0.2:{inside.port}")
        site.routes["/trap"] = page(body.encode(), content_type="text/html; charset=utf-8")
        item = capture(caseworker_a, household_a, site.url("/trap"))
        assert inside.requests == []
    log = json.loads(files_of(item)["capture_log"][0])
    blocked = {r["url"]: r["reason"] for r in log["requests"] if r["outcome"] == "blocked"}
    assert blocked[f"{forbidden}/secret.png"] == "private_address"
    assert blocked[f"{forbidden}/internal-api"] == "private_address"
    assert f"Blocked: {forbidden}/secret.png (private_address)" in files_of(item)["capture_text"][0].decode()
    assert item.capture_notes == [
        "The page tried to load something from an address Haven does not fetch from: it was blocked "
        "(see the capture log)."
    ]
    entry = AuditEntry.objects.get(action="evidence.capture")
    assert entry.detail["blocked"] == 4
    assert entry.detail["blocked_reasons"] == ["method", "private_address", "websocket"]
    assert "127.0.0.2" not in json.dumps(entry.detail)


def test_the_capture_job_reports_the_browser_stages(
    caseworker_a: Any, household_a: Any, in_browser: None
) -> None:
    person = household_a.principal.public_id
    url = f"/cases/{household_a.reference}/evidence/people/{person}/capture/"
    with local_site(js_routes()) as site:
        client_for(caseworker_a).post(url, {"source_url": site.url("/post"), "kind": "social_post"})
        run_queued()
    job = Job.objects.get(kind="evidence.capture")
    assert job.state == Job.DONE, job.error
    assert job.total == 3  # fetching, rendering (and scrolling), keeping
    assert job.message == "Keeping the screenshot, PDF and files"
    assert set(files_of(EvidenceItem.objects.get())) == BROWSER_ROLES


def test_without_chromium_the_capture_falls_back_to_the_html(
    caseworker_a: Any, household_a: Any, in_browser: None, settings: Any
) -> None:
    settings.HAVEN_CAPTURE_CHROMIUM = "/nonexistent/chromium"
    with local_site(js_routes()) as site:
        item = capture(caseworker_a, household_a, site.url("/post"))
        assert site.requests == ["/post"]
    assert set(files_of(item)) == {"capture_warc", "capture_text"}
    assert AuditEntry.objects.get(action="evidence.capture").detail["method"] == "offline"
    assert item.capture_notes == ["No screenshot was made: Chromium is not available on this server."]


@needs_openssl
def test_verify_bundle_checks_inside_the_wacz(
    caseworker_a: Any, reviewer_a: Any, household_a: Any, in_browser: None, tsa: Authority, tmp_path: Path
) -> None:
    with local_site(js_routes()) as site:
        item = capture(caseworker_a, household_a, site.url("/post"))
    evidence_verify(actor=Actor.for_user(reviewer_a), item=item, verdict="verified", note="Сверено")
    timestamp_pending()
    path = tmp_path / "b.tar"
    export(household_a, path)
    ok, report = verify(path)
    assert ok, report
    assert "with the contents of 1 WACZ web captures" in report
    entries = members(path)
    index = next(i for i, (name, _d) in enumerate(entries) if name.endswith(".wacz"))
    name, data = entries[index]
    entries[index] = (name, data.replace(b"api/post.json", b"api/p0st.json", 1))
    rewrite(path, entries)
    ok, report = verify(path)
    assert not ok, report
    assert f"FAILED  {name}: its SHA-256 does not match the manifest" in report
    assert f"FAILED  {name}: indexes/index.cdxj is altered or damaged (its ZIP checksum fails)" in report


def test_the_new_notes_and_stages_are_in_russian() -> None:
    from django.utils import translation

    from haven.evidence.capture import NOTES
    from haven.evidence.capture_browser import stage_reporter

    said: list[str] = []
    with translation.override("ru"):
        assert str(NOTES["blocked"]).startswith("Страница пыталась загрузить что-то с адреса")
        stage_reporter(lambda done, total, message: said.append(message))("rendering")
    assert said == ["Страница открывается в браузере и прокручивается"]


def test_the_item_page_lists_the_capture_files(caseworker_a: Any, household_a: Any, in_browser: None) -> None:
    from haven.evidence.views.lookup import item_url

    with local_site(js_routes()) as site:
        item = capture(caseworker_a, household_a, site.url("/post"))
    response = client_for(caseworker_a).get(item_url(item))
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Web capture for replay (WACZ)",
        "The page printed as PDF",
        "Log of the page&#x27;s requests",
    ):
        assert label in html


def test_a_browser_that_fails_leaves_the_html_as_without_one(
    caseworker_a: Any, household_a: Any, in_browser: None, settings: Any
) -> None:
    settings.HAVEN_CAPTURE_CHROMIUM = shutil.which("true")  # a program that is not a browser
    with local_site(js_routes()) as site:
        item = capture(caseworker_a, household_a, site.url("/post"))
        assert site.requests == ["/post"]  # fetched once: the fallback keeps what the guard already had
    assert set(files_of(item)) == {"capture_warc", "capture_text"}
    assert (
        item.capture_notes[0]
        == "The browser could not open the page: only its HTML was kept, as Haven fetched it."
    )


def test_the_text_file_has_the_text_of_an_embedded_post(
    caseworker_a: Any, household_a: Any, in_browser: None
) -> None:
    from tests.support.browser_sites import telegram_routes

    routes = telegram_routes()
    routes["/article"] = page(
        '<p>Статья о задержании</p><iframe src="/svobodny_ural/119?embed=1"></iframe>'.encode(),
        content_type="text/html; charset=utf-8",
    )
    with local_site(routes) as site:
        item = capture(caseworker_a, household_a, site.url("/article"))
    text = files_of(item)["capture_text"][0].decode()
    assert (
        text.index("Статья о задержании")
        < text.index("--- embedded frame ---")
        < text.index("Видео с акции.")
    )
