"""Evidence metadata: a person's items with their files' SHA-256 hashes and review status, one item,
and adding an item with its file (multipart, as the upload page does).

Reading an item is a custody event, as on its page (``evidence_viewed``). The files themselves are not
served here: they are downloaded from the item's page, where each download is recorded. An upload is
checked by the page's own form (type read from the bytes, size limit, no archives) and stored by
``evidence_add``, which records its SHA-256 in the item's chain of custody.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import File, Form, Router, Schema, Status, UploadedFile
from pydantic import Field, field_validator

from haven.api.v1.auth_and_errors import (
    ERRORS,
    READ_ERRORS,
    FormInvalid,
    actor_of,
    household_of,
    person_at,
    validated,
)
from haven.cases.actions import household_view
from haven.evidence.actions import evidence_add, evidence_viewed
from haven.evidence.forms.items import UploadForm, tag_date_field, tag_field
from haven.evidence.models import EvidenceItem
from haven.evidence.models.items import TAG_CHOICES
from haven.evidence.reading import reading_on_arrival
from haven.evidence.views.lookup import item_in, items_with_details

router = Router(tags=["evidence"])
TAGS = [code for code, _label in TAG_CHOICES]
TAG_PATTERN = rf"^({'|'.join(TAGS)})(:\d{{4}}-\d{{2}}-\d{{2}})?$"


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
    followers: int | None
    views: int | None
    registry: str
    registry_reference: str
    registry_listed_on: dt.date | None
    status: str
    original: uuid.UUID | None
    derivation: str
    added_by: str | None
    added_at: dt.datetime
    tags: list[TagOut]
    files: list[FileOut]
    verifications: list[VerificationOut]


class EvidenceIn(Schema):
    """An item's description; ``tags`` say what it shows, each as ``tag`` or ``tag:YYYY-MM-DD`` (the date
    of the activity)."""

    kind: Literal[
        "social_post", "article", "video", "photo", "court_document", "registry_listing",
        "membership_record", "witness_statement", "other",
    ]  # fmt: skip
    title: str = Field(min_length=1, max_length=500)
    description: str = Field("", max_length=10_000)
    source_url: str = Field("", max_length=2000)
    author: str = Field("", max_length=500)
    published_on: dt.date | None = None
    language: str = Field("", max_length=20)
    followers: int | None = Field(None, ge=0, le=2_147_483_647)
    views: int | None = Field(None, ge=0, le=2_147_483_647)
    registry: str = Field("", max_length=200)
    registry_reference: str = Field("", max_length=200)
    registry_listed_on: dt.date | None = None
    tags: list[str] = Field(
        [], max_length=len(TAGS), json_schema_extra={"items": {"type": "string", "pattern": TAG_PATTERN}}
    )

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not re.fullmatch(TAG_PATTERN.strip("^$"), tag):
                raise ValueError(
                    f"unknown tag {tag[:60]!r}: one of {', '.join(TAGS)}, optionally :YYYY-MM-DD"
                )
        codes = [tag.split(":", 1)[0] for tag in value]
        if len(set(codes)) != len(codes):
            raise ValueError("each tag may be given once")
        return value

    def form_data(self) -> dict[str, Any]:
        """The upload page's form fields: the item's, and a tick and a date per tag."""
        data: dict[str, Any] = self.model_dump(exclude={"tags"})
        data = {name: "" if value is None else value for name, value in data.items()}
        for tag in self.tags:
            code, _sep, day = tag.partition(":")
            data[tag_field(code)] = True
            data[tag_date_field(code)] = day
        return data


def evidence_out(item: EvidenceItem) -> dict[str, Any]:
    return {
        "id": item.public_id,
        "person": item.person.public_id,
        **{name: getattr(item, name) or "" for name in ("kind", "title", "description", "source_url",
                                                         "author", "language", "status", "derivation",
                                                         "registry", "registry_reference")},
        **{name: getattr(item, name) for name in ("published_on", "followers", "views",
                                                  "registry_listed_on")},
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
    person = person_at(request, reference, person_id)
    household = person.household
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
    item = item_in(actor_of(request), household_of(request, reference), item_id)
    evidence_viewed(actor=actor_of(request), item=item, page="api")
    return evidence_out(item)


@router.post(
    "/households/{reference}/people/{person_id}/evidence",
    response={201: EvidenceOut, **ERRORS},
    url_name="person_evidence",
    summary="Add an item of evidence about a person, with its file if one is sent (multipart)",
)
def add_evidence(
    request: HttpRequest,
    reference: str,
    person_id: uuid.UUID,
    item: Form[EvidenceIn],
    upload: File[UploadedFile] = None,  # type: ignore[assignment]
) -> Any:
    person = person_at(request, reference, person_id)
    household = person.household
    loc = ("form",)  # where Ninja places the form's own fields in its answers
    form = UploadForm(item.form_data(), {"upload": upload} if upload is not None else {})
    try:
        validated(form, loc)
    except FormInvalid as exc:
        for entry in exc.detail:  # a tag's tick or date is the tags field here; the file is a file
            field = str(entry["loc"][-1])
            if field.startswith("tag_"):
                entry["loc"] = [*loc, "tags"]
            elif field == "upload":
                entry["loc"] = ["file", "upload"]
        raise
    stored = form.cleaned_data["upload"]
    added = evidence_add(
        actor=actor_of(request),
        person=person,
        fields=form.item_fields(),
        data=stored.data if stored else None,
        filename=stored.filename if stored else "",
    )
    reading_on_arrival(actor=actor_of(request), item=added)  # a scan is read in the background
    return Status(201, evidence_out(item_in(actor_of(request), household, added.public_id)))
