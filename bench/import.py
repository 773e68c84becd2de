"""Benchmark ``haven import-cases``: 10,000 households from a spreadsheet, then the same file again.

    .venv/bin/python bench/import.py                          # 10,000 households, SQLite
    .venv/bin/python bench/import.py --households 2000
    .venv/bin/python bench/import.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench_import

The file is made by the demo generator, one row per person with Russian headers and dates
(``bench/caseload.py``). It is imported into an empty organisation of a fresh database (a temporary
SQLite one, or the PostgreSQL database given, whose households are deleted first), timed as ``haven
import-cases`` runs it: reading, checking every row, looking for likely duplicates, writing in one
transaction. Then the same file again, which must change nothing. The target is 10,000 households in
60 s or less.

Then the duplicate check at scale: the same people under new Household IDs (``--dry-run
--only-valid``), so every person is a likely duplicate of someone already imported and every row is
held back; and the check one new household or person runs before saving (``find_likely_matches``),
timed for 50 people of the caseload against the whole organisation.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import caseload
from seeded import migrated, run

TARGET_SECONDS = 60
# The check before saving one person, as opening a household runs it, for 50 people of the caseload.
ONE_BY_ONE = """
import time
from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.cases.duplicates import QUERY_FIELDS, find_likely_matches
from haven.cases.models import Person
actor, org = Actor.system(), Organisation.objects.get(slug="bench")
everyone = list(Person.objects.filter(household__organisation=org).order_by("pk"))
people = everyone[:: max(1, len(everyone) // 50)][:50]
started = time.perf_counter()
found = [find_likely_matches(actor=actor, organisation_id=org.pk,
         fields={k: getattr(p, k) for k in QUERY_FIELDS}) for p in people]
each = (time.perf_counter() - started) / len(people) * 1000
print(f"one person before saving: {each:.0f} ms each ({sum(1 for f in found if f)} of {len(people)} found)")
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--database-url", help="A PostgreSQL database to use (its households are deleted).")
    options = parser.parse_args()
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(f"Haven import benchmark, {database}, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="haven-bench-import-") as temporary:
        folder = Path(temporary)
        env = migrated(folder, options.database_url or f"sqlite:///{folder / 'import.sqlite3'}")
        caseload.empty_organisation(env)
        path = folder / "caseload.csv"
        people = len(caseload.write_file(path, options.households))
        print(f"file: {options.households:,} households, {people:,} people, {path.stat().st_size:,} bytes")
        first, out = run(env, "import-cases", str(path), "--org", "bench")
        print(f"  {out.strip().splitlines()[-1]}")
        again, out_again = run(env, "import-cases", str(path), "--org", "bench")
        print(f"  {out_again.strip().splitlines()[-1]}")
        renamed = folder / "renamed.csv"
        renamed.write_text(path.read_text(encoding="utf-8").replace("B-", "R-"), encoding="utf-8")
        options_check = ("--org", "bench", "--dry-run", "--only-valid")
        check, out_check = run(env, "import-cases", str(renamed), *options_check)
        held = sum(1 for line in out_check.splitlines() if "likely already in Haven:" in line)
        print(f"  new ids, same people: {held:,} rows held back as likely duplicates ({check:.1f} s)")
        _, out_one = run(env, "shell", "--no-imports", "-c", ONE_BY_ONE)
        print(f"  {out_one.strip().splitlines()[-1]}")
        verdict = "within" if first <= TARGET_SECONDS * options.households / 10_000 else "OVER"
        print(
            f"haven import-cases {options.households:,} households: first import {first:.1f} s "
            f"({options.households / first:,.0f}/s, {verdict} the 60 s per 10,000 target); "
            f"the same file again {again:.1f} s",
            flush=True,
        )


if __name__ == "__main__":
    main()
