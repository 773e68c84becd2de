"""What leaves Haven carries no metadata: a bundle holds copies of the originals made without it (a
photo re-encoded at export, a scan as the searchable PDF its reading made), each with the original's
SHA-256 and the custody entry of its cleaning; the originals stay in Haven, listed by hash, and a video
Haven cannot copy (this one has no streams for ffmpeg to copy) stays too, the manifest saying why.
Only a bundle for the coalition's own archive includes the originals, when asked for explicitly."""

from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from PIL import Image

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_add
from haven.evidence.reading import reading_queue
from haven.jobs.models import Job
from haven_core.evidence import ocr
from haven_core.evidence.metadata import read_metadata
from tests.support.evidence_files import mp4, photo
from tests.support.jobs import run_queued

pytestmark = pytest.mark.django_db


def _scanned_pdf() -> bytes:
    out = io.BytesIO()
    page = Image.new("L", (620, 877), 255)  # a blank A4 page at 75 dpi: quick to read
    page.save(out, "PDF", resolution=75.0, author="Котова Юлия Сергеевна", creator="Canon iR-ADV C5535")
    return out.getvalue()


@pytest.fixture
def originals(caseworker_a: Any, household_a: Any) -> dict[str, Any]:
    actor = Actor.for_user(caseworker_a)
    person = household_a.principal

    def add(kind: str, data: bytes, name: str) -> Any:
        return evidence_add(
            actor=actor, person=person, fields={"kind": kind, "title": name}, data=data, filename=name
        )

    added = {
        "photo": add("photo", photo(), "IMG_0412.jpg"),
        "scan": add("court_document", _scanned_pdf(), "повестка.pdf"),
        "video": add("video", mp4(created=dt.datetime(2022, 3, 6, 14, 5)), "VID_0007.mp4"),
        "post": add("social_post", "Нет войне".encode(), "пост.txt"),
    }
    if reading_queue(actor=actor, item=added["scan"], why="arrived") is not None:  # as its upload does
        run_queued()
        assert Job.objects.get(kind="evidence.read").state == Job.DONE
    return added


def _export(household: Any, path: Path, *options: str) -> str:
    out = io.StringIO()
    call_command(
        "evidence-bundle", household.reference, "--out", str(path), "--unencrypted", *options, stdout=out
    )
    return out.getvalue()


def _verify(path: Path) -> str:
    out = io.StringIO()
    call_command("verify-bundle", str(path), stdout=out)
    return out.getvalue()


def _members(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar}  # type: ignore[union-attr]


def _files(manifest: dict[str, Any], item: Any) -> dict[str, dict[str, Any]]:
    found = next(i for i in manifest["items"] if i["id"] == str(item.public_id))
    return {f["role"]: f for f in found["files"]}


def test_a_bundle_carries_clean_copies_and_keeps_the_originals_in_haven(
    originals: dict[str, Any], household_a: Any, tmp_path: Path
) -> None:
    if not ocr.available():
        pytest.skip("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")
    said = _export(household_a, tmp_path / "b.tar")
    assert "3 originals stay in Haven" in said and "1 made now" in said  # the scan's came with its reading
    bundle = (tmp_path / "b.tar").read_bytes()
    traces = (b"iPhone", b"Photoshop", "Canon".encode("utf-16-be"), "Котова Юлия".encode("utf-16-be"))
    assert all(t in photo() or t in _scanned_pdf() for t in traces)  # the originals have them
    for trace in traces:
        assert trace not in bundle  # nowhere in the bundle: not in a file, not in the manifest
    members = _members(tmp_path / "b.tar")
    manifest = json.loads(members["manifest.json"])
    assert manifest["originals_included"] is False

    photo_files = _files(manifest, originals["photo"])
    kept, copy = photo_files["original"], photo_files["clean_copy"]
    assert kept["in_bundle"] is False and kept["path"] not in members and kept["sha256"]
    assert copy["in_bundle"] is True and copy["derived_from"] == kept["sha256"]
    assert read_metadata(members[copy["path"]], "image/jpeg").empty
    custody = next(i for i in manifest["items"] if i["id"] == str(originals["photo"].public_id))["custody"]
    cleaning = next(e for e in custody if e["action"] == "evidence.clean_copy")
    assert cleaning["detail"]["original_sha256"] == kept["sha256"] and cleaning["who"] == "Haven"
    assert cleaning["detail"]["sha256"] == copy["sha256"]

    scan_files = _files(manifest, originals["scan"])
    assert scan_files["original"]["in_bundle"] is False
    assert scan_files["searchable_pdf"]["derived_from"] == scan_files["original"]["sha256"]
    assert members[scan_files["searchable_pdf"]["path"]].startswith(b"%PDF-")

    video = _files(manifest, originals["video"])
    assert set(video) == {"original"} and video["original"]["in_bundle"] is False
    assert "ffmpeg" in video["original"]["kept_in_haven"]  # why: ffmpeg could not copy it (or is missing)
    assert _files(manifest, originals["post"])["original"]["in_bundle"] is True  # text has none to lose

    report = _verify(tmp_path / "b.tar")
    assert "3 originals stayed in Haven" in report and "Every file and every timestamp checks out" in report
    assert "3 files" in report  # the two copies and the post


def test_a_second_export_makes_no_new_copy(
    originals: dict[str, Any], household_a: Any, tmp_path: Path
) -> None:
    if not ocr.available():
        pytest.skip("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")
    _export(household_a, tmp_path / "one.tar")
    assert "(0 made now)" in _export(household_a, tmp_path / "two.tar")
    assert AuditEntry.objects.filter(action="evidence.clean_copy").count() == 2


def test_the_coalitions_archive_may_include_the_originals_only_when_asked(
    originals: dict[str, Any], household_a: Any, tmp_path: Path
) -> None:
    said = _export(household_a, tmp_path / "archive.tar", "--with-originals")
    assert "WITH their metadata" in said
    members = _members(tmp_path / "archive.tar")
    manifest = json.loads(members["manifest.json"])
    assert manifest["originals_included"] is True
    kept = _files(manifest, originals["photo"])["original"]
    assert kept["in_bundle"] is True and b"iPhone" in members[kept["path"]]
    assert "Every file and every timestamp checks out" in _verify(tmp_path / "archive.tar")
    entry = AuditEntry.objects.get(action="evidence.bundle")
    assert entry.detail["originals_included"] is True and entry.detail["kept_in_haven"] == 0


def test_an_original_slipped_into_the_bundle_is_named(
    originals: dict[str, Any], household_a: Any, tmp_path: Path
) -> None:
    _export(household_a, tmp_path / "b.tar")
    members = _members(tmp_path / "b.tar")
    manifest = json.loads(members["manifest.json"])
    kept = _files(manifest, originals["photo"])["original"]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in [*members.items(), (kept["path"], photo())]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    (tmp_path / "b.tar").write_bytes(buffer.getvalue())
    with pytest.raises(Exception, match="does not check out"):
        _verify(tmp_path / "b.tar")
