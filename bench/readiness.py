"""How long Haven takes to say which households can be referred now, over a demo database.

    .venv/bin/python bench/readiness.py --database-url sqlite:////tmp/demo/db.sqlite3 [--var-dir /tmp/demo]

The database is one ``haven demo --no-serve`` made (with its key file in the var folder): it is only read.
Prints the seconds of reading every household with its readiness (what a selection run reads), of the
Selection page's list of emergencies that are not ready, and of a selection of 40 places with the defaults
(computed, not saved), each the best of three.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HAVEN = [sys.executable, "-m", "haven"]

MEASURE = r"""
import time
from haven.selection import inputs
from haven.selection.actions import compute
from haven.selection.views import _not_ready_emergencies
from haven_core.selection import Parameters

def best(label, fn):
    times = []
    for _ in range(3):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    print(f"{label}: {min(times):.2f} s", value)

best("every household with its readiness", lambda: f"({len(inputs.read_households())} households)")
best("emergencies not ready (Selection page)", lambda: f"({len(_not_ready_emergencies())} listed)")
best(
    "selection of 40 places with the defaults",
    lambda: f"({compute(Parameters(quota=40), inputs.candidates(), [40])['exact']['households']} chosen)",
)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--var-dir", type=Path, default=None, help="The demo's var folder (its keys).")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": args.database_url}
    if args.var_dir is not None:
        env["HAVEN_VAR_DIR"] = str(args.var_dir)
    src = Path(__file__).resolve().parents[1] / "src"
    env["PYTHONPATH"] = f"{src}{os.pathsep}{env.get('PYTHONPATH', '')}"
    subprocess.run([*HAVEN, "shell", "-c", MEASURE], env=env, check=True)  # noqa: S603 (our own code)


if __name__ == "__main__":
    main()
