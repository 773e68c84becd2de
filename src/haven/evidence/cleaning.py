"""Making the copies without metadata that leave Haven in place of originals (see
:mod:`haven_core.bundles.leaving`): an image re-encoded from its pixels, a video whose streams ffmpeg
copies without the file's tags. Both take a moment, so an export makes those it lacks.

A scan's searchable PDF is never made here: it comes from the scan's reading, a job queued when the scan
arrived (:func:`haven.evidence.reading.reading_on_arrival`), as Tesseract takes seconds a page. An
export asks :func:`scans_unread` which of its scans have no searchable PDF yet, and why: a reading still
queued or under way (queued now if there never was one) is worth waiting for; one that failed, or a
Haven without Tesseract, is not, and the original then stays in Haven with the reason in the manifest.

A copy made once is kept, so a second export makes nothing new. Each copy is stored through
:func:`haven.evidence.actions.clean_copy_store`, with its custody entry naming the original's hash.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from haven.accounts.actor import Actor
from haven.evidence.actions import clean_copy_store
from haven.evidence.errors import BlobIntegrityError
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.models.files import CLEAN_ROLES
from haven.evidence.reading import READ, reading_pending, reading_queue
from haven.evidence.storage import read_blob
from haven.jobs.models import Job
from haven_core.bundles.leaving import CLEAN, VIDEOS, clean_role, leaves
from haven_core.evidence import ocr
from haven_core.evidence.rendering import RenderingError, strip_image_metadata
from haven_core.evidence.video import VideoError, strip_video_metadata


def clean_copy_data(item_file: ItemFile) -> bytes:
    """The bytes of an image or a video without metadata; :class:`RenderingError` or
    :class:`VideoError` if Haven cannot make them."""
    media_type = item_file.blob.media_type
    if clean_role(media_type) != "clean_copy":
        raise RenderingError(f"Haven makes no copy of {media_type} at export")
    if media_type in VIDEOS:
        return strip_video_metadata(read_blob(item_file.blob), media_type)
    return strip_image_metadata(read_blob(item_file.blob), media_type)


def _missing(item: EvidenceItem, role: str) -> list[ItemFile]:
    """The item's files that leave Haven as a copy of ``role`` and have none yet."""
    files = list(item.files.all())
    have = {(f.role, f.derived_from_id) for f in files if f.role in CLEAN_ROLES}
    return [
        f
        for f in files
        if leaves(f.role, f.blob.media_type) == CLEAN
        and clean_role(f.blob.media_type) == role
        and (role, f.blob_id) not in have
    ]


@dataclass
class UnreadScans:
    waiting: list[EvidenceItem] = field(default_factory=list)  # their reading is queued or under way
    queued_now: int = 0  # of those, how many had never been read and were queued by this export
    not_cleaned: dict[str, str] = field(default_factory=dict)  # SHA-256 → why no copy will come
    reading: dict[str, str] = field(default_factory=dict)  # SHA-256 of the waiting scans → why no copy yet


def scans_unread(*, items: Iterable[EvidenceItem]) -> UnreadScans:
    """The items whose scan has no searchable PDF: waiting for their reading (queued now, as Haven, if
    there never was one), or not to have one, and why. Nothing is read here."""
    unread = UnreadScans()
    for item in items:
        missing = _missing(item, "searchable_pdf")
        if not missing:
            continue
        why = ""
        if reading_pending(item):
            unread.waiting.append(item)
        elif not ocr.available():
            why = "Tesseract with Russian is not installed, so the scan was not read"
        elif Job.objects.filter(kind=READ, subject=str(item.public_id)).exists():
            why = "its reading made no searchable PDF (the item's page says why; reading it again makes one)"
        elif reading_queue(actor=Actor.system(), item=item, why="export") is not None:
            unread.waiting.append(item)
            unread.queued_now += 1
        else:
            why = "it could not be queued for reading"
        if why:
            unread.not_cleaned.update({f.blob.sha256: why for f in missing})
        else:
            unread.reading.update(
                {f.blob.sha256: "it was still being read when this bundle was made" for f in missing}
            )
    return unread


def clean_copies_make(*, actor: Actor, items: Iterable[EvidenceItem]) -> tuple[list[int], dict[str, str]]:
    """Make the missing copies without metadata of the items' images and videos; the ids of the blobs
    made, and why a copy could not be made, by the SHA-256 of the file that stays in Haven for want of one."""
    made: list[int] = []
    problems: dict[str, str] = {}
    for item in items:
        for item_file in _missing(item, "clean_copy"):
            try:
                data = clean_copy_data(item_file)
            except (RenderingError, VideoError, BlobIntegrityError) as exc:
                problems[item_file.blob.sha256] = str(exc)
                continue
            copy = clean_copy_store(actor=actor, item=item, source=item_file, data=data, role="clean_copy")
            made.append(copy.blob_id)
    return made, problems
