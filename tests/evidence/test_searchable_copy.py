"""After a scan or a photo of a document is read, a searchable PDF of it is the item's working copy:
Haven's own pictures of the pages with the text read laid over them, sealed and timestamped like any
evidence file, in the item's custody with the original's hash, without the original's metadata (no GPS
position, no author), and offered for download to those who may see the item."""

from __future__ import annotations

import hashlib
import subprocess
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import NotAllowed
from haven.evidence.actions import clean_copy_store, evidence_add
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.storage import read_blob
from haven.jobs.models import Job
from haven_core.evidence import ocr
from tests.support.evidence_files import (
    photographed_protocol_jpeg,
    scanned_protocol_pdf,
)
from tests.support.jobs import run_queued
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tesseract() -> None:
    if not ocr.available():
        pytest.skip("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")


def _read(caseworker: Any, household: Any, data: bytes, filename: str) -> EvidenceItem:
    item = evidence_add(
        actor=Actor.for_user(caseworker),
        person=household.principal,
        fields={"kind": "court_document", "title": "Протокол (скан)", "tags": []},
        data=data,
        filename=filename,
    )
    response = client_for(caseworker).post(f"/cases/{household.reference}/evidence/{item.public_id}/read/")
    assert response.status_code == 302
    run_queued()
    job = Job.objects.get(kind="evidence.read")
    assert job.state == Job.DONE, job.error
    return item


def _pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)  # noqa: S607
    return done.stdout.decode()


def _pdf_info(data: bytes) -> str:
    return subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True).stdout.decode()  # noqa: S607


def test_a_photographed_protocol_gets_a_searchable_pdf_without_the_phone_or_its_position(
    caseworker_a: Any, household_a: Any, caseworker_b: Any
) -> None:
    taken = photographed_protocol_jpeg()
    item = _read(caseworker_a, household_a, taken, "IMG_0412.jpg")

    copy = ItemFile.objects.select_related("blob", "derived_from").get(item=item, role="searchable_pdf")
    original = item.files.get(role="original")
    assert original.blob.sha256 == hashlib.sha256(taken).hexdigest()  # the original stays as received
    assert copy.derived_from == original.blob
    data = read_blob(copy.blob)  # sealed on disk, and its hash checked on the way out
    assert copy.blob.media_type == "application/pdf" and copy.blob.sha256 == hashlib.sha256(data).hexdigest()
    text = _pdf_text(data)
    assert "20.3.3" in text and "Мещанскому" in text  # searchable
    for trace in (b"iPhone", b"Apple", b"Kotova", b"Exif", b"GPS"):
        assert trace not in data
    assert "Author" not in _pdf_info(data)

    entry = AuditEntry.objects.get(action="evidence.clean_copy", target=str(item.public_id))
    assert entry.detail["original_sha256"] == original.blob.sha256
    assert entry.detail["sha256"] == copy.blob.sha256 and entry.detail["metadata_removed"] is True

    download = f"/cases/{household_a.reference}/evidence/{item.public_id}/files/{copy.blob.sha256}/download/"
    page = client_for(caseworker_a).get(f"/cases/{household_a.reference}/evidence/{item.public_id}/")
    assert download in page.content.decode()
    response = client_for(caseworker_a).get(download)
    assert response.status_code == 200 and response.content == data
    assert response["Content-Type"] == "application/pdf"
    assert client_for(caseworker_b).get(download).status_code == 404  # another organisation's household


def test_a_scanned_pdf_keeps_its_pages_and_loses_its_author(caseworker_a: Any, household_a: Any) -> None:
    scanned = scanned_protocol_pdf(
        author="Котова Юлия Сергеевна", title="Протокол Котовой", creator="Canon iR-ADV C5535"
    )
    assert "Котова" in _pdf_info(scanned)
    item = _read(caseworker_a, household_a, scanned, "protocol.pdf")
    data = read_blob(item.files.get(role="searchable_pdf").blob)
    info = _pdf_info(data)
    assert "Pages:           2" in info
    assert "Котова" not in info and "Canon" not in info and "Author" not in info
    assert "Смирнов" in _pdf_text(data) and "20.3.3" in _pdf_text(data)


def test_reading_again_replaces_the_copy_and_the_custody_says_which(
    caseworker_a: Any, household_a: Any, caseworker_b: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    item = evidence_add(
        actor=actor, person=household_a.principal, fields={"kind": "court_document", "title": "Протокол"},
        data=photographed_protocol_jpeg(), filename="IMG_0412.jpg",
    )  # fmt: skip
    original = item.files.get(role="original")
    first = clean_copy_store(
        actor=actor, item=item, source=original, data=b"%PDF-1.5 first", role="searchable_pdf"
    )
    second = clean_copy_store(
        actor=actor, item=item, source=original, data=b"%PDF-1.5 again", role="searchable_pdf"
    )
    assert list(item.files.filter(role="searchable_pdf")) == [second]
    entries = AuditEntry.objects.filter(action="evidence.clean_copy", target=str(item.public_id)).order_by(
        "seq"
    )
    assert [e.detail["replaced"] for e in entries] == [[], [first.blob.sha256]]
    with pytest.raises(InvalidEvidence):  # a copy of a copy would hide where it came from
        clean_copy_store(actor=actor, item=item, source=second, data=b"%PDF-1.5 x", role="searchable_pdf")
    with pytest.raises(NotAllowed):
        clean_copy_store(
            actor=Actor.for_user(caseworker_b),
            item=item,
            source=original,
            data=b"%PDF-1.5 y",
            role="searchable_pdf",
        )
