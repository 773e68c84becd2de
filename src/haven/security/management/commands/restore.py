"""``haven restore FILE``: restore a backup into an empty installation (or, with --check, only check it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.security.actions import backup_restore_record
from haven.security.backup import BackupError, check_backup, restore_backup
from haven.security.passphrase import add_passphrase_argument, read_passphrase
from haven.security.reporting import TerminalReporter


class Command(BaseCommand):
    help = "Check FILE in full, then restore it into this installation, which must be empty."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        add_passphrase_argument(parser)
        parser.add_argument("--check", action="store_true", help="Only check the backup; restore nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        passphrase = read_passphrase(options)
        try:
            if options["check"]:
                header = check_backup(path, passphrase=passphrase)
                self.stdout.write(self.style.SUCCESS(f"The backup of {header.created_at} is intact."))
                return
            with TerminalReporter(self.stdout) as reporter:
                summary = restore_backup(path, passphrase=passphrase, reporter=reporter)
        except BackupError as exc:
            raise CommandError(f"Nothing was restored: {exc}.") from None
        except OSError as exc:
            raise CommandError(f"Nothing was restored: cannot read {path}: {exc.strerror}.") from None
        backup_restore_record(rows=sum(summary.rows.values()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(summary.rows.values()):,} rows and {summary.files:,} stored files; "
                "search indexes rebuilt."
            )
        )
