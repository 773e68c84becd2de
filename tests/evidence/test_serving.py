"""Uploaded content never runs as a page of Haven: downloads are attachments with the sniffed type and
nosniff, previews are sandboxed, HTML is shown as text, and every copy served is in the custody."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.record import audit_seal
from haven.evidence.actions import evidence_add, item_custody
from haven.evidence.preview_jobs import previews_queue
from haven.evidence.storage import blob_path
from tests.support import evidence_files
from tests.support.evidence_files import pdf
from tests.support.jobs import run_queued
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


def add(user: Any, household: Any, data: bytes, filename: str) -> Any:
    """An item added as the upload page adds it: its pictures are drawn by a worker (run here)."""
    item = evidence_add(
        actor=Actor.for_user(user),
        person=household.principal,
        fields={"kind": "other", "title": "x"},
        data=data,
        filename=filename,
    )
    previews_queue(item)
    run_queued()
    return item


def file_url(item: Any, kind: str) -> str:
    sha = item.files.get().blob.sha256
    return f"/cases/{item.person.household.reference}/evidence/{item.public_id}/files/{sha}/{kind}/"


def test_a_download_is_an_attachment_of_the_sniffed_type(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.HTML, "page.html")
    response = client_for(caseworker_a).get(file_url(item, "download"))
    assert response.status_code == 200 and response.content == evidence_files.HTML
    assert response["Content-Type"] == "text/html"
    assert response["Content-Disposition"] == 'attachment; filename="page.html"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox; default-src 'none'")
    assert [e.action for e in item_custody(item)][-1] == "evidence.download"


def test_html_is_previewed_as_text_in_a_sandbox(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.HTML, "page.html")
    response = client_for(caseworker_a).get(file_url(item, "preview"))
    assert response.status_code == 200 and response.content == evidence_files.HTML
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert (
        response["Content-Security-Policy"]
        == "sandbox; default-src 'none'; img-src 'self' data:; frame-ancestors 'self'"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Content-Disposition"].startswith("inline")
    assert [e.action for e in item_custody(item)][-1] == "evidence.preview"


def test_an_image_is_previewed_with_its_strict_type(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.png(), "photo.jpg")
    response = client_for(caseworker_a).get(file_url(item, "preview"))
    assert response["Content-Type"] == "image/png" and response["Content-Security-Policy"].startswith(
        "sandbox;"
    )
    page = (
        client_for(caseworker_a)
        .get(f"/cases/{household_a.reference}/evidence/{item.public_id}/")
        .content.decode()
    )
    assert file_url(item, "preview") not in page  # the page shows a picture Haven drew, not the upload
    assert f'<img class="evidence-preview-image" src="{file_url(item, "pictures")}1/"' in page
    picture = client_for(caseworker_a).get(f"{file_url(item, 'pictures')}1/")
    assert picture["Content-Type"] in ("image/jpeg", "image/png") and picture.content != evidence_files.png()
    assert picture["X-Content-Type-Options"] == "nosniff"
    assert picture["Content-Security-Policy"].startswith("sandbox;")


def test_text_is_framed_with_the_sandbox_attribute(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, "Нет войне".encode(), "post.txt")
    page = (
        client_for(caseworker_a)
        .get(f"/cases/{household_a.reference}/evidence/{item.public_id}/")
        .content.decode()
    )
    assert f'<iframe class="evidence-preview" sandbox src="{file_url(item, "preview")}"' in page


def test_a_pdf_is_shown_as_pictures_of_its_pages_and_never_framed(
    caseworker_a: Any, household_a: Any
) -> None:
    item = add(caseworker_a, household_a, pdf(pages=2), "notice.pdf")
    client = client_for(caseworker_a)
    page = client.get(f"/cases/{household_a.reference}/evidence/{item.public_id}/").content.decode()
    assert "<iframe" not in page
    for number in (1, 2):
        assert f'src="{file_url(item, "pictures")}{number}/"' in page
        assert client.get(f"{file_url(item, 'pictures')}{number}/").content.startswith(b"\x89PNG")
    assert client.get(f"{file_url(item, 'pictures')}3/").status_code == 404
    assert client.get(file_url(item, "preview"))["Content-Type"] == "application/pdf"  # still sandboxed
    audit_seal()
    assert [e.detail.get("picture") for e in item_custody(item) if e.action == "evidence.preview"][:2] == [
        1,
        2,
    ]


def test_a_pdf_haven_cannot_draw_says_so(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.PDF, "empty.pdf")  # a PDF of no pages
    page = client_for(caseworker_a).get(f"/cases/{household_a.reference}/evidence/{item.public_id}/")
    assert "Haven could not draw this file" in page.content.decode()


def test_video_has_no_preview(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.MP4, "protest.mp4")
    response = client_for(caseworker_a).get(file_url(item, "preview"))
    assert response.status_code == 415 and response["Content-Security-Policy"].startswith("sandbox;")
    assert [e.action for e in item_custody(item)] == ["evidence.add"]


def test_a_tampered_file_is_not_served(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.PDF, "notice.pdf")
    path = blob_path(item.files.get().blob)
    raw = bytearray(path.read_bytes())
    raw[40] ^= 0xFF
    path.write_bytes(bytes(raw))
    response = client_for(caseworker_a).get(file_url(item, "download"))
    assert response.status_code == 409 and b"%PDF" not in response.content
    assert [e.action for e in item_custody(item)] == ["evidence.add"]


def test_an_unknown_hash_is_a_404(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.PDF, "notice.pdf")
    url = f"/cases/{household_a.reference}/evidence/{item.public_id}/files/{'0' * 64}/download/"
    assert client_for(caseworker_a).get(url).status_code == 404


def test_files_cannot_be_posted_to(caseworker_a: Any, household_a: Any) -> None:
    item = add(caseworker_a, household_a, evidence_files.PDF, "notice.pdf")
    assert client_for(caseworker_a).post(file_url(item, "download")).status_code == 405
