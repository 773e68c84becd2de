"""Evidence for the tests: items written straight into the locker's tables (its pages are tested
elsewhere), and the text of a post."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from haven.evidence.models import EvidenceItem, EvidenceTag


def add_evidence(
    person: Any, *tags: str, status: str = "verified", on: dt.date | None = None, **fields: Any
) -> Any:
    """An evidence item about ``person`` showing ``tags`` (each dated ``on``)."""
    fields.setdefault("kind", "social_post")
    fields.setdefault("title", "Пост против войны")
    item = EvidenceItem.objects.create(person=person, status=status, **fields)
    for tag in tags:
        EvidenceTag.objects.create(item=item, tag=tag, activity_date=on)
    return item


POST_TEXT = "Нет войне. Пикет у памятника Пушкину, 6 марта 2022 года.".encode()


def evidence_url(household: Any, tail: str = "") -> str:
    return f"/cases/{household.reference}/evidence/{tail}"


def new_url(household: Any) -> str:
    return evidence_url(household, f"people/{household.principal.public_id}/new/")


def upload(client: Any, household: Any, name: str, data: bytes, **fields: Any) -> Any:
    form = {"kind": "court_document", "title": "Постановление суда", **fields}
    return client.post(new_url(household), {**form, "upload": SimpleUploadedFile(name, data)})
