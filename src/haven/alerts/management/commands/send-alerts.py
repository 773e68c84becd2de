"""``haven send-alerts``: email the deadline digests, and any emergency not yet announced, then send what
the outbox still holds (an email whose sending failed before). Run from cron."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.alerts.digests import digests_send
from haven.alerts.emergency import emergency_alerts
from haven.alerts.models import OutboxEmail
from haven.alerts.outbox import outbox_flush


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--today {text!r} is not a date: write YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Email each case owner one digest of their households' deadlines that have reached an alert "
        "window (HAVEN_ALERT_WINDOWS), and tell the coordinators of households that became emergency "
        "priority without being announced, and retry the emails of the outbox that could not be sent "
        "before. Safe to run again: nothing is sent twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", type=_date, help="the day to count from (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="say what would be sent; send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        today: dt.date = options["today"] or timezone.localdate()
        dry_run: bool = options["dry_run"]
        windows = tuple(settings.HAVEN_ALERT_WINDOWS)
        actor = Actor.system()
        started = timezone.now()
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
        if dry_run:
            self.stdout.write(
                f"Emails sent: 0 ({OutboxEmail.objects.filter(sent_at=None).count():,} waiting)."
            )
            return
        flushed = outbox_flush()  # what failed before, and in tests what the test transaction holds back
        sent = OutboxEmail.objects.filter(sent_at__gte=started).count()
        self.stdout.write(f"Emails sent: {sent:,}.")
        if flushed.failed:
            self.stdout.write(
                f"{flushed.failed:,} emails could not be sent and wait in the outbox: the next run tries "
                "again."
            )
