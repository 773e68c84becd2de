"""The duplicate check at import, with and without skipping the people nobody in Haven shares a name key
with.

    .venv/bin/python bench/import_duplicate_skip.py                 # 2,000 households each side
    .venv/bin/python bench/import_duplicate_skip.py --households 5000

A fresh SQLite database gets one organisation's caseload (the demo generator, seed 2025); then the
check a second organisation's file of other people (seed 2031) runs before its import
(``haven.intake.duplicates.file_check``) is timed twice: as Haven runs it, comparing only the people
whose name keys someone in Haven shares, and with that skip undone (every person compared, as before).
Both must find the same likely duplicates. Then the same for a file of strangers to an empty Haven
(every key absent). Name keys are per name token, so in a caseload of thousands most new people share
some key (a common given name) with someone: the skip matters most for rare names and young caseloads.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="haven-bench-dupskip-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        HAVEN_VAR_DIR=str(folder),
        HAVEN_KEYS_FILE=str(folder / "keys.json"),
        DJANGO_SETTINGS_MODULE="haven.settings",
    )
    os.environ.pop("HAVEN_KEYS", None)
    import django

    django.setup()
    import caseload as bench_caseload
    from django.core.management import call_command

    from haven.accounts.actor import Actor
    from haven.accounts.models import Organisation
    from haven.intake import duplicates
    from haven.intake.choices import import_choices
    from haven_core.intake import COLUMNS, DateOrder, read_table, validate

    call_command("migrate", verbosity=0)

    def caseload(seed: int, prefix: str) -> bytes:
        rows = bench_caseload.table(options.households, seed=seed)
        text = bench_caseload.spreadsheet(rows).decode("utf-8-sig").replace("B-", prefix)
        return text.encode("utf-8")

    assert COLUMNS
    first, second = (
        Organisation.objects.create(slug="a", name="A"),
        Organisation.objects.create(slug="b", name="B"),
    )
    actor = Actor.system()
    others = caseload(2031, "O-")
    report = validate(read_table(others, "o.csv"), import_choices(), DateOrder.AUTO)
    people = sum(len(h.people) for h in report.households)
    real = duplicates._candidates

    def unskipped(actor: object, values: set[str]) -> tuple[list[int], set[str]]:
        ids, _present = real(actor, values)  # type: ignore[arg-type]
        return ids, values  # every value "found": nobody skipped, as before

    def once(skip: bool) -> tuple[float, list[int], int]:
        compared = 0
        matches = duplicates.Caseload.matches

        def counted(self: object, record: object) -> object:
            nonlocal compared
            compared += 1
            return matches(self, record)  # type: ignore[arg-type]

        with (
            mock.patch.object(duplicates, "_candidates", real if skip else unskipped),
            mock.patch.object(duplicates.Caseload, "matches", counted),
        ):
            started = time.perf_counter()
            check = duplicates.file_check(actor=actor, organisation=second, report=report)
            return time.perf_counter() - started, [d.row for d in check.blocking], compared

    def timed(label: str) -> None:
        once(True)  # warm the name caches
        runs: dict[bool, list[tuple[float, list[int], int]]] = {True: [], False: []}
        for _round in range(options.rounds):
            for skip in (False, True):
                runs[skip].append(once(skip))
        best = {skip: min(r[0] for r in results) for skip, results in runs.items()}
        same = runs[True][0][1] == runs[False][0][1]
        print(
            f"{label}: duplicate check of {people:,} people, best of {options.rounds}: {best[False]:.2f} s "
            f"comparing everyone ({runs[False][0][2]:,} compared), {best[True]:.2f} s skipping those with "
            f"no shared name key ({runs[True][0][2]:,} compared); {len(runs[True][0][1]):,} rows held "
            f"back ({'the same' if same else 'DIFFERENT'})",
            flush=True,
        )

    print(f"Haven duplicate-check benchmark, SQLite, {options.households:,} households a side", flush=True)
    timed("empty Haven")
    call_command(
        "import-cases", str(_write(folder / "a.csv", caseload(2025, "A-"))), "--org", first.slug,
        "--no-duplicates", stdout=open(os.devnull, "w"), stderr=open(os.devnull, "w"),
    )  # fmt: skip
    timed(f"Haven holding {options.households:,} other households")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


if __name__ == "__main__":
    main()
