"""Making the copies without metadata that leave Haven in place of originals (see
:mod:`haven_core.bundles.leaving`): an image re-encoded from its pixels, a PDF redrawn as a searchable PDF.

A copy made once is kept (an item whose scan was read has its searchable PDF already), so a second
export makes nothing new. Each copy is stored through :func:`haven.evidence.actions.clean_copy_store`,
with its custody entry naming the original's hash.
"""

from __future__ import annotations

from collections.abc import Iterable

from haven.accounts.actor import Actor
from haven.evidence.actions import clean_copy_store
from haven.evidence.errors import BlobIntegrityError
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.models.files import CLEAN_ROLES
from haven.evidence.storage import read_blob
from haven_core.bundles.leaving import CLEAN, clean_role, leaves
from haven_core.evidence import ocr
from haven_core.evidence.rendering import RenderingError, strip_image_metadata


def clean_copy_data(item_file: ItemFile) -> bytes:
    """The bytes of ``item_file`` without metadata; :class:`RenderingError` or :class:`ocr.OcrError` if
    Haven cannot make them."""
    media_type = item_file.blob.media_type
    role = clean_role(media_type)
    if role == "clean_copy":
        return strip_image_metadata(read_blob(item_file.blob), media_type)
    if role == "searchable_pdf":
        if not ocr.available():
            raise ocr.OcrError("Tesseract with Russian is not installed")
        return ocr.searchable_pdf(read_blob(item_file.blob), media_type)
    raise RenderingError(f"Haven cannot remove the metadata of {media_type}")


def clean_copies_make(*, actor: Actor, items: Iterable[EvidenceItem]) -> tuple[list[int], dict[str, str]]:
    """Make the missing copies without metadata of the items' files; the ids of the blobs made, and why
    a copy could not be made, by the SHA-256 of the file that stays in Haven for want of one."""
    made: list[int] = []
    problems: dict[str, str] = {}
    for item in items:
        files = list(item.files.all())
        have = {(f.role, f.derived_from_id) for f in files if f.role in CLEAN_ROLES}
        for item_file in files:
            blob = item_file.blob
            if leaves(item_file.role, blob.media_type) != CLEAN:
                continue
            role = clean_role(blob.media_type)
            if (role, blob.pk) in have:
                continue
            try:
                data = clean_copy_data(item_file)
            except (RenderingError, ocr.OcrError, BlobIntegrityError) as exc:
                problems[blob.sha256] = str(exc)
                continue
            copy = clean_copy_store(actor=actor, item=item, source=item_file, data=data, role=role)
            made.append(copy.blob_id)
    return made, problems
