"""How long rendering referral dossiers takes: households of a seeded coalition, each dossier in English
and French (Typst), read from the database as ``haven referral-export`` reads them.

    .venv/bin/python bench/referral.py                  # 20 households, a temporary SQLite database
    .venv/bin/python bench/referral.py --households 50
    .venv/bin/python bench/referral.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench
    .venv/bin/python bench/referral.py --households 10 --profile  # and where the time goes (cProfile)
    .venv/bin/python bench/referral.py --households 300 --sample 10   # the issue's package of 300

The coalition is seeded (``haven seed``) and assessed (``haven assess``) first; that is not counted.
Prints the seconds per dossier and households per second (two dossiers a household, rendered one after
the other for ``--sample`` households), the batch list, then the whole package as an export writes it
(dossiers, letters and lists rendered by ``--jobs`` processes, streamed encrypted into the tar) and as the
package job then stores it (sealed into the file store a chunk at a time), in a process of its own, with
the CPU seconds it and its workers spent, that process's peak memory (RSS) and its workers' largest.
On a machine shared with others, wall-clock seconds depend on their load (printed before and after);
CPU seconds much less so.
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
dossier_pdf(households[0], language="en", profile=officer)  # make the Typst compiler, load fonts: not counted
started, cpu = time.perf_counter(), time.process_time()
for i, household in enumerate(households, start=1):
    for language in ("en", "fr"):
        dossier_pdf(household, language=language, profile=officer, batch_reference="RB-BENCH")
    print(f"  {{i}}/{{len(households)}} households", flush=True)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
started = time.perf_counter()
rows = batch_list_rows(households, profile=officer)
batch_list_xlsx(rows)
listed = time.perf_counter() - started
print(f"RESULT {{len(households)}} {{seconds:.3f}} {{listed:.3f}} {{cpu:.3f}}")
"""

# The whole package, in a process of its own so that its peak memory is the package's alone.
PACKAGE = """
import datetime, resource, shutil, tempfile, time, uuid
from pathlib import Path
import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from haven.cases.models import Household
from haven.jobs.files import store_outputs
from haven.referral.documents import PROFILES, write_package_files
from haven_core.referral.package import PackageWriter
households = list(Household.objects.filter(assessments__current=True).select_related("organisation")[:{n}])
recipient = str(pyrage.x25519.Identity.generate().to_public())
folder = tempfile.mkdtemp(prefix="haven-bench-package-")
started = time.perf_counter()
with PackageWriter(Path(folder) / "RB-BENCH.tar.age", recipient=recipient) as writer:
    write_package_files(households, writer.add, profile=PROFILES["officer"], batch_reference="RB-BENCH",
                        recipient="Officer", created_on=datetime.date.today(), jobs={jobs},
                        progress=lambda done, total: done % 25 or print(f"  {{done}}/{{total}}", flush=True))
    size = writer.finish(signing_key=Ed25519PrivateKey.generate(), about={{"batch": "RB-BENCH"}})
whole = time.perf_counter() - started
store_outputs(uuid.uuid4(), {{"RB-BENCH.tar.age": Path(folder) / "RB-BENCH.tar.age"}})  # as the job does
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
exporting, rendering = own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime
peaks = f"{{own.ru_maxrss}} {{workers.ru_maxrss}}"
shutil.rmtree(folder)
cpu = f"{{exporting:.1f}} {{rendering:.1f}}"
print(f"RESULT {{len(households)}} {{writer.count}} {{whole:.3f}} {{size}} {{peaks}} {{cpu}}")
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
    for language in ("en", "fr"):
        dossier_pdf(household, language=language, profile=PROFILES["officer"], batch_reference="RB-BENCH")
profiler.disable()
pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
"""


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([HAVEN, *args], env=env, check=True, capture_output=True, text=True)  # noqa: S603
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=20)
    parser.add_argument("--sample", type=int, default=20, help="households rendered one by one (timing)")
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
            print(run(env, "shell", "--no-imports", "-c", PROFILE.format(n=min(options.households, 10))))
        sample = min(options.sample, options.households)
        print(f"rendering the dossiers of {sample} households one by one (English and French)…", flush=True)
        result = measured(env, MEASURE.format(n=sample))
        _, count, seconds, listed, cpu = result.split()
        n, s = int(count), float(seconds)
        print(
            f"{n} households, {2 * n} dossiers: {s:.1f} s; "
            f"{s / (2 * n):.2f} s per dossier ({float(cpu) / (2 * n):.2f} s CPU), "
            f"{n / s:.2f} households/s (both languages); "
            f"batch list (rows and XLSX) {float(listed):.2f} s",
            flush=True,
        )
        print(f"the whole package of {options.households} households, {options.jobs} processes…", flush=True)
        print(f"  load average before: {load()}", flush=True)
        result = measured(env, PACKAGE.format(n=options.households, jobs=options.jobs))
        _, count, files, whole, size, own, workers, exporting, rendering = result.split()
        cpu = float(exporting) + float(rendering)
        print(
            f"the whole package ({files} files: dossiers, letters, lists; {int(size) / 1e6:.1f} MB sealed) "
            f"for {count} households with {options.jobs} worker processes: {float(whole):.1f} s, "
            f"{int(count) / float(whole):.2f} households/s, {cpu:.0f} s CPU in all "
            f"({cpu / int(files):.2f} s a file; the exporting process {float(exporting):.0f} s, "
            f"its workers {float(rendering):.0f} s); peak RSS {int(own) / 1024:.0f} MB "
            f"(the exporting process, storing it included), {int(workers) / 1024:.0f} MB (largest worker)",
            flush=True,
        )
        print(f"  load average after: {load()}", flush=True)


def load() -> str:
    """The machine's load averages over 1, 5 and 15 minutes (others' work as well as this)."""
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def measured(env: dict[str, str], code: str) -> str:
    """Run ``code`` in ``haven shell``, echo its progress, and return its RESULT line."""
    process = subprocess.Popen(  # noqa: S603
        [HAVEN, "shell", "--no-imports", "-c", code], env=env, stdout=subprocess.PIPE, text=True
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
    return result


if __name__ == "__main__":
    main()
