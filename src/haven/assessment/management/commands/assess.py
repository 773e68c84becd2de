"""``haven assess``: (re)assess every household, or one, under the rules in force; say what moved."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q

from haven.accounts.actor import Actor
from haven.assessment.actions import assessments_run, household_assess
from haven.assessment.rules import current_rules
from haven.cases.models import Household
from haven.jobs.commands import enqueue_from_command
from haven.progress import Progress
from haven_core.assessment import RulesError


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--today takes a date as YYYY-MM-DD, not {text!r}.") from exc


class Command(BaseCommand):
    help = (
        "Assess every household (or one, with --household) under the rules in force and store what changed. "
        "With --diff, list the households whose levels or scores moved; with --dry-run, only compute and "
        "report (use with --rules to see what another rules file would move)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--household", metavar="REF", help="Only this household (e.g. H-7KQ3M9XD2A).")
        parser.add_argument("--rules", type=Path, help="A rules file other than the one in force.")
        parser.add_argument("--today", type=_date, help="Assess as on this day, YYYY-MM-DD (default today).")
        parser.add_argument("--diff", action="store_true", help="List every household that moved.")
        parser.add_argument("--dry-run", action="store_true", help="Compute and report; store nothing.")
        parser.add_argument(
            "--background", action="store_true", help="Queue it as a job for `haven worker` and return."
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=min(os.cpu_count() or 1, 4),
            help="Processes computing assessments (default: the CPUs, at most 4).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["background"]:
            if any(options[name] for name in ("household", "rules", "today", "dry_run", "diff")):
                raise CommandError("--background assesses every household under the rules in force: alone.")
            enqueue_from_command("assessment.all", self.stdout)
            return
        try:
            rules = current_rules(options["rules"])
        except (RulesError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        actor, today = Actor.system(), options["today"]
        if options["household"] and not options["dry_run"]:
            household = Household.objects.filter(reference=options["household"].strip().upper()).first()
            if household is None:
                raise CommandError(f"No household {options['household']!r}.")
            stored = household_assess(actor=actor, household=household, rules=rules, today=today)
            self.stdout.write(
                f"{household.reference}: risk {stored.risk_level} ({stored.risk_score:g}), "
                f"vulnerability {stored.vulnerability_level} ({stored.vulnerability_score:g}), "
                f"urgency {stored.urgency_level} ({stored.urgency_score:g}) under {rules.label}"
            )
            return
        households = Household.objects.all()
        if options["household"]:
            households = households.filter(Q(reference=options["household"].strip().upper()))
        with Progress("assessing households", households.count(), self.stderr) as progress:
            report = assessments_run(
                actor=actor,
                households=households,
                rules=rules,
                today=today,
                dry_run=options["dry_run"],
                jobs=max(options["jobs"], 1),
                advance=progress.advance,
            )
        verb = "Would store" if options["dry_run"] else "Stored"
        self.stdout.write(
            f"Assessed {report.assessed:,} households under {rules.label}. {verb} {report.new:,} new and "
            f"{report.changed:,} changed; {report.unchanged:,} unchanged."
        )
        levels = sum(1 for _, moves in report.moved if any(m.level_moved for m in moves))
        self.stdout.write(f"Moved: {len(report.moved):,} households, {levels:,} of them to another level.")
        if options["diff"]:
            for reference, moves in report.moved:
                self.stdout.write(f"  {reference}  " + "; ".join(str(m) for m in moves))
