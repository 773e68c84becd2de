"""``haven screen-file PEOPLE.csv --out RESULTS.csv``: is anyone on a partner's list in a registry?"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.accounts.actor import Actor
from haven.registries.screen_file import INPUT_HEADER, OUTPUT_HEADER, ScreenFileError, screen_file


class Command(BaseCommand):
    help = (
        f"Screen a UTF-8 CSV with the header {','.join(INPUT_HEADER)} against the imported registries and "
        f"write one row per candidate ({','.join(OUTPUT_HEADER)}). The results name people who may be "
        "listed: keep them as carefully as the list itself. The run is recorded in the audit trail."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("people", type=Path)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["people"]
        out: Path = options["out"]
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise CommandError(f"{source}: {exc.strerror}") from None
        try:
            counts = screen_file(actor=Actor.system(), data=data, out=out)
        except ScreenFileError as exc:
            raise CommandError(f"{source.name}: {exc}. Nothing was written.") from None
        self.stdout.write(
            f"Screened {counts.rows:,} people: {counts.candidates:,} candidates "
            f"({counts.matches:,} match, {counts.candidates - counts.matches:,} to review) in {out}."
        )
