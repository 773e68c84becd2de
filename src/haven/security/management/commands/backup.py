"""``haven backup FILE``: write the whole installation to one encrypted, integrity-checked file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.security.actions import backup_create_record
from haven.security.backup import BackupError, write_backup
from haven.security.passphrase import add_passphrase_argument, read_passphrase
from haven.security.reporting import TerminalReporter


class Command(BaseCommand):
    help = (
        "Write the database and the stored files to FILE, compressed and encrypted under a key derived "
        "from the current data key (or from a passphrase)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        add_passphrase_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["file"]
        passphrase = read_passphrase(options)
        self.stdout.write(f"Backing up to {target}")
        try:
            with TerminalReporter(self.stdout) as reporter:
                summary = write_backup(target, passphrase=passphrase, reporter=reporter)
        except (BackupError, OSError) as exc:
            raise CommandError(f"No backup was written: {exc}") from None
        backup_create_record(
            rows=sum(summary.rows.values()), files=summary.files, passphrase=bool(passphrase)
        )
        key = "the passphrase" if passphrase else "this installation's key file"
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {sum(summary.rows.values()):,} rows, {summary.files:,} stored files. "
                f"It can be restored only with {key}; keep that apart from the backup."
            )
        )
