"""Benchmark the home pages of work: caseworker1, reviewer1 and the coordinator over a seeded coalition.

    .venv/bin/python bench/home.py                          # 10,000 households, SQLite
    .venv/bin/python bench/home.py --households 2000 10000
    .venv/bin/python bench/home.py --folder /tmp/haven-bench-home   # keep (and next time reuse) the DBs
    .venv/bin/python bench/home.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench
    .venv/bin/python bench/home.py --assess                 # assess every household first (emergencies)

The databases are prepared as bench/radar.py prepares them (seeded once, reused). Then, in a process of
its own, "/" is opened as each demo user through Django's test client: the median of five requests after
a warm-up (wall and CPU time), the SQL queries of one request, and what each section counts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from radar import Counted, prepare

TARGET_SECONDS = 0.3  # the page every user lands on
REPEAT = 5


def measure() -> None:
    """Runs inside the benchmark's own process, with the database of one size configured."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from haven.accounts.twofactor import SESSION_FLAG
    from haven.cases.models import Household

    setup_test_environment()  # lets the test client hand back the page's context
    total = Household.objects.count()
    for username in ("caseworker1", "reviewer1", "coordinator"):
        user = get_user_model().objects.get(username=username)
        client = Client()
        client.force_login(user)
        session = client.session
        session[SESSION_FLAG] = True
        session.save()
        client.get("/")  # warm-up
        queries = Counted()
        with connection.execute_wrapper(queries):
            response = client.get("/")
        assert response.status_code == 200, response.status_code
        seconds, cpu = [], []
        for _ in range(REPEAT):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get("/")
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        median = statistics.median(seconds)
        verdict = "within" if median <= TARGET_SECONDS else "OVER"
        counts = ", ".join(f"{s.key} {s.count:,}" for s in response.context["sections"])
        print(
            f"{username:<12} of {total:,} households: {median * 1000:6.0f} ms median of {REPEAT} "
            f"({verdict} {TARGET_SECONDS * 1000:.0f} ms; CPU {statistics.median(cpu) * 1000:.0f} ms), "
            f"{queries.count} queries; {counts}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, nargs="+", default=[10_000])
    parser.add_argument("--folder", type=Path, help="Keep the databases here and reuse them next time.")
    parser.add_argument("--database-url", help="A PostgreSQL database to use (emptied and seeded).")
    parser.add_argument("--assess", action="store_true", help="Assess every household before measuring.")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the inner process
    options = parser.parse_args()
    if options.measure:
        measure()
        return
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"Haven home page benchmark, {database}, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="haven-bench-home-") as temporary:
        folder = options.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for households in options.households:
            env = prepare(households, folder, options.database_url, options.assess)
            subprocess.run([sys.executable, __file__, "--measure"], env=env, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
