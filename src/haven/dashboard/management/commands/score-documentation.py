"""``haven score-documentation``: score now the principals the dashboard would score on its next opening."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.cases.models import Household
from haven.dashboard.documentation_coverage import documentation_coverage
from haven.jobs.commands import enqueue_from_command
from haven.progress import Progress


class Command(BaseCommand):
    help = (
        "Score the documentation of every principal applicant whose verified evidence, or the criteria, "
        "changed since the dashboard last did, so that the next dashboard opens at once: run it after "
        "seeding, a large import or a change of HAVEN_DOCUMENTATION_CRITERIA_FILE."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--background", action="store_true", help="Queue it as a job for `haven worker` and return."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["background"]:
            enqueue_from_command("documentation.score", self.stdout)
            return
        with Progress("scoring principals", total=None, stream=self.stderr) as progress:
            coverage = documentation_coverage(Household.objects.all(), progress=progress.advance)
        well, total = coverage.well_documented, coverage.principals
        self.stdout.write(f"{well:,} of {total:,} principal applicants are well documented.")
