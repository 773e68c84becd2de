"""Adding evidence, correcting what is said about it, and making working copies of it.

An original's files are never modified or replaced: ``evidence_update`` changes the item's description
and tags only, and a redaction, crop or translation is a new item (``working_copy_create``) with its own
file, linked to the original. Changing what a verified item claims sends it back for review: the verdict
was given on what it said before.

A working copy is what leaves Haven (in bundles and referral packages), so an image made into one loses
its metadata on the way in: EXIF with its GPS position (which would locate a family), XMP, comments; and
so does a video, its streams copied by ffmpeg into a new file without the container's tags (its position,
creation time and device), when ffmpeg is installed. The original keeps everything, sealed and hashed as
it was received: it is the evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import apply_fields, touch
from haven.cases.models import Person
from haven.evidence.actions.permission_and_custody import custody, ensure_can_change
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import EvidenceItem, EvidenceTag, ItemFile
from haven.evidence.models.items import DERIVATION_CHOICES, KIND_CHOICES, TAG_CHOICES
from haven.evidence.storage import store_blob
from haven.evidence.timestamps import timestamp_on_commit
from haven_core.evidence import video
from haven_core.evidence.files import IMAGE_TYPES, VIDEO_TYPES
from haven_core.evidence.rendering import RenderingError, strip_image_metadata
from haven_core.evidence.sniff import sniff_media_type

# Translations of the title and summary for referral dossiers: they say the same thing in another
# language, so changing them does not send a verified item back to review.
TRANSLATIONS = ("title_en", "title_fr", "summary_en", "summary_fr")
ITEM_FIELDS = (
    "kind", "title", "description", "source_url", "author", "published_on", "language", "followers",
    "views", "registry", "registry_reference", "registry_listed_on", *TRANSLATIONS,
)  # fmt: skip
_KINDS = {code for code, _label in KIND_CHOICES}
_TAGS = {code for code, _label in TAG_CHOICES}
_DERIVATIONS = {code for code, _label in DERIVATION_CHOICES}

TagList = Iterable[tuple[str, dt.date | None]]


def _split(fields: Mapping[str, Any]) -> tuple[dict[str, Any], list[tuple[str, dt.date | None]] | None]:
    values = dict(fields)
    tags = values.pop("tags", None)
    if values.get("kind") is not None and values["kind"] not in _KINDS:
        raise InvalidEvidence(_("Choose what kind of evidence this is."))
    if tags is None:
        return values, None
    tag_list = list(tags)
    unknown = {tag for tag, _date in tag_list} - _TAGS
    if unknown:
        raise InvalidEvidence(_("Unknown tags: %(tags)s.") % {"tags": ", ".join(sorted(unknown))})
    if len({tag for tag, _date in tag_list}) != len(tag_list):
        raise InvalidEvidence(_("Each tag may be given once."))
    return values, tag_list


def _write_tags(item: EvidenceItem, tags: list[tuple[str, dt.date | None]]) -> None:
    item.tags.all().delete()
    EvidenceTag.objects.bulk_create(EvidenceTag(item=item, tag=tag, activity_date=day) for tag, day in tags)


def _tag_list(item: EvidenceItem) -> list[tuple[str, dt.date | None]]:
    return sorted((t.tag, t.activity_date) for t in item.tags.all())


def evidence_add(
    *,
    actor: Actor,
    person: Person,
    fields: Mapping[str, Any],
    data: bytes | None = None,
    filename: str = "",
) -> EvidenceItem:
    """Add an original item of evidence about ``person``, with its file if one was uploaded.

    ``fields`` are the item's fields (see ``ITEM_FIELDS``) and ``tags``, a list of (tag, activity date).
    The file's bytes are stored content-addressed and encrypted (``store_blob``); checking that an upload
    is acceptable (type, size, no archive) is the form's job, before this is called.
    """
    household = person.household
    ensure_can_change(actor, household)
    values, tags = _split(fields)
    item = EvidenceItem(person=person, added_by=actor.user)
    apply_fields(item, values, ITEM_FIELDS)
    if not item.kind:
        raise InvalidEvidence(_("Choose what kind of evidence this is."))
    with transaction.atomic():
        item.save()
        _write_tags(item, tags or [])
        detail: dict[str, Any] = {"kind": item.kind, "tags": sorted(t for t, _d in tags or [])}
        if data is not None:
            blob = store_blob(data)
            ItemFile.objects.create(item=item, blob=blob, role="original", filename=filename)
            timestamp_on_commit([blob])
            detail.update(sha256=blob.sha256, media_type=blob.media_type, size=blob.size)
        touch(household, actor)
        custody(actor, "evidence.add", item, person=str(person.public_id), **detail)
    return item


def evidence_update(*, actor: Actor, item: EvidenceItem, fields: Mapping[str, Any]) -> list[str]:
    """Correct an item's description and tags; its files stay as they are. A verified item goes back
    to review, unless only its translations (for referral dossiers) changed."""
    household = item.person.household
    ensure_can_change(actor, household)
    values, tags = _split(fields)
    with transaction.atomic():
        changed = apply_fields(item, values, ITEM_FIELDS)
        if tags is not None and sorted(tags) != _tag_list(item):
            _write_tags(item, tags)
            changed.append("tags")
        if not changed:
            return []
        reset = item.status != "unreviewed" and not set(changed) <= set(TRANSLATIONS)
        if reset:
            item.status = "unreviewed"
        item.save()
        touch(household, actor)
        custody(actor, "evidence.update", item, fields=changed, review_reset=reset)
    return changed


def working_copy_create(
    *,
    actor: Actor,
    original: EvidenceItem,
    derivation: str,
    data: bytes,
    filename: str,
    fields: Mapping[str, Any] | None = None,
) -> EvidenceItem:
    """A redaction, crop or translation of ``original``: a new item with its own file, linked to it."""
    household = original.person.household
    ensure_can_change(actor, household)
    if original.original_id is not None:
        raise InvalidEvidence(_("Make working copies from the original, not from another working copy."))
    if derivation not in _DERIVATIONS:
        raise InvalidEvidence(_("Say what kind of working copy this is."))
    values, _tags = _split(fields or {})
    data, cleaned = _without_metadata(data)
    copy = EvidenceItem(
        person=original.person,
        original=original,
        derivation=derivation,
        added_by=actor.user,
        **{name: getattr(original, name) for name in ITEM_FIELDS},
    )
    apply_fields(
        copy, {k: v for k, v in values.items() if v not in (None, "")}, ("title", "description", "language")
    )
    with transaction.atomic():
        copy.save()
        blob = store_blob(data)
        ItemFile.objects.create(item=copy, blob=blob, role="working", filename=filename)
        timestamp_on_commit([blob])
        touch(household, actor)
        detail: dict[str, object] = {
            "derivation": derivation,
            "sha256": blob.sha256,
            "media_type": blob.media_type,
        }
        if cleaned:
            detail["metadata_removed"] = True
        custody(actor, "evidence.working_copy", copy, original=str(original.public_id), **detail)
        custody(
            actor, "evidence.working_copy_made", original, copy=str(copy.public_id), derivation=derivation
        )
    return copy


def _without_metadata(data: bytes) -> tuple[bytes, bool]:
    """An image's bytes re-encoded without metadata, a video's streams in a new file without it (and
    whether that was done); other files, and videos on a Haven without ffmpeg, as given."""
    media_type = sniff_media_type(data)
    if media_type in VIDEO_TYPES and video.available():
        try:
            return video.strip_video_metadata(data, media_type), True
        except video.VideoError:
            raise InvalidEvidence(
                _("This video could not be read, so its metadata could not be removed.")
            ) from None
    if media_type not in IMAGE_TYPES:
        return data, False
    try:
        return strip_image_metadata(data, media_type), True
    except RenderingError:
        raise InvalidEvidence(
            _("This image could not be read, so its metadata could not be removed.")
        ) from None
