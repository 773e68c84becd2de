"""A working copy of an image carries no metadata (GPS would locate a family); the original keeps
everything, stored and hashed exactly as it was received."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.evidence.actions import evidence_add, working_copy_create
from haven.evidence.storage import read_blob
from haven_core.evidence.metadata import read_metadata
from tests.support.evidence_files import pdf, photo

pytestmark = pytest.mark.django_db


def test_a_working_copy_of_a_photo_loses_its_gps_and_the_original_keeps_it(
    caseworker_a: Any, household_a: Any
) -> None:
    actor = Actor.for_user(caseworker_a)
    taken = photo(taken="2022:03:06 14:05:00")
    original = evidence_add(
        actor=actor,
        person=household_a.principal,
        fields={
            "kind": "photo",
            "title": "Фото с пикета",
            "tags": [("protest_participation", dt.date(2022, 3, 6))],
        },
        data=taken,
        filename="IMG_0412.jpg",
    )
    crop = working_copy_create(
        actor=actor, original=original, derivation="crop", data=photo(), filename="crop.jpg"
    )

    kept = original.files.get().blob
    assert kept.sha256 == hashlib.sha256(taken).hexdigest()
    assert read_metadata(read_blob(kept), "image/jpeg").location is not None

    copy_blob = crop.files.get().blob
    cleaned = read_blob(copy_blob)
    assert copy_blob.sha256 == hashlib.sha256(cleaned).hexdigest()
    assert read_metadata(cleaned, "image/jpeg").empty
    assert b"iPhone" not in cleaned and b"Snapseed" not in cleaned
    entry = AuditEntry.objects.get(action="evidence.working_copy", target=str(crop.public_id))
    assert entry.detail["metadata_removed"] is True and entry.detail["sha256"] == copy_blob.sha256


def test_a_working_copy_that_is_not_an_image_is_stored_as_given(caseworker_a: Any, household_a: Any) -> None:
    actor = Actor.for_user(caseworker_a)
    original = evidence_add(
        actor=actor,
        person=household_a.principal,
        fields={"kind": "court_document", "title": "Протокол"},
        data=pdf(),
    )
    translation = pdf(pages=1)
    copy = working_copy_create(
        actor=actor, original=original, derivation="translation", data=translation, filename="t.pdf"
    )
    assert copy.files.get().blob.sha256 == hashlib.sha256(translation).hexdigest()
    assert (
        "metadata_removed"
        not in AuditEntry.objects.get(action="evidence.working_copy", target=str(copy.public_id)).detail
    )
