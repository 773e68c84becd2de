"""Benchmark the dashboard's numbers over a seeded coalition: the coordinator's view and one organisation's.

    .venv/bin/python bench/dashboard.py                           # 10,000 and 100,000 households, SQLite
    .venv/bin/python bench/dashboard.py --households 100000
    .venv/bin/python bench/dashboard.py --folder /tmp/haven-bench-dashboard   # keep (and reuse) the DBs
    .venv/bin/python bench/dashboard.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench

Each size gets its own SQLite database in the folder (a temporary one by default, deleted afterwards), or
the PostgreSQL database given, emptied and seeded first; a database that already holds exactly that many
households is reused. The households are assessed once (``haven assess``) so that the level counts have
something to count. Prints the seconds of each query behind the dashboard and of the whole page (every
panel computed and the template rendered), for the coalition and for the largest organisation.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from seeded import HAVEN, seeded

# Run inside ``haven shell``: times each step and prints one line per step.
MEASURE = r"""
import datetime as dt, time
from django.db.models import Count
from django.template.loader import render_to_string
from haven.accounts.actor import Actor
from haven.accounts.access import visible_households
from haven.accounts.models import Organisation
from haven.dashboard import counts, panels
from haven.dashboard.documentation_coverage import documentation_coverage
from haven.dashboard.models import DocumentationVerdict
from haven_core.roles import Role

def timed(label, fn):
    started = time.perf_counter()
    result = fn()
    print(f"  {label:<28} {time.perf_counter() - started:7.2f} s", flush=True)
    return result

largest = Organisation.objects.annotate(n=Count("households")).order_by("-n").first()
today = dt.date.today()
DocumentationVerdict.objects.all().delete()  # the first dashboard ever scores every principal
for actor, name in (
    (Actor(user=None, role=Role.COORDINATOR, organisation=None), "coalition"),
    (Actor(user=None, role=Role.CASEWORKER, organisation=largest), f"organisation {largest.slug}"),
):
    scope = visible_households(actor)
    print(f"{name}: {scope.count():,} households", flush=True)
    timed("stages", lambda: counts.stage_counts(scope))
    timed("urgency levels", lambda: counts.level_counts(scope, "urgency"))
    timed("risk levels", lambda: counts.level_counts(scope, "risk"))
    timed("organisations", lambda: counts.organisation_counts(scope))
    coverage = timed("documentation coverage", lambda: documentation_coverage(scope))
    timed("  again, nothing changed", lambda: documentation_coverage(scope))
    one = DocumentationVerdict.objects.filter(person__household__in=scope.values("pk")).first()
    if one is not None:  # as if one principal's evidence changed since
        DocumentationVerdict.objects.filter(pk=one.pk).update(fingerprint="moved")
        timed("  again, one principal moved", lambda: documentation_coverage(scope))
    print(f"  ({coverage.well_documented:,} of {coverage.principals:,} principals well documented)")
    timed("outcomes by month", lambda: counts.outcomes_by_month(scope, today.replace(year=today.year - 1)))
    timed("referral outcomes", lambda: counts.referral_decisions(scope))
    coalition = actor.role == Role.COORDINATOR
    context = lambda: panels.dashboard(scope, coalition=coalition, today=today, months=12)
    timed("whole page", lambda: render_to_string("dashboard/home.html", context()))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--folder", type=Path, help="Keep the databases here and reuse them next time.")
    parser.add_argument("--database-url", help="A PostgreSQL database to use (emptied and seeded).")
    options = parser.parse_args()
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"Haven dashboard benchmark, {database}, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="haven-bench-dashboard-") as temporary:
        folder = options.folder or Path(temporary)
        for households in options.households:
            env = seeded(households, folder, options.database_url, name="dash", assess=True)
            started = time.perf_counter()
            subprocess.run([HAVEN, "shell", "--no-imports", "-c", MEASURE], env=env, check=True)  # noqa: S603
            print(f"{households:,} households: measured in {time.perf_counter() - started:.1f} s", flush=True)


if __name__ == "__main__":
    main()
