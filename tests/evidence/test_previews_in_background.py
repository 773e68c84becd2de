"""No request waits on Poppler: the pictures of an uploaded PDF or image are drawn by a worker, queued
when the file is uploaded; until they are there the page says the preview is being prepared, and after
they are, every page reads them from their sealed cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.evidence.actions import clean_copy_store
from haven.evidence.models import EvidenceItem
from haven.jobs.models import Job
from tests.support.evidence import upload
from tests.support.evidence_files import pdf
from tests.support.jobs import run_queued
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pictures_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """An uploaded scan is also queued for reading (tests/evidence/test_reading_on_arrival.py): here
    the pictures are followed alone, as on a Haven without Tesseract."""
    monkeypatch.setattr("haven.evidence.reading.ocr.available", lambda: False)


def test_an_uploaded_pdf_is_drawn_by_a_worker_and_the_page_says_so_until_then(
    caseworker_a: Any, reviewer_a: Any, household_a: Any, files_dir: Path
) -> None:
    client = client_for(caseworker_a)
    assert upload(client, household_a, "повестка.pdf", pdf(pages=2)).status_code == 302
    item = EvidenceItem.objects.get()
    sha = item.files.get().blob.sha256
    job = Job.objects.get(kind="evidence.previews")
    assert (job.subject, job.state, job.requested_by) == (str(item.public_id), Job.QUEUED, None)
    assert not (files_dir / "previews").exists()  # the upload did not draw anything

    page = f"/cases/{household_a.reference}/evidence/{item.public_id}/"
    html = client.get(page).content.decode()
    assert "Preview being prepared" in html and f"files/{sha}/pictures/1/" not in html
    review = client_for(reviewer_a).get(f"/evidence/review/{item.public_id}/").content.decode()
    assert "Preview being prepared" in review
    assert Job.objects.filter(kind="evidence.previews").count() == 1  # pages do not queue it twice

    assert run_queued() == 1
    assert Job.objects.get(kind="evidence.previews").state == Job.DONE
    html = client.get(page).content.decode()
    assert "Preview being prepared" not in html
    assert f"files/{sha}/pictures/1/" in html and f"files/{sha}/pictures/2/" in html
    assert client.get(f"{page}files/{sha}/pictures/2/").content.startswith(b"\x89PNG")
    assert Job.objects.filter(kind="evidence.previews").count() == 1  # nothing missing: nothing queued


def test_a_text_upload_queues_nothing(caseworker_a: Any, household_a: Any) -> None:
    assert upload(client_for(caseworker_a), household_a, "пост.txt", "Нет войне".encode()).status_code == 302
    assert not Job.objects.filter(kind="evidence.previews").exists()


def test_a_file_added_after_the_pictures_were_drawn_gets_its_own_job(
    caseworker_a: Any, household_a: Any
) -> None:
    client = client_for(caseworker_a)
    upload(client, household_a, "повестка.pdf", pdf(pages=1))
    run_queued()
    item = EvidenceItem.objects.get()
    original = item.files.get()
    clean_copy_store(  # a searchable PDF, as reading the scan adds it a moment later
        actor=Actor.for_user(caseworker_a),
        item=item,
        source=original,
        data=pdf(pages=2),
        role="searchable_pdf",
    )
    page = client.get(f"/cases/{household_a.reference}/evidence/{item.public_id}/").content.decode()
    assert page.count("Preview being prepared") == 1  # the copy's; the original's pictures are there
    assert Job.objects.filter(kind="evidence.previews", state=Job.QUEUED).count() == 1
    run_queued()
    assert (
        "Preview being prepared"
        not in client.get(f"/cases/{household_a.reference}/evidence/{item.public_id}/").content.decode()
    )
