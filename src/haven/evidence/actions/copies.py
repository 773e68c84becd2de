"""Copies of an item's file that Haven makes without its metadata: a searchable PDF of a scan (after
reading it), an image re-encoded from its pixels, a video's streams in a new file without its tags. They
are the item's working copies, what leaves Haven in place of the original (see
docs/evidence-review.md); the original stays, sealed and hashed as it was received.

A copy is stored like any evidence file (sealed, content-addressed, timestamped) and attached to the
item in its role, with the file it was made from; its custody entry names both hashes, so whoever
receives the copy can see that the original existed, what its hash was, and when it was cleaned. Making
the copy again (a scan read again) replaces the item's copy in that role: the entry says which it replaced.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.evidence.actions.permission_and_custody import custody, ensure_can_change
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.models.files import CLEAN_ROLES
from haven.evidence.storage import store_blob
from haven.evidence.timestamps import timestamp_on_commit


def clean_copy_store(
    *, actor: Actor, item: EvidenceItem, source: ItemFile, data: bytes, role: str
) -> ItemFile:
    """Attach ``data``, a copy of ``source`` (one of ``item``'s files) made without its metadata, to
    ``item`` in ``role`` (one of ``CLEAN_ROLES``), replacing the copy it had in that role."""
    ensure_can_change(actor, item.person.household)
    if role not in CLEAN_ROLES:
        raise InvalidEvidence(_("This is not a kind of copy Haven makes."))
    if source.item_id != item.pk or source.role in CLEAN_ROLES:
        raise InvalidEvidence(_("A copy is made from one of the item's own files."))
    with transaction.atomic():
        blob = store_blob(data)
        earlier = list(item.files.select_related("blob").filter(role=role))
        replaced = sorted({f.blob.sha256 for f in earlier if f.blob_id != blob.pk})
        item.files.filter(role=role).exclude(blob=blob).delete()  # the stored bytes stay: blobs are kept
        copy, _created = ItemFile.objects.update_or_create(
            item=item, blob=blob, role=role,
            defaults={"derived_from": source.blob, "filename": _copy_name(source, blob.media_type)},
        )  # fmt: skip
        timestamp_on_commit([blob])
        custody(
            actor, "evidence.clean_copy", item, role=role, original_sha256=source.blob.sha256,
            sha256=blob.sha256, media_type=blob.media_type, size=blob.size, metadata_removed=True,
            replaced=replaced,
        )  # fmt: skip
    return copy


def _copy_name(source: ItemFile, media_type: str) -> str:
    """The download name of the copy: the original's, with the copy's extension."""
    stem = (source.filename or "").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "evidence"
    extension = {
        "application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
        "image/webp": ".webp", "video/mp4": ".mp4", "video/quicktime": ".mov", "video/webm": ".webm",
    }.get(media_type, "")  # fmt: skip
    return (
        f"{stem} (searchable){extension}" if media_type == "application/pdf" else f"{stem} (clean){extension}"
    )
