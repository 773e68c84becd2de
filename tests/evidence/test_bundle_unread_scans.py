"""An export never reads a scan itself: a scan leaves Haven as the searchable PDF its reading made. While
a scan's reading is still to come (queued, under way, or never asked for: then the export queues it)
the export writes nothing and names the items, so no bundle goes out with a document silently missing;
``--without-unread-scans`` exports at once, those originals kept in Haven with the reason in the
manifest. A reading that failed, or a Haven without Tesseract, does not hold an export up: the original
stays in Haven and the manifest says why."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_add
from haven.evidence.models import EvidenceItem
from haven.evidence.reading import reading_queue
from haven.jobs.models import Job
from haven_core.evidence import ocr
from tests.support.jobs import run_queued

pytestmark = pytest.mark.django_db


def _refused(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("an export read a scan")


def _scan() -> bytes:
    out = io.BytesIO()
    Image.new("L", (620, 877), 255).save(out, "PDF", resolution=75.0, author="Котова Юлия Сергеевна")
    return out.getvalue()


@pytest.fixture
def scan(caseworker_a: Any, household_a: Any) -> EvidenceItem:
    """A scanned summons added without its reading (as files stored before scans were read on arrival)."""
    return evidence_add(
        actor=Actor.for_user(caseworker_a), person=household_a.principal,
        fields={"kind": "court_document", "title": "Повестка"}, data=_scan(), filename="повестка.pdf",
    )  # fmt: skip


def _export(household: Any, path: Path, *options: str) -> str:
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ocr, "read", _refused)  # Tesseract runs in the worker's jobs only, never in an export
        call_command(
            "evidence-bundle", household.reference, "--out", str(path), "--unencrypted", *options, stdout=out
        )
    return out.getvalue()


def _manifest(path: Path) -> dict[str, Any]:
    with tarfile.open(path) as tar:
        return json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]


def _original(manifest: dict[str, Any], item: EvidenceItem) -> dict[str, Any]:
    found = next(i for i in manifest["items"] if i["id"] == str(item.public_id))
    return next(f for f in found["files"] if f["role"] == "original")


def _verify(path: Path) -> str:
    out = io.StringIO()
    call_command("verify-bundle", str(path), stdout=out)
    return out.getvalue()


def test_a_scan_never_read_is_queued_and_the_export_waits_for_it(
    scan: EvidenceItem, household_a: Any, tmp_path: Path
) -> None:
    if not ocr.available():
        pytest.skip("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")
    with pytest.raises(CommandError, match="1 scans are still to be read") as refused:
        _export(household_a, tmp_path / "b.tar")
    assert str(scan.public_id) in str(refused.value) and "--without-unread-scans" in str(refused.value)
    assert "queued now" in str(refused.value)
    assert not (tmp_path / "b.tar").exists()  # nothing written
    [job] = Job.objects.filter(kind="evidence.read")
    assert job.subject == str(scan.public_id) and job.requested_by is None  # queued as Haven
    assert AuditEntry.objects.get(action="job.start", target=str(job.public_id)).detail["why"] == "export"
    assert not AuditEntry.objects.filter(action__in=("evidence.bundle", "evidence.clean_copy")).exists()

    with pytest.raises(CommandError, match="1 scans are still to be read") as again:  # still queued
        _export(household_a, tmp_path / "b.tar")
    assert "queued now" not in str(again.value) and Job.objects.filter(kind="evidence.read").count() == 1

    run_queued()  # the worker reads it, and makes its searchable PDF
    assert Job.objects.get(kind="evidence.read").state == Job.DONE
    said = _export(household_a, tmp_path / "b.tar")
    assert "1 originals stay in Haven" in said and "(0 made now)" in said
    manifest = _manifest(tmp_path / "b.tar")
    found = next(i for i in manifest["items"] if i["id"] == str(scan.public_id))
    copy = next(f for f in found["files"] if f["role"] == "searchable_pdf")
    assert copy["in_bundle"] is True and copy["derived_from"] == _original(manifest, scan)["sha256"]
    assert "Every file and every timestamp checks out" in _verify(tmp_path / "b.tar")


def test_a_scan_being_read_may_be_left_in_haven_when_asked(
    scan: EvidenceItem, household_a: Any, caseworker_a: Any, tmp_path: Path
) -> None:
    if reading_queue(actor=Actor.for_user(caseworker_a), item=scan, why="arrived") is None:
        Job.objects.create(kind="evidence.read", subject=str(scan.public_id))  # as if one were queued
    said = _export(household_a, tmp_path / "b.tar", "--without-unread-scans")
    assert "1 scans were still being read" in said
    manifest = _manifest(tmp_path / "b.tar")
    kept = _original(manifest, scan)
    assert kept["in_bundle"] is False and "still being read" in kept["kept_in_haven"]
    assert not scan.files.filter(role="searchable_pdf").exists()  # nothing was read for the export
    assert AuditEntry.objects.get(action="evidence.bundle").detail["still_reading"] == 1
    assert "Every file and every timestamp checks out" in _verify(tmp_path / "b.tar")


def test_the_archive_with_its_originals_does_not_wait(
    scan: EvidenceItem, household_a: Any, tmp_path: Path
) -> None:
    Job.objects.create(kind="evidence.read", subject=str(scan.public_id))  # a reading waiting in the queue
    said = _export(household_a, tmp_path / "archive.tar", "--with-originals")
    assert "WITH their metadata" in said and "still being read" not in said
    assert _original(_manifest(tmp_path / "archive.tar"), scan)["in_bundle"] is True


def test_a_failed_reading_or_no_tesseract_does_not_hold_the_export_up(
    scan: EvidenceItem, household_a: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failed = Job.objects.create(kind="evidence.read", subject=str(scan.public_id), state=Job.FAILED)
    if ocr.available():
        _export(household_a, tmp_path / "failed.tar")
        kept = _original(_manifest(tmp_path / "failed.tar"), scan)
        assert kept["in_bundle"] is False and "its reading made no searchable PDF" in kept["kept_in_haven"]
    failed.delete()
    monkeypatch.setattr(ocr, "available", lambda: False)
    said = _export(household_a, tmp_path / "none.tar")
    assert "Tesseract with Russian is not installed" in said
    kept = _original(_manifest(tmp_path / "none.tar"), scan)
    assert "Tesseract with Russian is not installed" in kept["kept_in_haven"]
    assert not Job.objects.filter(kind="evidence.read").exists()  # nothing queued that could not run
