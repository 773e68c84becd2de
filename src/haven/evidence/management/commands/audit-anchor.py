"""``haven audit-anchor``: have the timestamp authority sign the audit chain's head, and keep the token
beside the backups. Run daily from cron (docs/deployment.md); ``haven audit-verify --anchor FILE`` then
detects a trail wiped or rewritten whole since. It lives here because the evidence app holds Haven's
RFC 3161 client; what it writes is the audit trail's (``haven.audit.anchor``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.audit.anchor import audit_anchor
from haven.evidence.timestamps import TimestampFailed, authority, request_token


class Command(BaseCommand):
    help = (
        "Timestamp the audit chain's head with the RFC 3161 authority (HAVEN_TSA_URL) and keep the token in "
        "a file under HAVEN_BACKUP_DIR/audit-anchors, so that a wiped or rewritten trail is detected."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dir", type=Path, help="Where to keep the anchor file instead.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "HAVEN_TSA_URL", ""):
            raise CommandError("No timestamp authority is configured: set HAVEN_TSA_URL.")
        try:
            anchor, path = audit_anchor(stamp=request_token, authority=authority(), directory=options["dir"])
        except TimestampFailed as exc:
            raise CommandError(f"The head was not anchored: {exc}.") from None
        self.stdout.write(f"Anchored the audit trail's head {anchor.head} in {path}")
