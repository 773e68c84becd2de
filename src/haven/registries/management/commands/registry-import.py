"""``haven registry-import FILE``: import a registry file as a snapshot and screen the caseload."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.accounts.actor import Actor
from haven.progress import Progress
from haven.registries.errors import RegistryImportError
from haven.registries.importing import ImportResult, Listed, registry_import
from haven.registries.screening import screen_everyone

SHOWN = 20  # entries listed per kind of change; the rest are counted


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date {text!r} is not a date: write YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Import a registry file (the Ministry of Justice's foreign-agents XLSX or CSV, a saved "
        "Rosfinmonitoring list page, or a generic CSV), print who was added and removed since the "
        "previous snapshot, then screen every person in the caseload against the registries."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--registry", help="registry name, for a generic CSV (e.g. interpol-red)")
        parser.add_argument("--date", type=_date, help="snapshot date, for files that do not state it")
        parser.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
        parser.add_argument("--no-screen", action="store_true", help="do not screen the caseload after")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from None
        actor = Actor.system()
        try:
            with Progress("reading entries", None, self.stderr) as progress:
                result = registry_import(
                    actor=actor,
                    data=data,
                    file_name=path.name,
                    registry=options["registry"],
                    taken_on=options["date"],
                    dry_run=options["dry_run"],
                    progress=progress,
                )
        except RegistryImportError as exc:
            raise CommandError(f"{path.name}: {exc}. Nothing was imported.") from None
        self._report(result, dry_run=options["dry_run"])
        if not options["dry_run"] and not options["no_screen"]:
            counts = screen_everyone(actor=actor, stream=self.stderr)
            self.stdout.write(
                f"Screened {counts.people:,} people: {counts.new_hits:,} new hits to review "
                f"({counts.open_hits:,} open in all)."
            )

    def _report(self, result: ImportResult, *, dry_run: bool) -> None:
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} {result.registry} of {result.taken_on.isoformat()} ({result.format}): "
            f"{result.entries:,} entries, {result.individuals:,} individuals."
        )
        if result.previous is None:
            self.stdout.write("This is the registry's first snapshot: nothing to compare with.")
            return
        self.stdout.write(
            f"Since {result.previous.isoformat()}: {len(result.added):,} added, "
            f"{len(result.removed):,} removed, {len(result.changed):,} changed."
        )
        for title, entries in (("Added", result.added), ("Removed", result.removed)):
            self._list(title, entries)

    def _list(self, title: str, entries: list[Listed]) -> None:
        if not entries:
            return
        self.stdout.write(f"{title}:")
        for entry in entries[:SHOWN]:
            born = f", born {entry.birth_date}" if entry.birth_date else ""
            self.stdout.write(f"  {entry.reference}  {entry.name}{born}")
        if len(entries) > SHOWN:
            self.stdout.write(f"  … and {len(entries) - SHOWN:,} more (see the registries page)")
