"""``haven match-eval``: measure identity matching on labelled pairs, side by side with nomenklatura.

Two labelled sets (see :mod:`haven.demo.matching_evaluation.evaluation`): the demo coalition's resubmitted
families, whose ground truth the generator keeps, and the Ministry of Justice registry file, each
listed person written as other papers write them, with namesakes as traps. For each set: Haven's
matcher as it runs in Haven (index, then candidates), then Haven's scorer and nomenklatura's
``logic-v2`` on the same pairs. Nothing is read from or written to the database.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

import haven
from haven.demo.matching_evaluation.comparison import ComparisonUnavailable, side_by_side
from haven.demo.matching_evaluation.evaluation import LabelledSet, Outcome, evaluate
from haven.demo.matching_evaluation.labelled_registry import read_minjust_xlsx, registry_set
from haven.demo.matching_evaluation.labelled_seed import seed_set
from haven_core.matching.features import MATCH_AT, REVIEW_AT

REGISTRY_FILE = (
    Path(haven.__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "data"
    / "minjust-foreign-agents-2025-08-15.xlsx"
)


class Command(BaseCommand):
    help = (
        "Measure identity matching: recall of the true entry among candidates, precision of 'match', "
        "candidates and time per query, on the demo generator's ground truth and on the Ministry of "
        "Justice registry file; and compare with nomenklatura's logic-v2 on the same pairs when it is "
        "installed (pip install -e '.[eval]')."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seed", type=int, default=20250815, help="Seed of the demo coalition and renderings."
        )
        parser.add_argument("--households", type=int, default=3000, help="Households in the demo coalition.")
        parser.add_argument(
            "--registry", type=Path, default=REGISTRY_FILE, help="Ministry of Justice XLSX export."
        )
        parser.add_argument(
            "--sample", type=int, default=None, help="Listed people to render (default: all)."
        )
        parser.add_argument(
            "--no-compare", action="store_true", help="Skip the comparison with nomenklatura."
        )
        parser.add_argument("--show", type=int, default=5, help="Misses and false matches to print per set.")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Haven decides 'match' from a score of {MATCH_AT}, 'review' from {REVIEW_AT}.")
        sets = [seed_set(seed=options["seed"], households=options["households"], today=dt.date(2026, 1, 15))]
        registry: Path = options["registry"]
        if registry.is_file():
            try:
                listed = read_minjust_xlsx(registry)
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"{registry.name}: cannot read it ({exc})") from None
            sets.append(registry_set(listed, seed=options["seed"], sample=options["sample"]))
        else:
            self.stdout.write(f"No registry file at {registry}: the registry set is skipped.")
        for labelled_set in sets:
            self._report(labelled_set, compare=not options["no_compare"], show=options["show"])

    def _report(self, labelled_set: LabelledSet, *, compare: bool, show: int) -> None:
        self.stdout.write("")
        self.stdout.write(
            f"== {labelled_set.name}: {len(labelled_set.entries):,} entries, {len(labelled_set.queries):,} "
            f"queries, {labelled_set.positives:,} with a true entry"
        )
        outcome = evaluate(labelled_set)
        self.stdout.write(f"Haven, index and candidates (index built in {outcome.build_seconds:.2f} s):")
        self._outcome(outcome, show)
        self.stdout.write(
            "  By class of query (precision: of 'match'; a class without positives is namesakes):"
        )
        for line in outcome.class_lines():
            self.stdout.write(f"    {line}")
        for line in outcome.calibration():
            self.stdout.write(f"    {line}")
        if not compare:
            return
        try:
            ours, theirs = side_by_side(labelled_set)
        except ComparisonUnavailable as exc:
            self.stdout.write(f"Comparison skipped: {exc}.")
            return
        self.stdout.write(
            f"Side by side on the same {ours.pairs:,} pairs (every entry sharing a surname key with the "
            "query, and its true entries):"
        )
        self._outcome(ours, 0)
        self._outcome(theirs, show)
        self.stdout.write("  nomenklatura by class of query:")
        for line in theirs.class_lines():
            self.stdout.write(f"    {line}")

    def _outcome(self, outcome: Outcome, show: int) -> None:
        self.stdout.write(f"  {outcome.summary()}")
        for line in outcome.missed[:show]:
            self.stdout.write(f"    missed: {line}")
        for line in outcome.false_matches[:show]:
            self.stdout.write(f"    false match: {line}")
