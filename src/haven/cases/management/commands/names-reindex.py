"""Recompute the blind name index (and A-number keys) of every person, with a progress line.

Needed once after an upgrade that adds kinds of search key (such as the prefix keys that let the case
list find "Krav" or "Туманова Е"): people saved before it have only the keys of their day. The keys stay
keyed HMACs under the installation's index key; nothing is decrypted beyond the names being indexed.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haven.security.actions import search_index_rebuild_record
from haven.security.indexes import rebuild_indexes
from haven.security.reporting import TerminalReporter


class Command(BaseCommand):
    help = "Rebuild the search index of names and A-numbers (after an upgrade adds kinds of search key)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="People per transaction.")

    def handle(self, *args: Any, **options: Any) -> None:
        reporter = TerminalReporter(self.stderr)
        try:
            rows = rebuild_indexes(batch_size=options["batch_size"], reporter=reporter)
        finally:
            reporter.close()
        search_index_rebuild_record(rows=rows)
        self.stdout.write(f"Search index rebuilt: {rows:,} people and US records.")
