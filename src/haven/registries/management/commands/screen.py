"""``haven screen``: screen everyone against the registries and look for duplicates across organisations."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.accounts.actor import Actor
from haven.registries.duplicates import find_duplicates
from haven.registries.models import Snapshot
from haven.registries.screening import screen_everyone


class Command(BaseCommand):
    help = (
        "Screen every person in the caseload against every imported registry (hits go to the reviewers' "
        "queue), then propose people that two organisations submitted to the coordinator."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-duplicates", action="store_true", help="screen against registries only")

    def handle(self, *args: Any, **options: Any) -> None:
        actor = Actor.system()
        if not Snapshot.objects.exists():
            self.stdout.write("No registry has been imported yet: nothing to screen against.")
        else:
            counts = screen_everyone(actor=actor, stream=self.stderr)
            self.stdout.write(
                f"Screened {counts.people:,} people: {counts.new_hits:,} new registry hits, "
                f"{counts.withdrawn:,} withdrawn, {counts.open_hits:,} open in all."
            )
        if not options["no_duplicates"]:
            found = find_duplicates(actor=actor, stream=self.stderr)
            self.stdout.write(
                f"Compared {found.people:,} people across organisations: {found.proposed:,} new proposals, "
                f"{found.open:,} waiting for the coordinator."
            )
