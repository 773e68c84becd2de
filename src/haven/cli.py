"""The ``haven`` console command: Django's management commands with Haven's settings."""

from __future__ import annotations

import os
import sys

# What Haven creates is for Haven's own user alone: the SQLite database and its WAL, key files, stored
# files and their folders, exports, backups and anchors (0600 files, 0700 folders), whatever the login's
# umask. Files that must be shared are given their mode explicitly.
PRIVATE_UMASK = 0o077


def main() -> None:
    os.umask(PRIVATE_UMASK)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
