"""What the benchmarks that time Haven's commands share: running ``haven`` against a benchmark's own
database, and a seeded coalition of a given size, reused when the database already holds exactly that many
households (seeding 100,000 takes minutes)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HAVEN = str(Path(sys.executable).with_name("haven"))


def run(env: dict[str, str], *args: str) -> tuple[float, str]:
    """Run ``haven ARGS`` with ``env``; the seconds it took and what it printed."""
    started = time.perf_counter()
    done = subprocess.run([HAVEN, *args], env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return time.perf_counter() - started, done.stdout


def count_households(env: dict[str, str]) -> int:
    code = "from haven.cases.models import Household; print(Household.objects.count())"
    _, out = run(env, "shell", "--no-imports", "-c", code)
    return int(out.strip().splitlines()[-1])


def migrated(folder: Path, database_url: str, **more: str) -> dict[str, str]:
    """The environment ``haven`` runs in for a benchmark (with ``more`` variables), its database migrated:
    ``database_url``, and a var folder and keys of its own in ``folder`` (never the developer's)."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HAVEN_VAR_DIR": str(folder),
        "HAVEN_KEYS_FILE": f"{folder}/keys.json",
        **more,
    }
    env.pop("HAVEN_KEYS", None)
    run(env, "migrate", "--verbosity", "0")
    return env


def seeded(
    households: int, folder: Path, database_url: str | None, *, name: str, assess: bool = False
) -> dict[str, str]:
    """The environment of a migrated database holding ``households`` seeded households (the SQLite file
    ``folder/<name>-<households>.sqlite3``, or ``database_url`` emptied and seeded), assessed once when
    ``assess`` and it had to be seeded."""
    url = database_url or f"sqlite:///{folder / f'{name}-{households}.sqlite3'}"
    env = migrated(folder, url)
    if count_households(env) == households:
        print(f"reusing the database with {households:,} households", flush=True)
        analyse(url)
        return env
    print(f"seeding {households:,} households…", flush=True)
    seconds, _ = run(env, "seed", "--households", str(households), "--reset")
    print(f"  seeded in {seconds:.0f} s (not counted)", flush=True)
    if assess:
        print("assessing them…", flush=True)
        seconds, _ = run(env, "assess")
        print(f"  assessed in {seconds:.0f} s (not counted)", flush=True)
    analyse(url)
    return env


def analyse(url: str) -> None:
    """Refresh PostgreSQL's planner statistics and visibility map after the bulk load, as autovacuum
    would in service (a server with autovacuum off, like this machine's, otherwise plans every query for
    empty tables, and reads the rows behind every index-only scan of the radar and the dashboard)."""
    if not url.startswith("postgres"):
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
