"""A scan is read when it arrives: an upload on the page or through the API, and a working copy, queue
its reading as a job (by whoever added it, so their page follows it); the request itself reads nothing.
Every PDF is read, and an image unless the item is a photo or a video; a text is not. The worker makes
the searchable PDF of a working copy that is a PDF too, since that is what leaves Haven in its place."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from haven.accounts.actor import Actor
from haven.api.actions import token_create
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_add
from haven.evidence.models import DocumentText, EvidenceItem
from haven.jobs.models import Job
from haven_core.evidence import ocr
from tests.support.evidence import evidence_url, upload
from tests.support.evidence_files import PROTOCOL, bench_scans, pdf, photo, png
from tests.support.jobs import run_queued
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def tesseract() -> None:
    if not ocr.available():
        pytest.skip("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")


def _readings() -> list[Job]:
    return list(Job.objects.filter(kind="evidence.read").order_by("created_at"))


def _scan_pdf() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.open(io.BytesIO(bench_scans().scan(PROTOCOL))).convert("L").save(out, "PDF", resolution=300.0)
    return out.getvalue()


def test_an_uploaded_scan_is_queued_for_reading_and_read_by_the_worker(
    tesseract: None, caseworker_a: Any, household_a: Any
) -> None:
    response = upload(client_for(caseworker_a), household_a, "протокол.pdf", _scan_pdf())
    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    [job] = _readings()
    assert (job.subject, job.state, job.requested_by) == (str(item.public_id), Job.QUEUED, caseworker_a)
    assert not DocumentText.objects.exists()  # the request read nothing
    entry = AuditEntry.objects.get(action="job.start", target=str(job.public_id))
    assert entry.detail["why"] == "arrived" and entry.actor == caseworker_a

    run_queued()
    job.refresh_from_db()
    assert job.state == Job.DONE, job.error
    assert "20.3.3" in DocumentText.objects.get(item=item).text
    copy = item.files.get(role="searchable_pdf")
    assert copy.derived_from == item.files.get(role="original").blob
    page = client_for(caseworker_a).get(evidence_url(household_a, f"{item.public_id}/")).content.decode()
    assert copy.blob.sha256 in page


def test_what_is_queued_depends_on_the_file_and_the_kind(
    tesseract: None, caseworker_a: Any, household_a: Any
) -> None:
    client = client_for(caseworker_a)
    upload(client, household_a, "пикет.jpg", photo(), kind="photo", title="Пикет")
    upload(client, household_a, "пост.txt", "Нет войне".encode(), kind="social_post", title="Пост")
    assert _readings() == []  # a photo of a protest and a text are not read on their own
    upload(client, household_a, "повестка.png", png(40, 20), kind="court_document", title="Повестка")
    upload(client, household_a, "афиша.pdf", pdf(pages=1), kind="photo", title="Афиша")
    titles = sorted(EvidenceItem.objects.get(public_id=j.subject).title for j in _readings())
    assert titles == ["Афиша", "Повестка"]  # a photographed document, and any PDF


def test_an_upload_through_the_api_is_queued_too(
    tesseract: None, caseworker_a: Any, household_a: Any
) -> None:
    from django.test import Client

    secret = token_create(actor=Actor.for_user(caseworker_a), name="scanner", second_factor_passed=True)[1]
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    path = f"/api/v1/households/{household_a.reference}/people/{household_a.principal.public_id}/evidence"
    body = {
        "kind": "court_document",
        "title": "Протокол",
        "upload": SimpleUploadedFile("p.pdf", pdf(pages=1)),
    }
    response = client.post(path, body)
    assert response.status_code == 201, response.content
    [job] = _readings()
    assert job.subject == response.json()["id"] and job.requested_by == caseworker_a


def test_a_working_copy_that_is_a_pdf_is_read_and_gets_its_searchable_pdf(
    tesseract: None, caseworker_a: Any, household_a: Any
) -> None:
    original = evidence_add(
        actor=Actor.for_user(caseworker_a), person=household_a.principal,
        fields={"kind": "court_document", "title": "Протокол"}, data="протокол".encode(), filename="p.txt",
    )  # fmt: skip
    response = client_for(caseworker_a).post(
        evidence_url(household_a, f"{original.public_id}/working-copy/"),
        {
            "derivation": "redaction",
            "title": "Протокол (без адреса)",
            "upload": SimpleUploadedFile("r.pdf", _scan_pdf()),
        },
    )
    assert response.status_code == 302
    copy = EvidenceItem.objects.get(original=original)
    [job] = _readings()
    assert job.subject == str(copy.public_id)
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.DONE, job.error
    searchable = copy.files.get(role="searchable_pdf")
    assert searchable.derived_from == copy.files.get(role="working").blob


def test_without_tesseract_an_upload_queues_no_reading(
    caseworker_a: Any, household_a: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    assert upload(client_for(caseworker_a), household_a, "p.pdf", pdf(pages=1)).status_code == 302
    assert EvidenceItem.objects.count() == 1 and _readings() == []


def test_a_scan_whose_reading_is_under_way_is_not_queued_twice(
    tesseract: None, caseworker_a: Any, household_a: Any
) -> None:
    from haven.evidence.reading import reading_queue

    upload(client_for(caseworker_a), household_a, "p.pdf", pdf(pages=1))
    item = EvidenceItem.objects.get()
    assert reading_queue(actor=Actor.system(), item=item, why="export") is None
    assert len(_readings()) == 1
