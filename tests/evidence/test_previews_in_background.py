"""No request waits on Poppler: the pictures of an uploaded PDF or image are drawn by a worker, queued
when the file is uploaded; until they are there the page says the preview is being prepared, and after
they are, every page reads them from their sealed cache."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haven.evidence.models import EvidenceItem
from haven.jobs.models import Job
from tests.conftest import client_for
from tests.evidence.photos import pdf
from tests.evidence.test_evidence_pages import upload
from tests.jobs.running import run_queued

pytestmark = pytest.mark.django_db


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
