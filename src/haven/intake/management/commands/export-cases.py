"""``haven export-cases --org ORG --out FILE``: an organisation's caseload as XLSX or CSV (audited)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.intake.export import cases_export


class Command(BaseCommand):
    help = (
        "Export an organisation's caseload with the import's columns, one row per person; the format "
        "follows the file's ending (.xlsx or .csv). The export is recorded in the audit log."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", required=True, help="The organisation's slug.")
        parser.add_argument("--out", required=True, type=Path, help="The file to write: .xlsx or .csv.")
        parser.add_argument("--language", choices=["en", "ru"], default="en", help="Language of the headers.")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {options['org']!r}.")
        out: Path = options["out"]
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv"):
            raise CommandError("--out must end in .xlsx or .csv.")
        data = cases_export(
            actor=Actor.system(), organisation=organisation, fmt=fmt, language=options["language"]
        )
        out.write_bytes(data)
        self.stdout.write(f"Wrote {out} ({len(data):,} bytes).")
