"""``haven generate-keys``: create a key file deliberately (production never generates one by itself)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.security.keys import write_ring
from haven_core.crypto.keyring import KeyRing


class Command(BaseCommand):
    help = "Write a new key ring to the key file (HAVEN_KEYS_FILE); never overwrites an existing one."
    requires_system_checks: list[str] = []  # the checks would fail for the very keys this command makes

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--file", type=Path, help="Where to write it (default: HAVEN_KEYS_FILE).")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"] or Path(settings.HAVEN_KEYS_FILE)
        try:
            write_ring(path, KeyRing.generate(), exclusive=True)
        except FileExistsError:
            raise CommandError(f"{path} already exists; Haven never overwrites keys.") from None
        self.stdout.write(
            f"New encryption keys written to {path} (readable by you only). Keep a copy somewhere safe, "
            "apart from the database and its backups: without it the data cannot be read."
        )
