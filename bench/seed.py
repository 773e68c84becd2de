"""Benchmark the synthetic coalition: the generator alone, and a full ``haven seed`` into a fresh database.

    .venv/bin/python bench/seed.py                          # 10,000 and 100,000 households, SQLite
    .venv/bin/python bench/seed.py --households 5000        # another size
    .venv/bin/python bench/seed.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench

Each run seeds a throwaway database: a new SQLite file in a temporary folder (deleted afterwards), or
the PostgreSQL database given, which is emptied first. Encryption keys for the run are generated in the
temporary folder too. Prints households per second for each step.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from haven.demo.generator import generate

HAVEN = str(Path(sys.executable).with_name("haven"))
TODAY = dt.date.today()


def time_generator(households: int) -> tuple[float, int]:
    started = time.perf_counter()
    coalition = generate(seed=2025, households=households, today=TODAY)
    elapsed = time.perf_counter() - started
    return elapsed, sum(len(h.people) for h in coalition.households)


def run_haven(env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([HAVEN, *args], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    return time.perf_counter() - started


def time_seed(households: int, database_url: str | None) -> tuple[float, float]:
    """Seconds to migrate a fresh database, and seconds for ``haven seed`` into it."""
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as folder:
        url = database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "HAVEN_VAR_DIR": folder,
            "HAVEN_KEYS_FILE": f"{folder}/keys.json",
        }
        env.pop("HAVEN_KEYS", None)
        migrate = run_haven(env, "migrate", "--verbosity", "0")
        if database_url:
            run_haven(env, "flush", "--no-input")
        return migrate, run_haven(env, "seed", "--households", str(households))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--database-url", help="A PostgreSQL database to seed (emptied first); default SQLite."
    )
    options = parser.parse_args()
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"Haven seed benchmark, {database}, Python {sys.version.split()[0]}, today {TODAY}", flush=True)
    for households in options.households:
        generated, people = time_generator(households)
        print(
            f"generate()   {households:>9,} households ({people:,} people) in {generated:7.1f} s: "
            f"{households / generated:>8,.0f} households/s",
            flush=True,
        )
        migrate, seed = time_seed(households, options.database_url)
        print(
            f"haven seed   {households:>9,} households in {seed:7.1f} s: "
            f"{households / seed:>8,.0f} households/s (migrate {migrate:.1f} s, not counted)"
        )


if __name__ == "__main__":
    main()
