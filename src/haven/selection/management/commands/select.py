"""``haven select``: choose households for a quota of places from the current data, and show why.

Prints the selection (exact, by HiGHS), the greedy choice beside it and what the optimum gains, the
count of households left out per reason, and the what-if table for several quotas. Nothing is saved:
a run that counts is made and approved by the coordinator on the selection page.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.accounts.actor import Actor
from haven.errors import InvalidChange
from haven.selection.actions import compute, selection_preview
from haven.selection.inputs import candidates
from haven.selection.results import WHAT_IF_QUOTAS
from haven_core.selection import Limits, Parameters, Weights


def _quotas(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError as exc:
        raise CommandError(f"--quotas takes whole numbers separated by commas, not {text!r}.") from exc
    if not values or min(values) < 0:
        raise CommandError("--quotas needs at least one quota, none negative.")
    return values


def _pathway_limit(text: str) -> tuple[str, int]:
    code, _sep, places = text.partition("=")
    if not code.strip() or not places.strip().isdigit():
        raise CommandError(f"--pathway-limit takes CODE=PLACES, e.g. gar=50, not {text!r}.")
    return code.strip(), int(places)


def _weights(text: str) -> Weights:
    try:
        risk, vulnerability, urgency = (float(v) for v in text.split(","))
        return Weights(risk, vulnerability, urgency)
    except ValueError as exc:
        raise CommandError("--weights takes three numbers: risk,vulnerability,urgency.") from exc


class Command(BaseCommand):
    help = (
        "Choose whole households for QUOTA places (exactly), beside the greedy choice, with a what-if table."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quota", type=int, required=True, help="Places (people) to fill.")
        parser.add_argument("--json", action="store_true", help="Print everything as JSON.")
        parser.add_argument("--org-limit", type=int, help="At most this many places per organisation.")
        parser.add_argument(
            "--quotas",
            type=_quotas,
            default=list(WHAT_IF_QUOTAS),
            help="Quotas for the what-if table (default 100,200,300,500,1000).",
        )
        parser.add_argument(
            "--pathway-limit",
            type=_pathway_limit,
            action="append",
            default=[],
            metavar="CODE=PLACES",
            help="A sub-quota of places for a pathway (repeatable).",
        )
        parser.add_argument("--weights", type=_weights, default=Weights(), help="risk,vulnerability,urgency")
        parser.add_argument("--min-priority", type=float, default=0.0, help="Leave out lower priorities.")
        parser.add_argument(
            "--include-not-ready",
            action="store_true",
            help="Also consider households that cannot be referred now (marked not_ready in --json).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["quota"] < 0:
            raise CommandError("--quota must not be negative.")
        params = Parameters(
            quota=options["quota"],
            weights=options["weights"],
            limits=Limits(per_organisation=options["org_limit"], per_pathway=dict(options["pathway_limit"])),
            min_priority=options["min_priority"],
            include_not_ready=options["include_not_ready"],
        )
        inputs = candidates()
        try:
            results: dict[str, Any] = compute(params, inputs, options["quotas"])
        except InvalidChange as exc:
            raise CommandError(str(exc)) from exc
        selection_preview(
            actor=Actor.system(), quota=params.quota, households_considered=len(inputs), source="command"
        )
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
            return
        self._print(results)

    def _print(self, r: dict[str, Any]) -> None:
        out = self.stdout.write
        exact, greedy = r["exact"], r["greedy"]
        out(
            f"Quota {r['parameters']['quota']} places: {exact['households']} households, {exact['people']} "
            f"people, total priority {exact['priority']:,.3f} ({exact['emergency_households']} emergency)."
        )
        out(
            f"Greedy (by priority per person): {greedy['households']} households, {greedy['people']} "
            f"people, total priority {greedy['priority']:,.3f}. The optimum gains {r['gain']:,.3f}."
        )
        out("")
        out(
            f"{'rank':>6}  {'household':<14} {'people':>6}  {'organisation':<16} {'priority':>9} {'adds':>10}"
        )
        for h in r["households"]:
            if h["selected"]:
                flag = " emergency" if h["emergency"] else ""
                out(
                    f"{h['rank']:>6}  {h['reference']:<14} {h['people']:>6}  {h['organisation']:<16} "
                    f"{h['priority']:>9.3f} {h['value']:>10.3f}{flag}"
                )
        left = Counter(h["reason"] for h in r["households"] if not h["selected"])
        if left:
            out("")
            out("Not selected:")
            for reason, count in sorted(left.items(), key=lambda kv: (-kv[1], kv[0])):
                out(f"  {reason:<22} {count:>7,}")
        out("")
        out(f"{'quota':>7} {'households':>10} {'people':>7} {'priority':>14} {'greedy':>14} {'gain':>10}")
        for row in r["what_if"]:
            e, g = row["exact"], row["greedy"]
            out(
                f"{row['quota']:>7} {e['households']:>10} {e['people']:>7} {e['priority']:>14,.3f} "
                f"{g['priority']:>14,.3f} {row['gain']:>10,.3f}"
            )
