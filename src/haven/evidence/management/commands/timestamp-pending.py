"""``haven timestamp-pending``: timestamp every stored evidence file that has no timestamp yet.

Files are normally timestamped as they are stored; this retries those whose timestamp failed (the
authority was down) and stamps older files after an authority is configured. Run it after an outage,
or daily from cron: it exits non-zero while some file could not be timestamped.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.evidence.timestamps import pending_blobs, timestamp_pending
from haven.jobs.commands import enqueue_from_command


class Command(BaseCommand):
    help = "Timestamp every stored evidence file that has no RFC 3161 timestamp yet (HAVEN_TSA_URL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--background", action="store_true", help="Queue it as a job for `haven worker` and return."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.HAVEN_TSA_URL:
            raise CommandError(
                "No timestamp authority is configured: set HAVEN_TSA_URL (and HAVEN_TSA_CA_FILE)."
            )
        if options["background"]:
            enqueue_from_command("evidence.timestamp", self.stdout)
            return
        waiting = len(pending_blobs())
        result = timestamp_pending()
        self.stdout.write(f"{waiting} files had no timestamp; {result.stamped} are now timestamped.")
        if result.failed:
            for sha256, why in result.failed:
                self.stderr.write(f"FAILED  {sha256[:16]}…: {why}")
            raise CommandError(f"{len(result.failed)} files could not be timestamped; run this again later.")
