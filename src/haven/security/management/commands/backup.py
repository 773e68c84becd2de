"""``haven backup FILE``: write the whole installation to one encrypted, integrity-checked age file.

``haven backup --check FILE`` reads a backup whole, checks it and says which format it is in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.security.actions import backup_create_record
from haven.security.backup import BackupError, write_backup
from haven.security.backup_files import configured_recipients
from haven.security.management.commands.restore import check
from haven.security.passphrase import add_identity_argument, add_passphrase_argument, read_passphrase
from haven.security.reporting import TerminalReporter


class Command(BaseCommand):
    help = (
        "Write the database and the stored files to FILE, compressed and encrypted as an age file to "
        "this installation's data key and HAVEN_BACKUP_RECIPIENTS (or under a passphrase)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        add_passphrase_argument(parser)
        add_identity_argument(parser)
        parser.add_argument(
            "--check", action="store_true", help="Only check FILE, an existing backup; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["file"]
        passphrase = read_passphrase(options)
        if options["check"]:
            check(self, target, passphrase, options["identity_file"])
            return
        self.stdout.write(f"Backing up to {target}")
        try:
            recipients = [] if passphrase else configured_recipients()
            with TerminalReporter(self.stdout) as reporter:
                summary = write_backup(target, passphrase=passphrase, reporter=reporter)
        except (BackupError, OSError) as exc:
            raise CommandError(f"No backup was written: {exc}") from None
        backup_create_record(
            rows=sum(summary.rows.values()), files=summary.files, passphrase=bool(passphrase)
        )
        if passphrase:
            key = "the passphrase"
        elif recipients:
            key = (
                "this installation's key file or the identity of one of its "
                f"{len(recipients)} HAVEN_BACKUP_RECIPIENTS"
            )
        else:
            key = "this installation's key file"
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written (age): {sum(summary.rows.values()):,} rows, {summary.files:,} stored files. "
                f"It can be opened only with {key}; keep that apart from the backup."
            )
        )
        self.stdout.write(f"SHA-256 of {target.name}: {summary.sha256} (to check copies with sha256sum)")
        if not passphrase and not recipients:
            self.stdout.write(
                self.style.WARNING(
                    "Only Haven with this key file can open it. To be able to open backups by hand with "
                    "the age command, set HAVEN_BACKUP_RECIPIENTS (docs/backup-recovery.md)."
                )
            )
