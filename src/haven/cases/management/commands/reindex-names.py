"""``haven reindex-names``: compute every person's name search keys again, showing progress."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.accounts.actor import Actor
from haven.cases.actions.search_keys import name_keys_rebuild
from haven.security.reporting import TerminalReporter


class Command(BaseCommand):
    help = (
        "Compute the case-list search keys of every person's names again and replace the stored ones "
        "(keyed hashes, as always). Run it after an upgrade that reads more spellings; search keeps "
        "working while it runs, one batch of people at a time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="People per transaction.")

    def handle(self, *args: Any, **options: Any) -> None:
        with TerminalReporter(self.stdout) as reporter:
            people = name_keys_rebuild(
                actor=Actor.system(), batch_size=options["batch_size"], reporter=reporter
            )
        self.stdout.write(self.style.SUCCESS(f"Search keys rebuilt for {people:,} people."))
