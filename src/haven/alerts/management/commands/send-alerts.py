"""``haven send-alerts``: email the deadline digests, and any emergency not yet announced. Run from cron."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.alerts.digests import digests_send
from haven.alerts.emergency import emergency_alerts


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today {text!r} is not a date: write YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Email each case owner one digest of their households' deadlines that have reached an alert "
        "window (HAVEN_ALERT_WINDOWS), and tell the coordinators of households that became emergency "
        "priority without being announced. Safe to run again: nothing is sent twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=_date, help="the day to count from (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="say what would be sent; send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today: dt.date = options["today"] or timezone.localdate()
        dry_run: bool = options["dry_run"]
        windows = tuple(settings.HAVEN_ALERT_WINDOWS)
        actor = Actor.system()
        self.stdout.write(
            f"Alerts for {today.isoformat()}, windows {', '.join(map(str, windows))} days"
            + (" (dry run: nothing is sent)." if dry_run else ".")
        )
        digests = digests_send(actor=actor, today=today, windows=windows, dry_run=dry_run, stream=self.stderr)
        emergencies = emergency_alerts(actor=actor, dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            f"{verb} {digests.recipients:,} deadline digests: {digests.deadlines:,} deadlines "
            f"in {digests.households:,} households."
        )
        if digests.unreachable:
            self.stdout.write(
                f"No one to tell about {len(digests.unreachable):,} households (no owner or caseworker with "
                f"an email address): {', '.join(digests.unreachable[:20])}"
            )
        self.stdout.write(
            f"{verb} emergency alerts for {emergencies.households:,} households"
            + (f" in {emergencies.emails:,} emails." if not dry_run else ".")
        )
        if emergencies.households and emergencies.no_coordinator:
            self.stdout.write("No coordinator has an email address: the emergencies are not announced yet.")
        self.stdout.write(f"Emails sent: {digests.emails + emergencies.emails:,}.")
