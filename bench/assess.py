"""Benchmark ``haven assess``: every household of a seeded coalition, first run and a run with nothing new.

    .venv/bin/python bench/assess.py                           # 10,000 and 100,000 households, SQLite
    .venv/bin/python bench/assess.py --households 10000
    .venv/bin/python bench/assess.py --folder /tmp/haven-bench-assess   # keep (and next time reuse) the DBs
    .venv/bin/python bench/assess.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench
    .venv/bin/python bench/assess.py --jobs 1                  # one process computing (default: CPUs, ≤ 4)

Each size gets its own SQLite database in the folder (a temporary one by default, deleted afterwards), or
the PostgreSQL database given, emptied and seeded first. A database that already holds exactly that many
households (seeded by an earlier run with --folder) is reused: seeding 100,000 takes minutes. Prints:
the first assessment of every household (everything computed and stored), and a second run where nothing
changed (everything computed, nothing stored). The target is 100,000 households in 60 s or less.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from seeded import run, seeded

TARGET_SECONDS = 60


def prepare(households: int, folder: Path, database_url: str | None) -> dict[str, str]:
    """A seeded coalition with no assessment stored yet."""
    env = seeded(households, folder, database_url, name="assess")
    code = "from haven.assessment.models import Assessment as A; A.objects.all().delete()"
    run(env, "shell", "--no-imports", "-c", code)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--folder", type=Path, help="Keep the databases here and reuse them next time.")
    parser.add_argument("--database-url", help="A PostgreSQL database to use (emptied and seeded).")
    parser.add_argument("--jobs", type=int, help="Passed to haven assess (default: its own default).")
    options = parser.parse_args()
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"Haven assessment benchmark, {database}, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="haven-bench-assess-") as temporary:
        folder = options.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for households in options.households:
            env = prepare(households, folder, options.database_url)
            jobs = ["--jobs", str(options.jobs)] if options.jobs else []
            first, _ = run(env, "assess", *jobs)
            again, _ = run(env, "assess", *jobs)
            verdict = "within" if first <= TARGET_SECONDS * households / 100_000 else "OVER"
            print(
                f"haven assess {households:>9,} households: first run {first:6.1f} s "
                f"({households / first:>7,.0f}/s, {verdict} the 60 s per 100,000 target); "
                f"nothing changed {again:6.1f} s ({households / again:>7,.0f}/s)",
                flush=True,
            )


if __name__ == "__main__":
    main()
