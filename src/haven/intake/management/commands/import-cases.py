"""``haven import-cases FILE --org ORG``: import an organisation's caseload spreadsheet (XLSX or CSV)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.intake.actions import ImportOutcome, ImportRefused, cases_import, check_against_haven
from haven.intake.choices import import_choices
from haven.intake.duplicates import file_check, in_file_duplicates
from haven.progress import Progress
from haven_core.intake import DateOrder, IntakeReport, validate
from haven_core.intake.duplicates import DIFFERENT, resolve_duplicates
from haven_core.intake.files import open_table
from haven_core.tables import FileProblem

POSITIONAL = (
    "The file has no Person ID column, so people are known by their place in the household: leaving out "
    "a row makes each later person take the place of the one before. Export from Haven (it writes every "
    "person's id) and edit that file, or add a Person ID column."
)


def _row(text: str) -> int:
    if not text.strip().isdigit():
        raise CommandError(f"{text!r} is not a row number (the header is row 1).")
    return int(text.strip())


def _choices(updates: list[str], different: list[str]) -> dict[int, str]:
    """Each row's choice from ``--update ROW=REFERENCE`` and ``--different-person ROW[,ROW…]``."""
    chosen: dict[int, str] = {}
    for text in updates:
        row, _, reference = text.partition("=")
        if not reference.strip():
            raise CommandError(f"--update {text!r}: write ROW=REFERENCE, e.g. --update 7=H-2026-00012.")
        chosen[_row(row)] = reference.strip()
    for text in different:
        for row in text.split(","):
            if _row(row) in chosen:
                raise CommandError(f"Row {row.strip()} is given both --update and --different-person.")
            chosen[_row(row)] = DIFFERENT
    return chosen


class Command(BaseCommand):
    help = (
        "Import a caseload spreadsheet (XLSX, or CSV in UTF-8 or Windows-1251) into an organisation: one "
        "row per person, headers in English or Russian (docs/import-format.md). Nothing is imported if "
        "any row is invalid, unless --only-valid is given; re-importing the same file updates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--org", required=True, help="The organisation's slug.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report; import nothing.")
        parser.add_argument(
            "--only-valid", action="store_true", help="Import the valid households and skip the rest."
        )
        parser.add_argument(
            "--date-order",
            choices=[o.value for o in DateOrder],
            default=DateOrder.AUTO.value,
            help="How to read dates like 03/04/1990: dmy (day first), mdy (month first), or auto "
            "(default: dots are day first; otherwise flagged when the file does not say).",
        )
        parser.add_argument(
            "--update",
            action="append",
            default=[],
            metavar="ROW=REFERENCE",
            help="The person of ROW, likely already in Haven, is that person of household REFERENCE: "
            "import the row's household as an update of it. Repeat for each row.",
        )
        parser.add_argument(
            "--different-person",
            action="append",
            default=[],
            metavar="ROW",
            help="The person of ROW, though like someone in Haven, is a different person: import the row "
            "as it is. Repeat, or give several rows separated by commas.",
        )
        parser.add_argument(
            "--no-duplicates",
            action="store_true",
            help="Skip the flags for information (people new to a household Haven has, one person in two "
            "households of the file). Likely duplicates of people in Haven in new households are always "
            "checked, and their rows wait for --update or --different-person.",
        )
        parser.add_argument(
            "--language", choices=["en", "ru"], default="en", help="Language of the row problems."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(slug=options["org"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with the slug {options['org']!r}.")
        path: Path = options["file"]
        try:
            # The file is read as it is checked, within Haven's limits, and read again (and checked
            # again) as its households are written: it stays open until the import is done.
            with path.open("rb") as file:
                self._import(file, path.name, organisation, options)
        except (OSError, FileProblem) as exc:
            raise CommandError(f"{path.name}: {exc}") from None

    def _import(
        self, file: IO[bytes], name: str, organisation: Organisation, options: dict[str, Any]
    ) -> None:
        table = open_table(file, name)
        report = validate(table, import_choices(), DateOrder(options["date_order"]))
        actor = Actor.system()
        check = file_check(actor=actor, organisation=organisation, report=report)
        resolve_duplicates(report, check.blocking, _choices(options["update"], options["different_person"]))
        check_against_haven(organisation=organisation, report=report)
        self._report(report, table.encoding, options["language"])
        for duplicate in check.blocking:
            found = ", ".join(f"{m.household} ({m.decision}, score {m.score:.2f})" for m in duplicate.matches)
            self.stdout.write(f"row {duplicate.row}: likely already in Haven: {found}")
        if not options["no_duplicates"]:
            for flag in check.flags:
                self.stdout.write(
                    f"row {flag.row}: may already be in {flag.household_ref} ({flag.decision}, "
                    f"score {flag.score:.2f}) — not merged; check before importing"
                )
            for twin in in_file_duplicates(report=report):
                self.stdout.write(
                    f"rows {twin.row} and {twin.other_row}: may be the same person in two households of "
                    f"the file ({twin.household_id}, {twin.other_household_id}; {twin.decision}, score "
                    f"{twin.score:.2f}) — both would be imported; check before importing"
                )
        total = len(report.valid_households)
        try:
            with Progress("importing households", total, self.stderr) as progress:
                outcome = cases_import(
                    actor=actor,
                    organisation=organisation,
                    report=report,
                    only_valid=options["only_valid"],
                    dry_run=options["dry_run"],
                    advance=progress.advance,
                    stream=self.stderr,
                    every_household=options["verbosity"] >= 2,  # each is listed
                )
        except ImportRefused as exc:
            waiting = sorted({e.row for e in report.errors if e.code == "likely_duplicate"})
            hint = (
                f" Rows {', '.join(map(str, waiting))} are likely already in Haven: give "
                "--update ROW=REFERENCE or --different-person ROW for each."
                if waiting
                else ""
            )
            raise CommandError(f"{exc}{hint} Fix the rows above, or give --only-valid.") from None
        self._outcome(outcome, options["verbosity"], positional=not report.given("person_id"))

    def _report(self, report: IntakeReport, encoding: str, language: str) -> None:
        self.stdout.write(
            f"Read {report.rows:,} rows ({encoding}): {len(report.households):,} households, "
            f"{len(report.valid_households):,} valid."
        )
        if report.unknown_headers:
            self.stdout.write(f"Columns ignored (not known): {', '.join(report.unknown_headers)}")
        for error in report.errors:
            self.stdout.write(error.describe(language))
        if report.errors_left_out:
            self.stdout.write(f"… and {report.errors_left_out:,} more problems.")

    def _outcome(self, outcome: ImportOutcome, verbosity: int, *, positional: bool) -> None:
        for household in outcome.households:
            if household.outcome == "updated" or verbosity >= 2:
                self.stdout.write(
                    f"{household.external_id} → {household.reference}: {household.outcome} "
                    f"({household.people_added} people added, {household.people_changed} changed)"
                )
        for household, person in outcome.people_missing:
            self.stdout.write(
                f"row {household.row}, household {household.external_id}: person {person} is in Haven but "
                "not in the file: kept, not deleted (an import never removes anyone)"
            )
        if outcome.people_missing and positional:
            self.stdout.write(POSITIONAL)
        counts = outcome.counts
        verb = "Would import" if outcome.dry_run else "Imported"
        self.stdout.write(
            f"{verb}: {counts['created']:,} created, {counts['updated']:,} updated, "
            f"{counts['unchanged']:,} unchanged, {len(outcome.skipped):,} skipped as invalid."
            + (" Nothing was written (--dry-run)." if outcome.dry_run else "")
        )
