"""A phone's video leaves Haven without saying where, when or on what it was filmed: the bundle carries
the copy ffmpeg made of its streams (the recorded pictures and sound, bit for bit) without the
container's tags, timestamped, with the original's SHA-256 and the custody entry of its cleaning; the
original stays in Haven, listed by hash with its timestamp. A working copy of a video loses its tags
as it is made, as an image's does."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_add
from haven.evidence.models import EvidenceItem
from haven.evidence.storage import read_blob
from haven.evidence.timestamps import timestamp_pending
from tests.support.evidence import evidence_url
from tests.support.evidence_files import FILMED_AT, filmed, stream_hashes, video_tags
from tests.support.personas import client_for
from tests.support.timestamp_authority import Authority, built_authority_fixture, tsa_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

TELLING = ("location", "creation_time", "make", "model", "com.apple.quicktime.location.iso6709")


def _export(household: Any, path: Path) -> str:
    out = io.StringIO()
    call_command("evidence-bundle", household.reference, "--out", str(path), "--unencrypted", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("media_type", ["video/mp4", "video/quicktime"])
def test_a_bundle_carries_the_video_without_its_place_and_time(
    media_type: str, tsa: Authority, caseworker_a: Any, household_a: Any, tmp_path: Path
) -> None:
    original = filmed(media_type)
    assert video_tags(original)["location"] == FILMED_AT
    item = evidence_add(
        actor=Actor.for_user(caseworker_a), person=household_a.principal,
        fields={"kind": "video", "title": "Пикет на Пушкинской"}, data=original, filename="VID_0007.mp4",
    )  # fmt: skip
    assert timestamp_pending().stamped == 1

    said = _export(household_a, tmp_path / "b.tar")
    assert "1 originals stay in Haven" in said and "(1 made now)" in said
    with tarfile.open(tmp_path / "b.tar") as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar}  # type: ignore[union-attr]
    manifest = json.loads(members["manifest.json"])
    files = {f["role"]: f for f in manifest["items"][0]["files"]}
    kept, copy = files["original"], files["clean_copy"]
    assert kept["in_bundle"] is False and kept["path"] not in members and len(kept["timestamps"]) == 1
    assert copy["in_bundle"] is True and copy["derived_from"] == kept["sha256"]
    assert copy["media_type"] == media_type and len(copy["timestamps"]) == 1  # stamped as it was made
    clean = members[copy["path"]]
    assert not set(TELLING) & set(video_tags(clean)) and b"55.7558" not in clean
    assert stream_hashes(clean) == stream_hashes(original)
    cleaning = next(e for e in manifest["items"][0]["custody"] if e["action"] == "evidence.clean_copy")
    assert cleaning["who"] == "Haven" and cleaning["detail"]["original_sha256"] == kept["sha256"]
    assert cleaning["detail"]["sha256"] == copy["sha256"] and cleaning["detail"]["metadata_removed"] is True
    assert b"55.7558" not in (tmp_path / "b.tar").read_bytes()  # nowhere in the bundle

    out = io.StringIO()
    call_command("verify-bundle", str(tmp_path / "b.tar"), stdout=out)
    assert "Every file and every timestamp checks out" in out.getvalue()
    assert "1 originals stayed in Haven" in out.getvalue()
    assert item.files.get(role="clean_copy").filename == "VID_0007 (clean)" + (
        ".mp4" if media_type == "video/mp4" else ".mov"
    )


def test_a_working_copy_of_a_video_is_made_without_its_tags(caseworker_a: Any, household_a: Any) -> None:
    recorded = filmed("video/mp4")
    original = evidence_add(
        actor=Actor.for_user(caseworker_a), person=household_a.principal,
        fields={"kind": "video", "title": "Пикет"}, data=recorded, filename="VID_0007.mp4",
    )  # fmt: skip
    response = client_for(caseworker_a).post(
        evidence_url(household_a, f"{original.public_id}/working-copy/"),
        {
            "derivation": "crop",
            "title": "Пикет (фрагмент)",
            "upload": SimpleUploadedFile("cut.mp4", recorded),
        },
    )
    assert response.status_code == 302
    copy = EvidenceItem.objects.get(original=original)
    data = read_blob(copy.files.get(role="working").blob)
    assert not set(TELLING) & set(video_tags(data)) and stream_hashes(data) == stream_hashes(recorded)
    entry = AuditEntry.objects.get(action="evidence.working_copy", target=str(copy.public_id))
    assert entry.detail["metadata_removed"] is True
