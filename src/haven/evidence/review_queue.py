"""The review queue: evidence awaiting a verdict that this reviewer may give, oldest first, and what the
queue page shows about each item — its claims, safe pictures of its files, and what its photos and
videos say about themselves, with the places where that contradicts the claims.

Which items: not yet reviewed, in a household the reviewer may see (:mod:`haven.accounts.visibility`),
and not added by the reviewer (nor, for a working copy, its original): the two-person rule leaves those
to someone else, so they are not in this reviewer's queue at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from haven.accounts.actor import Actor
from haven.accounts.visibility import found_or_refused, within_visible
from haven.evidence.errors import BlobIntegrityError
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.previews import TEXT_TYPES, pictures_ready, previewable, text_excerpt
from haven.evidence.storage import read_blob
from haven.evidence.views.lookup import items_with_details
from haven_core.evidence.metadata import (
    IMAGE_TYPES,
    VIDEO_TYPES,
    Claim,
    Contradiction,
    FileMetadata,
    contradictions,
    read_metadata,
)

SHOWN_IN_LIST = 50


def review_queue(actor: Actor) -> QuerySet[EvidenceItem]:
    """Items awaiting ``actor``'s verdict, oldest first."""
    waiting = EvidenceItem.objects.filter(status="unreviewed")
    user_id = actor.user_id
    if user_id is not None:
        waiting = waiting.exclude(added_by_id=user_id).exclude(
            Q(original__isnull=False) & Q(original__added_by_id=user_id)
        )
    return within_visible(actor, waiting, "person__household").order_by("added_at", "id")


def queue_item(actor: Actor, public_id: Any) -> EvidenceItem:
    """Any item ``actor`` may see, by its UUID (it may have left the queue since the link was made); 404
    otherwise, audited when it is another organisation's."""
    rows = within_visible(actor, items_with_details(), "person__household")
    item: EvidenceItem = found_or_refused(
        actor,
        rows.select_related("person__household__organisation"),
        "evidence",
        household="person__household",
        public_id=public_id,
    )
    return item


@dataclass(frozen=True)
class TextMatch:
    item: EvidenceItem
    excerpt: str


def items_reading(actor: Actor, query: str, limit: int = SHOWN_IN_LIST) -> list[TextMatch]:
    """Items ``actor`` may see whose text read from a scan contains ``query`` (case and spacing aside),
    newest first, each with the words around the first match. The text is encrypted: it is decrypted
    here, a household's items at a time the reviewer may see, and searched in memory."""
    from haven.evidence.models import DocumentText

    wanted = " ".join(query.split()).casefold()
    rows = within_visible(actor, DocumentText.objects.all(), "item__person__household")
    rows = rows.select_related("item__person__household").order_by("-read_at", "-id")
    found: list[TextMatch] = []
    for reading in rows.iterator(chunk_size=200):
        text = " ".join(reading.text.split())
        at = text.casefold().find(wanted)
        if at >= 0:
            excerpt = text[max(0, at - 60) : at + len(wanted) + 60]
            found.append(TextMatch(reading.item, excerpt))
            if len(found) >= limit:
                break
    return found


def next_in_queue(actor: Actor, after: EvidenceItem | None) -> EvidenceItem | None:
    """The item to show after ``after``: the next one in the queue's order, or else its first one."""
    queue = review_queue(actor).select_related("person__household")
    if after is not None:
        later = queue.filter(
            Q(added_at__gt=after.added_at) | Q(added_at=after.added_at, id__gt=after.pk)
        ).exclude(pk=after.pk)
        found = later.first()
        if found is not None:
            return found
        return queue.exclude(pk=after.pk).first()
    return queue.first()


@dataclass(frozen=True)
class Picture:
    number: int


@dataclass(frozen=True)
class FileView:
    """One file of the item as the queue page shows it."""

    item_file: ItemFile
    pictures: list[Picture] | None  # server-made pictures (PDF pages, a re-encoded image); None: coming
    text: str | None  # the start of a text file, to be shown escaped
    text_cut: bool


def item_claims(item: EvidenceItem) -> list[Claim]:
    claims = [Claim(tag.activity_date, tag.tag) for tag in item.tags.all() if tag.activity_date]
    if item.published_on:
        claims.append(Claim(item.published_on))
    return claims


@dataclass(frozen=True)
class MetadataPanel:
    """What an original photo or video says about itself, and where that contradicts the claims."""

    item_file: ItemFile
    metadata: FileMetadata
    rows: list[tuple[str, str]]
    warnings: list[str]


def metadata_panel(item: EvidenceItem, item_file: ItemFile) -> MetadataPanel | None:
    """The panel of an original image or video (working copies are cleaned, captures made by Haven)."""
    blob = item_file.blob
    if item_file.role != "original" or blob.media_type not in IMAGE_TYPES | VIDEO_TYPES:
        return None
    try:
        metadata = read_metadata(read_blob(blob), blob.media_type)
    except BlobIntegrityError:
        return None
    tag_labels = {tag.tag: str(tag.get_tag_display()) for tag in item.tags.all()}
    found = contradictions(metadata, item_claims(item))
    return MetadataPanel(
        item_file=item_file,
        metadata=metadata,
        rows=metadata_rows(metadata),
        warnings=[contradiction_text(c, tag_labels) for c in found],
    )


def metadata_panels(item: EvidenceItem) -> list[MetadataPanel]:
    panels = (metadata_panel(item, item_file) for item_file in item.files.all())
    return [panel for panel in panels if panel is not None]


def file_views(item: EvidenceItem) -> list[FileView]:
    views: list[FileView] = []
    for item_file in item.files.all():
        blob = item_file.blob
        ready = pictures_ready(blob) if previewable(blob) else 0
        pictures = None if ready is None else [Picture(n) for n in range(1, ready + 1)]
        text, cut = None, False
        if blob.media_type in TEXT_TYPES:
            try:
                text, cut = text_excerpt(blob)
            except BlobIntegrityError:
                text = None
        views.append(FileView(item_file=item_file, pictures=pictures, text=text, text_cut=cut))
    return views


def _date(value: Any) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def metadata_rows(metadata: FileMetadata) -> list[tuple[str, str]]:
    """(label, value) rows of what the file says about itself, for the metadata panel."""
    rows: list[tuple[str, str]] = []
    if metadata.captured_at:
        moment = formats.date_format(metadata.captured_at, "SHORT_DATETIME_FORMAT")
        zone = metadata.captured_at.strftime(" (UTC%z)") if metadata.captured_at.tzinfo else ""
        rows.append((_("Taken"), f"{moment}{zone}"))
    if metadata.device:
        rows.append((_("Device"), metadata.device))
    if metadata.location:
        rows.append((_("GPS position"), str(metadata.location)))
    if metadata.software:
        rows.append((_("Software"), ", ".join(metadata.software)))
    return rows


def contradiction_text(found: Contradiction, tag_labels: dict[str, str]) -> str:
    values = {
        "taken": _date(found.captured_on),
        "claimed": _date(found.claim.day),
        "days": found.days,
        "tag": tag_labels.get(found.claim.tag or "", found.claim.tag or ""),
    }
    if found.code == "taken_after_event":
        text = ngettext(
            "The file says it was taken on %(taken)s, %(days)d day after the activity it is said to show "
            "(%(tag)s, %(claimed)s).",
            "The file says it was taken on %(taken)s, %(days)d days after the activity it is said to show "
            "(%(tag)s, %(claimed)s).",
            found.days,
        )
    elif found.code == "taken_long_before_event":
        text = ngettext(
            "The file says it was taken on %(taken)s, %(days)d day before the activity it is said to show "
            "(%(tag)s, %(claimed)s).",
            "The file says it was taken on %(taken)s, %(days)d days before the activity it is said to show "
            "(%(tag)s, %(claimed)s).",
            found.days,
        )
    else:
        text = ngettext(
            "The file says it was taken on %(taken)s, %(days)d day after it was published (%(claimed)s).",
            "The file says it was taken on %(taken)s, %(days)d days after it was published (%(claimed)s).",
            found.days,
        )
    return text % values
