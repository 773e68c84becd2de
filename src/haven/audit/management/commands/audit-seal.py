"""``haven audit-seal``: seal the staged read entries into the audit chain now (the next change would)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from haven.audit.models import StagedEntry
from haven.audit.record import audit_seal


class Command(BaseCommand):
    help = (
        "Seal the audit entries of reads (household pages opened, API calls), staged without the chain's "
        "lock, into the hash chain in the order they were written. Run it from cron on a quiet system; "
        "every change seals them anyway."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sealed = audit_seal()
        self.stdout.write(f"Sealed {sealed} staged read entries into the audit chain.")
        left = StagedEntry.objects.count()
        if left:
            self.stdout.write(f"{left} staged entries were altered and left out: run `haven audit-verify`.")
