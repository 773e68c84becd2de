"""How long rendering referral dossiers takes: households of a seeded coalition, each dossier in English
and French (WeasyPrint), read from the database as ``haven referral-export`` reads them.

    .venv/bin/python bench/referral.py                  # 20 households, a temporary SQLite database
    .venv/bin/python bench/referral.py --households 50
    .venv/bin/python bench/referral.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench
    .venv/bin/python bench/referral.py --households 3 --profile   # and where the time goes (cProfile)

The coalition is seeded (``haven seed``) and assessed (``haven assess``) first; that is not counted.
Prints the seconds per dossier and households per second (two dossiers a household), and the batch list.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HAVEN = str(Path(sys.executable).with_name("haven"))

# Run inside `haven shell`: Django set up against the benchmark's database.
MEASURE = """
import time
from haven.cases.models import Household
from haven.referral.documents import dossier_pdf, batch_list_rows, batch_list_xlsx, PROFILES
households = list(Household.objects.filter(assessments__current=True).select_related("organisation")[:{n}])
officer = PROFILES["officer"]
dossier_pdf(households[0], language="en", profile=officer)  # load WeasyPrint and fonts: not counted
started = time.perf_counter()
for i, household in enumerate(households, start=1):
    for language in ("en", "fr"):
        dossier_pdf(household, language=language, profile=officer, batch_reference="RB-BENCH")
    print(f"  {{i}}/{{len(households)}} households", flush=True)
seconds = time.perf_counter() - started
started = time.perf_counter()
rows = batch_list_rows(households, profile=officer)
batch_list_xlsx(rows)
listed = time.perf_counter() - started
import datetime
from haven.referral.documents import package_files
started = time.perf_counter()
package_files(households, profile=officer, batch_reference="RB-BENCH", recipient="Officer",
              created_on=datetime.date.today(), jobs={jobs})
whole = time.perf_counter() - started
print(f"RESULT {{len(households)}} {{seconds:.3f}} {{listed:.3f}} {{whole:.3f}}")
"""

PROFILE = """
import cProfile, pstats
from haven.cases.models import Household
from haven.referral.documents import dossier_pdf, PROFILES
households = list(Household.objects.filter(assessments__current=True)[:{n}])
dossier_pdf(households[0], language="en", profile=PROFILES["officer"])
profiler = cProfile.Profile()
profiler.enable()
for household in households:
    dossier_pdf(household, language="en", profile=PROFILES["officer"])
profiler.disable()
pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
"""


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([HAVEN, *args], env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 4), help="for the package")
    parser.add_argument("--profile", action="store_true", help="Print where the time goes (cProfile).")
    parser.add_argument("--database-url", help="A PostgreSQL database to use (emptied and seeded).")
    options = parser.parse_args()
    print(f"Haven referral dossier benchmark, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="haven-bench-referral-") as folder:
        env = {
            **os.environ,
            "DATABASE_URL": options.database_url or f"sqlite:///{folder}/referral.sqlite3",
            "HAVEN_VAR_DIR": folder,
            "HAVEN_KEYS_FILE": f"{folder}/keys.json",
            "HAVEN_FILES_DIR": f"{folder}/files",
        }
        env.pop("HAVEN_KEYS", None)
        run(env, "migrate", "--verbosity", "0")
        print(f"seeding and assessing {options.households} households (not counted)…", flush=True)
        run(env, "seed", "--households", str(options.households), "--reset")
        run(env, "assess")
        if options.profile:
            print(run(env, "shell", "--no-imports", "-c", PROFILE.format(n=min(options.households, 3))))
        print("rendering dossiers (English and French)…", flush=True)
        process = subprocess.Popen(  # noqa: S603
            [HAVEN, "shell", "--no-imports", "-c", MEASURE.format(n=options.households, jobs=options.jobs)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        result = ""
        for line in process.stdout:
            if line.startswith("RESULT"):
                result = line
            else:
                print(line, end="", flush=True)
        if process.wait() != 0 or not result:
            raise SystemExit("the measurement failed")
        _, count, seconds, listed, whole = result.split()
        n, s = int(count), float(seconds)
        print(
            f"{n} households, {2 * n} dossiers: {s:.1f} s; "
            f"{s / (2 * n):.2f} s per dossier, {n / s:.2f} households/s (both languages); "
            f"batch list (rows and XLSX) {float(listed):.2f} s",
            flush=True,
        )
        print(
            f"the whole package (dossiers, letters, lists) with {options.jobs} worker processes: "
            f"{float(whole):.1f} s, {n / float(whole):.2f} households/s",
            flush=True,
        )


if __name__ == "__main__":
    main()
