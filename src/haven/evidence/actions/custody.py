"""Recording that someone looked at or took a copy of evidence, and reading an item's custody log."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.audit.record import audit_read
from haven.cases.actions.permission_and_audit import audit_entry
from haven.evidence.actions.permission_and_custody import custody, ensure_can_see
from haven.evidence.models import EvidenceItem, ItemFile

# Entries about all of a household's evidence at once, part of each item's custody: exports in a bundle.
HOUSEHOLD_WIDE = ("evidence.bundle",)


def evidence_viewed(*, actor: Actor, item: EvidenceItem, page: str = "detail") -> None:
    """The item's page (or a preview of one of its files) was shown to ``actor``."""
    ensure_can_see(actor, item.person.household)
    with transaction.atomic():
        custody(actor, "evidence.view", item, page=page)


def file_downloaded(*, actor: Actor, item_file: ItemFile, preview: bool = False) -> None:
    """A copy of one of the item's files left Haven for ``actor``'s browser (a download or a preview)."""
    item = item_file.item
    ensure_can_see(actor, item.person.household)
    action = "evidence.preview" if preview else "evidence.download"
    with transaction.atomic():
        custody(actor, action, item, role=item_file.role, sha256=item_file.blob.sha256)


def picture_shown(*, actor: Actor, item_file: ItemFile, number: int) -> None:
    """A picture Haven made of one of the item's files (a PDF page, a re-encoded image) was sent to
    ``actor``'s browser. A page asks for its pictures all at once, so this is recorded as a read: staged
    without waiting for the chain's lock, and sealed into the chain (and the custody) by the next write."""
    item = item_file.item
    household = item.person.household
    ensure_can_see(actor, household)
    detail = {"role": item_file.role, "sha256": item_file.blob.sha256, "picture": number}
    audit_read(**audit_entry(actor, "evidence.preview", household, target=str(item.public_id), **detail))


def item_custody(item: EvidenceItem) -> QuerySet[AuditEntry]:
    """Every audit entry about ``item`` and every export of its household's evidence, oldest first: its
    chain of custody."""
    entries = AuditEntry.objects.filter(household_ref=item.person.household.reference).filter(
        Q(target=str(item.public_id)) | Q(action__in=HOUSEHOLD_WIDE)
    )
    return entries.select_related("actor").order_by("seq")
