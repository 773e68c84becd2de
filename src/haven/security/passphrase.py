"""The ``--passphrase-file`` option of ``haven backup`` and ``haven restore``.

The passphrase is read from a file, never from the command line, where other users of the machine could
see it in the process list and it would stay in the shell's history.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import CommandError, CommandParser

MIN_LENGTH = 12


def add_passphrase_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        help="Encrypt with the passphrase in this file instead of a key derived from the key ring, so the "
        "backup can be restored into an installation with other keys.",
    )


def add_identity_argument(parser: CommandParser) -> None:
    parser.add_argument(
        "--identity-file",
        type=Path,
        help="Open an age backup with the identity in this file (from age-keygen), for a backup encrypted "
        "to HAVEN_BACKUP_RECIPIENTS.",
    )


def read_passphrase(options: dict[str, Any]) -> bytes | None:
    path: Path | None = options.get("passphrase_file")
    if path is None:
        return None
    try:
        passphrase = path.read_bytes().strip()
    except OSError as exc:
        raise CommandError(f"Cannot read the passphrase file {path}: {exc.strerror}.") from None
    if len(passphrase) < MIN_LENGTH:
        raise CommandError(f"The passphrase must be at least {MIN_LENGTH} characters long.")
    return passphrase
