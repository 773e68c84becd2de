"""The evidence pages: the household's Evidence section, uploading with polite refusals, verifying, and
who may open what."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry, StagedEntry
from haven.evidence import capture_contract
from haven.evidence.actions import evidence_verify, item_custody
from haven.evidence.models import EvidenceItem, StoredBlob
from tests.support import evidence_files
from tests.support.evidence import evidence_url, new_url, upload
from tests.support.jobs import run_queued
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def stored_files(files_dir: Path) -> list[Path]:
    return [p for p in files_dir.rglob("*") if p.is_file()] if files_dir.exists() else []


def test_the_household_page_shows_each_persons_evidence_and_documentation(
    caseworker_a: Any, household_a: Any, post: EvidenceItem
) -> None:
    html = client_for(caseworker_a).get(f"/cases/{household_a.reference}/").content.decode()
    assert 'id="evidence"' in html and 'href="#evidence"' in html
    assert "Пост о пикете" in html and "Not yet reviewed" in html
    assert "Not yet well documented" in html and "0 of 3 independent verified items needed" in html
    assert "Does not count: not yet verified." in html
    assert "at least 3 independent verified items" in html  # the criteria are shown
    assert "Миша" in html and "No evidence yet." in html  # the child, with nothing


def test_an_upload_is_typed_from_its_bytes_not_its_name(caseworker_a: Any, household_a: Any) -> None:
    response = upload(
        client_for(caseworker_a),
        household_a,
        "court-order.pdf",
        evidence_files.png(),
        tag_open_criminal_case="on",
        tag_open_criminal_case_date="2023-05-17",
    )
    item = EvidenceItem.objects.get()
    assert response.status_code == 302 and response["Location"] == evidence_url(
        household_a, f"{item.public_id}/"
    )
    blob = item.files.get().blob
    assert blob.media_type == "image/png"
    assert [(t.tag, str(t.activity_date)) for t in item.tags.all()] == [("open_criminal_case", "2023-05-17")]
    download = client_for(caseworker_a).get(
        evidence_url(household_a, f"{item.public_id}/files/{blob.sha256}/download/")
    )
    assert download["Content-Type"] == "image/png"
    assert 'filename="court-order.pdf.png"' in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("posts.zip", evidence_files.zip_of(), "Archives and compressed files"),
        ("post.txt.gz", evidence_files.gzip_bomb(), "Archives and compressed files"),
        ("statement.docx", evidence_files.docx(), "Save it as PDF"),
        ("photo.png", evidence_files.png(100_000, 100_000), "decompression bomb"),
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "this file is image/svg+xml"),
    ],
)
def test_refused_uploads_are_form_errors_beside_the_field_and_nothing_is_stored(
    caseworker_a: Any, household_a: Any, files_dir: Path, name: str, data: bytes, message: str
) -> None:
    response = upload(client_for(caseworker_a), household_a, name, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_upload_error"' in html and message in html
    assert not EvidenceItem.objects.exists() and not StoredBlob.objects.exists()
    assert stored_files(files_dir) == []


def test_a_file_over_the_limit_is_refused_and_not_kept_in_memory(
    caseworker_a: Any, household_a: Any, settings: Any, files_dir: Path
) -> None:
    settings.HAVEN_UPLOAD_MAX_BYTES = 1000
    response = upload(client_for(caseworker_a), household_a, "scan.pdf", evidence_files.PDF + b"%" * 2000)
    assert response.status_code == 200
    assert "the limit is 1000" in response.content.decode()
    assert not StoredBlob.objects.exists() and stored_files(files_dir) == []


def test_evidence_without_a_file_is_a_description(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(
        new_url(household_a), {"kind": "witness_statement", "title": "Показания соседа"}
    )
    assert response.status_code == 302
    assert not EvidenceItem.objects.get().files.exists()


def test_a_date_without_its_tag_is_a_polite_error(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).post(
        new_url(household_a), {"kind": "photo", "title": "x", "tag_wanted_listing_date": "2024-06-01"}
    )
    assert response.status_code == 200 and "Tick this if the item shows it" in response.content.decode()


def test_an_items_page_chains_its_household_view_and_its_custody_entry_at_once(
    caseworker_a: Any, household_a: Any, post: EvidenceItem
) -> None:
    client = client_for(caseworker_a)
    assert client.get(evidence_url(household_a, f"{post.public_id}/")).status_code == 200
    assert not StagedEntry.objects.exists()  # nothing waits for a later write to be sealed
    last = list(AuditEntry.objects.order_by("-seq")[:2])[::-1]
    assert [(e.action, e.household_ref, e.target, e.detail) for e in last] == [
        ("household.view", household_a.reference, "", {"page": "item"}),
        ("evidence.view", household_a.reference, str(post.public_id), {"page": "detail"}),
    ]
    missing = evidence_url(household_a, "00000000-0000-0000-0000-000000000000/")
    assert client.get(missing).status_code == 404


def test_the_reviewer_verifies_on_the_page(reviewer_a: Any, household_a: Any, post: EvidenceItem) -> None:
    url = evidence_url(household_a, f"{post.public_id}/verify/")
    client = client_for(reviewer_a)
    assert "Record the verdict" in client.get(url).content.decode()
    response = client.post(url, {"verdict": "verified", "note": "Post online, capture matches"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == "verified"


def test_the_adder_is_refused_the_verify_page_and_cannot_post_a_verdict(
    caseworker_a: Any, household_a: Any, post: EvidenceItem
) -> None:
    url = evidence_url(household_a, f"{post.public_id}/verify/")
    client = client_for(caseworker_a)
    page = client.get(url)
    assert page.status_code == 403 and "Only a reviewer" in page.content.decode()
    assert client.post(url, {"verdict": "verified", "note": "mine is fine"}).status_code == 403
    post.refresh_from_db()
    assert post.status == "unreviewed" and not post.verifications.exists()


def test_the_item_page_shows_files_with_their_hash_and_the_custody(
    reviewer_a: Any, household_a: Any, post: EvidenceItem
) -> None:
    html = client_for(reviewer_a).get(evidence_url(household_a, f"{post.public_id}/")).content.decode()
    sha = post.files.get().blob.sha256
    assert sha in html and "Verify" in html
    assert [e.action for e in item_custody(post)] == ["evidence.add", "evidence.view"]
    assert "<td>Evidence added · <code>" in html and "<td>Viewed</td>" in html


def test_the_person_page_lists_status_tags_reach_and_hashes(
    caseworker_a: Any, household_a: Any, post: EvidenceItem, reviewer_a: Any
) -> None:
    evidence_verify(actor=Actor.for_user(reviewer_a), item=post, verdict="verified", note="ok")
    html = (
        client_for(caseworker_a)
        .get(evidence_url(household_a, f"people/{post.person.public_id}/"))
        .content.decode()
    )
    assert "Verified" in html and "Public anti-war statement" in html and "2,400 followers" in html
    assert post.files.get().blob.sha256[:12] in html and "t.me" in html
    assert "1 of 3 independent verified items needed" in html


def test_an_item_is_found_only_through_its_own_household(
    caseworker_a: Any, caseworker_b: Any, household_a: Any, household_b: Any, post: EvidenceItem
) -> None:
    assert client_for(caseworker_b).get(evidence_url(household_b, f"{post.public_id}/")).status_code == 404
    assert client_for(caseworker_a).get(evidence_url(household_b, f"{post.public_id}/")).status_code == 404
    assert client_for(caseworker_b).get(evidence_url(household_a, f"{post.public_id}/")).status_code == 404


def test_capture_is_shown_disabled_without_the_capture_module(
    caseworker_a: Any, household_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(capture_contract, "capture_function", lambda: None)
    from haven.evidence.views import edit

    monkeypatch.setattr(edit, "capture_function", lambda: None)
    url = evidence_url(household_a, f"people/{household_a.principal.public_id}/capture/")
    html = client_for(caseworker_a).get(url).content.decode()
    assert "not available on this installation" in html and "<fieldset disabled" in html
    assert (
        client_for(caseworker_a)
        .post(url, {"source_url": "https://t.me/x/1", "kind": "social_post"})
        .status_code
        == 200
    )
    assert not EvidenceItem.objects.exists()


def test_capture_calls_the_capture_module_with_the_form(
    caseworker_a: Any, household_a: Any, monkeypatch: pytest.MonkeyPatch, post: EvidenceItem
) -> None:
    """The page queues the capture as a job; the worker calls the capture module with the form's fields
    (capture became a background job: issue 14)."""
    calls: list[dict[str, Any]] = []

    def capture_url(*, actor: Any, person: Any, url: str, fields: Any, report: Any = None) -> EvidenceItem:
        calls.append(
            {"actor": actor.user, "person": person, "url": url, "fields": dict(fields), "report": report}
        )
        return post

    from haven.evidence import jobs

    monkeypatch.setattr(jobs, "capture_function", lambda: capture_url)
    url = evidence_url(household_a, f"people/{household_a.principal.public_id}/capture/")
    form = {"source_url": "https://meduza.io/news/1", "kind": "article", "tag_protest_participation": "on"}
    response = client_for(caseworker_a).post(url, form)
    assert response.status_code == 302
    assert response["Location"] == evidence_url(household_a, f"people/{household_a.principal.public_id}/")
    assert calls == []  # not inside the request
    run_queued()
    (call,) = calls
    assert (call["actor"], call["person"], call["url"]) == (
        caseworker_a,
        household_a.principal,
        "https://meduza.io/news/1",
    )
    assert call["fields"]["kind"] == "article" and call["fields"]["tags"] == [("protest_participation", None)]
    assert "source_url" not in call["fields"]
    assert callable(call["report"])  # the job's progress, told the capture's stages


def test_evidence_pages_carry_no_inline_script_or_style(
    reviewer_a: Any, household_a: Any, post: EvidenceItem
) -> None:
    client = client_for(reviewer_a)
    person = household_a.principal.public_id
    for tail in (
        f"people/{person}/",
        f"people/{person}/new/",
        f"people/{person}/capture/",
        f"{post.public_id}/",
        f"{post.public_id}/edit/",
        f"{post.public_id}/working-copy/",
        f"{post.public_id}/verify/",
    ):
        html = client.get(evidence_url(household_a, tail)).content.decode()
        assert "<script" not in html and "style=" not in html and "<style" not in html, tail
