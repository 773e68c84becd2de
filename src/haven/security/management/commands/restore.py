"""``haven restore FILE``: restore a backup into an empty installation (or, with --check, only check it).

Reads backups written as age files and those written before, in Haven's own container; ``--check``
says which it read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.security.actions import backup_restore_record
from haven.security.backup import BackupError, check_backup, restore_backup
from haven.security.backup_files import read_identities
from haven.security.passphrase import add_identity_argument, add_passphrase_argument, read_passphrase
from haven.security.reporting import TerminalReporter


def check(command: BaseCommand, path: Path, passphrase: bytes | None, identity_file: Path | None) -> None:
    """Check the backup at ``path`` in full and say which format it is in (for both ``--check``)."""
    try:
        identities = read_identities(identity_file) if identity_file else []
        checked = check_backup(path, passphrase=passphrase, identities=identities)
    except BackupError as exc:
        raise CommandError(f"The backup does not check out: {exc}.") from None
    except OSError as exc:
        raise CommandError(f"The backup does not check out: cannot read {path}: {exc.strerror}.") from None
    command.stdout.write(f"Format: {checked.format}.")
    command.stdout.write(
        command.style.SUCCESS(
            f"The backup of {checked.created_at} is intact: "
            f"{checked.rows:,} rows, {checked.files:,} stored files."
        )
    )


class Command(BaseCommand):
    help = "Check FILE in full, then restore it into this installation, which must be empty."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        add_passphrase_argument(parser)
        add_identity_argument(parser)
        parser.add_argument("--check", action="store_true", help="Only check the backup; restore nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        passphrase = read_passphrase(options)
        if options["check"]:
            check(self, path, passphrase, options["identity_file"])
            return
        try:
            identities = read_identities(options["identity_file"]) if options["identity_file"] else []
            with TerminalReporter(self.stdout) as reporter:
                summary = restore_backup(
                    path, passphrase=passphrase, identities=identities, reporter=reporter
                )
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
