"""``haven rotate-keys``: put every sensitive value (or every blind index) under a new key."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.security.reporting import TerminalReporter
from haven.security.rotation import RotationError, rotate_data_key, rotate_index_key


class Command(BaseCommand):
    help = (
        "Add a new data key, make it current and re-encrypt every sensitive value under it, in batches, "
        "while Haven keeps serving. With --index-key, rotate the blind-index key instead."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--index-key",
            action="store_true",
            help="Rotate the blind-index key and recompute every name and A-number index.",
        )
        parser.add_argument(
            "--retire-old",
            action="store_true",
            help="Afterwards remove the old data keys from the key ring, once no value still needs them. "
            "Backups made under an old key then need a saved copy of the old key file.",
        )
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction.")

    def handle(self, *args: Any, **options: Any) -> None:
        batch_size, retire_old = options["batch_size"], options["retire_old"]
        try:
            with TerminalReporter(self.stdout) as reporter:
                if options["index_key"]:
                    key = rotate_index_key(batch_size=batch_size, reporter=reporter)
                    done = f"Every blind index is now under index key {key}."
                else:
                    result = rotate_data_key(batch_size=batch_size, retire_old=retire_old, reporter=reporter)
                    done = f"{result.rewritten:,} values re-encrypted; data key {result.new_key} is current."
        except (RotationError, ImproperlyConfigured) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(done))
        if not options["index_key"] and not retire_old:
            self.stdout.write("The old data keys are still on the key ring; --retire-old removes them.")
