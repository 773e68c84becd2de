"""``haven audit-verify``: check the audit trail's hash chain and report the first broken link."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from haven.audit.chain import first_break
from haven.audit.models import AuditEntry, ChainHead


class Command(BaseCommand):
    help = "Verify that no audit entry was altered, removed or inserted since it was written."

    def handle(self, *args: Any, **options: Any) -> None:
        head = ChainHead.objects.filter(pk=1).first()
        head_seq, head_hash = (head.last_seq, head.last_hash) if head else (0, "0" * 64)
        entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
        broken = first_break(entries, head_seq, head_hash)
        if broken is not None:
            raise CommandError(f"The audit trail is broken at entry #{broken.seq}: {broken.reason}.")
        self.stdout.write(f"The audit trail holds: {head_seq} entries, newest link {head_hash[:16]}…")
