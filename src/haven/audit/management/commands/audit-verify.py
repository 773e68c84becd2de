"""``haven audit-verify``: check the audit trail's hash chain and report the first broken link, and the
staged read entries not sealed into the chain yet (any whose content was altered is named)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from haven.audit.chain import first_break, staged_digest
from haven.audit.models import AuditEntry, ChainHead, StagedEntry


class Command(BaseCommand):
    help = (
        "Verify that no audit entry was altered, removed or inserted since it was written, and that the "
        "read entries waiting to be sealed into the chain are as they were written."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        head = ChainHead.objects.filter(pk=1).first()
        head_seq, head_hash = (head.last_seq, head.last_hash) if head else (0, "0" * 64)
        entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
        broken = first_break(entries, head_seq, head_hash)
        if broken is not None:
            raise CommandError(f"The audit trail is broken at entry #{broken.seq}: {broken.reason}.")
        staged = altered = 0
        first_altered = None
        for entry in StagedEntry.objects.order_by("id").iterator(chunk_size=2000):
            staged += 1
            if staged_digest(entry) != entry.digest:
                altered += 1
                first_altered = first_altered or entry.pk
        if altered:
            raise CommandError(
                f"{altered} of the {staged} staged read entries (not sealed yet) were altered after they "
                f"were written, the first is staged entry {first_altered}."
            )
        self.stdout.write(f"The audit trail holds: {head_seq} entries, newest link {head_hash[:16]}…")
        if staged:
            self.stdout.write(
                f"{staged} read entries are staged, not sealed into the chain yet: the next change seals "
                "them, or run `haven audit-seal`. Each is as it was written."
            )
