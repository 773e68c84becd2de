"""Benchmark the deadline radar: the coordinator's page over a seeded coalition, and a caseworker's.

    .venv/bin/python bench/radar.py                            # 10,000 and 100,000 households, SQLite
    .venv/bin/python bench/radar.py --households 10000
    .venv/bin/python bench/radar.py --folder /tmp/haven-bench-radar   # keep (and next time reuse) the DBs
    .venv/bin/python bench/radar.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench
    .venv/bin/python bench/radar.py --assess                   # assess every household first (urgency)

Each size gets its own SQLite database in the folder (a temporary one by default, deleted afterwards), or
the PostgreSQL database given, emptied and seeded first; a database that already holds exactly that many
households is reused (seeding 100,000 takes minutes). Then, in a process of its own, the radar page is
opened as the demo coordinator (every household) and as caseworker1 (one organisation) through Django's
test client: the median of five requests after a warm-up, the SQL queries one request makes, and the
time of each step (counting the deadlines, one page of them, the chart's counts and layout, the
data-quality counts and first warnings, the lines of one page).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HAVEN = str(Path(sys.executable).with_name("haven"))
TARGET_SECONDS = 1.0  # a page a coordinator opens every morning should answer within a second
REPEAT = 5


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([HAVEN, *args], env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return done.stdout


def count_households(env: dict[str, str]) -> int:
    code = "from haven.cases.models import Household; print(Household.objects.count())"
    return int(run(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1])


def prepare(households: int, folder: Path, database_url: str | None, assess: bool) -> dict[str, str]:
    url = database_url or f"sqlite:///{folder / f'radar-{households}.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "HAVEN_VAR_DIR": str(folder),
        "HAVEN_KEYS_FILE": f"{folder}/keys.json",
        "DJANGO_SETTINGS_MODULE": "haven.settings",
    }
    env.pop("HAVEN_KEYS", None)
    run(env, "migrate", "--verbosity", "0")
    if count_households(env) != households:
        print(f"seeding {households:,} households…", flush=True)
        started = time.perf_counter()
        run(env, "seed", "--households", str(households), "--reset")
        print(f"  seeded in {time.perf_counter() - started:.0f} s (not counted)", flush=True)
    else:
        print(f"reusing the database with {households:,} households", flush=True)
    if assess:
        print("assessing every household…", flush=True)
        run(env, "assess")
    return env


class Counted:
    """A database execute wrapper that counts the SQL statements run through it."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def _timed(step: object, *args: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = step(*args)  # type: ignore[operator]
    return time.perf_counter() - started, result


def measure() -> None:
    """Runs inside the benchmark's own process, with the database of one size configured."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from haven.accounts.access import visible_households
    from haven.accounts.actor import Actor
    from haven.accounts.twofactor import SESSION_FLAG
    from haven.cases.models import Household
    from haven.radar.quality import warning_summary
    from haven.radar.rows import radar_rows
    from haven.radar.window import OrderedDeadlines, deadline_rows, group_counts
    from haven_core.deadlines_chart import layout

    setup_test_environment()  # lets the test client hand back the page's context
    today = timezone.localdate()
    total = Household.objects.count()
    for username in ("coordinator", "caseworker1"):
        user = get_user_model().objects.get(username=username)
        client = Client()
        client.force_login(user)
        session = client.session
        session[SESSION_FLAG] = True
        session.save()
        for query in ("", "?days=365"):
            url = f"/radar/{query}"
            client.get(url)  # warm-up
            queries = Counted()
            with connection.execute_wrapper(queries):
                response = client.get(url)
            assert response.status_code == 200, response.status_code
            seconds, cpu = [], []
            for _ in range(REPEAT):
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(url)
                seconds.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            median = statistics.median(seconds)
            verdict = "within" if median <= TARGET_SECONDS else "OVER"
            shown = response.context["page"].paginator.count
            print(
                f"{username:<12} {url:<16} over {visible_households(Actor.for_user(user)).count():>7,} "
                f"of {total:,} households: {median * 1000:6.0f} ms median of {REPEAT} ({verdict} "
                f"{TARGET_SECONDS:.0f} s; CPU {statistics.median(cpu) * 1000:.0f} ms), "
                f"{queries.count} queries, {shown:,} deadlines "
                f"listed, {response.context['chart'].total:,} in the chart, "
                f"{response.context['warnings_total']:,} warnings",
                flush=True,
            )
        households = visible_households(Actor.for_user(user))
        listed = OrderedDeadlines(deadline_rows(households, today, 30))
        counted, within = _timed(listed.count)
        read, page = _timed(listed.__getitem__, slice(0, 25))
        summary_seconds, counts = _timed(group_counts, households, today, 90)
        chart, _ = _timed(layout, counts, today)
        quality, (warnings, _first) = _timed(warning_summary, households, today, 100)
        lines, _ = _timed(radar_rows, page, today)
        print(
            f"{'':<12} steps: count 30 days {counted * 1000:.0f} ms ({within:,}), one page of 25 "
            f"{read * 1000:.0f} ms, chart's counts {summary_seconds * 1000:.0f} ms + layout "
            f"{chart * 1000:.0f} ms, data quality {quality * 1000:.0f} ms ({warnings:,}), "
            f"lines of the page {lines * 1000:.0f} ms",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--folder", type=Path, help="Keep the databases here and reuse them next time.")
    parser.add_argument("--database-url", help="A PostgreSQL database to use (emptied and seeded).")
    parser.add_argument("--assess", action="store_true", help="Assess every household before measuring.")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the inner process
    options = parser.parse_args()
    if options.measure:
        measure()
        return
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"Haven radar benchmark, {database}, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="haven-bench-radar-") as temporary:
        folder = options.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for households in options.households:
            env = prepare(households, folder, options.database_url, options.assess)
            subprocess.run([sys.executable, __file__, "--measure"], env=env, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
