"""Evidence metadata: a person's items with their files' SHA-256 hashes and review status, and one item.

Reading an item is a custody event, as on its page (``evidence_viewed``). The files themselves are not
served here: they are downloaded from the item's page, where each download is recorded.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from haven.api.v1.base import READ_ERRORS, actor_of, household_of, person_of
from haven.cases.actions import household_view
from haven.evidence.actions import evidence_viewed
from haven.evidence.models import EvidenceItem
from haven.evidence.views.base import items_with_details

router = Router(tags=["evidence"])


class TagOut(Schema):
    tag: str
    activity_date: dt.date | None


class FileOut(Schema):
    role: str
    sha256: str
    size: int
    media_type: str
    timestamped: bool


class VerificationOut(Schema):
    verdict: str
    reviewer: str
    at: dt.datetime


class EvidenceOut(Schema):
    id: uuid.UUID
    person: uuid.UUID
    kind: str
    title: str
    description: str
    source_url: str
    author: str
    published_on: dt.date | None
    language: str
    status: str
    original: uuid.UUID | None
    derivation: str
    added_by: str | None
    added_at: dt.datetime
    tags: list[TagOut]
    files: list[FileOut]
    verifications: list[VerificationOut]


def evidence_out(item: EvidenceItem) -> dict[str, Any]:
    return {
        "id": item.public_id,
        "person": item.person.public_id,
        **{name: getattr(item, name) or "" for name in ("kind", "title", "description", "source_url",
                                                         "author", "language", "status", "derivation")},
        "published_on": item.published_on,
        "original": item.original.public_id if item.original else None,
        "added_by": item.added_by.get_username() if item.added_by else None,
        "added_at": item.added_at,
        "tags": [{"tag": t.tag, "activity_date": t.activity_date} for t in item.tags.all()],
        "files": [
            {
                "role": f.role,
                "sha256": f.blob.sha256,
                "size": f.blob.size,
                "media_type": f.blob.media_type,
                "timestamped": bool(f.blob.timestamps.all()),
            }
            for f in item.files.all()
        ],
        "verifications": [
            {"verdict": v.verdict, "reviewer": v.reviewer.get_username(), "at": v.at}
            for v in item.verifications.all()
        ],
    }  # fmt: skip


@router.get(
    "/households/{reference}/people/{person_id}/evidence",
    response={200: list[EvidenceOut], **READ_ERRORS},
    url_name="person_evidence",
    summary="A person's evidence: each item's description, tags, files (with SHA-256) and review",
)
def person_evidence(request: HttpRequest, reference: str, person_id: uuid.UUID) -> Any:
    household = household_of(request, reference)
    person = person_of(household, person_id)
    household_view(actor=actor_of(request), household=household, page="api-v1:person_evidence")
    items = items_with_details().select_related("person").filter(person=person)
    return [evidence_out(item) for item in items]


@router.get(
    "/households/{reference}/evidence/{item_id}",
    response={200: EvidenceOut, **READ_ERRORS},
    url_name="evidence_item",
    summary="One item of evidence (recorded in its chain of custody)",
)
def evidence_item(request: HttpRequest, reference: str, item_id: uuid.UUID) -> Any:
    household = household_of(request, reference)
    item = (
        items_with_details()
        .select_related("person")
        .filter(person__household=household, public_id=item_id)
        .first()
    )
    if item is None:
        raise Http404
    item.person.household = household
    evidence_viewed(actor=actor_of(request), item=item, page="api")
    return evidence_out(item)
