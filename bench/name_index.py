"""How much the prefix keys add to the blind name index: rows per person before and after.

    .venv/bin/python bench/name_index.py                  # 2,000 demo households
    .venv/bin/python bench/name_index.py --households 10000

Uses the demo generator's people with every spelling Haven stores, and counts the keys
``haven.cases.actions.people.person_keys`` would store (whole keys, then whole and prefix keys). Prints
the rows per person (mean and largest), the total for the sample, and the time to compute the keys.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from haven.demo.generator import generate
from haven.demo.matching_evaluation.labelled_seed import person_record
from haven_core.names import name_keys, prefix_keys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=2000)
    args = parser.parse_args()
    coalition = generate(seed=7, households=args.households, today=dt.date(2026, 12, 1))
    people = [p for h in coalition.households for p in h.people]
    started = time.perf_counter()
    whole, both = [], []
    for number, person in enumerate(people):
        keys = name_keys(*person_record(person, str(number)).names)
        whole.append(len(keys))
        both.append(len(keys | prefix_keys(keys)))
    seconds = time.perf_counter() - started
    print(f"people: {len(people):,} in {args.households:,} households")
    print(f"whole keys per person: mean {statistics.mean(whole):.1f}, largest {max(whole)}")
    print(f"with prefix keys:      mean {statistics.mean(both):.1f}, largest {max(both)}")
    print(f"index rows: {sum(whole):,} -> {sum(both):,} (x{sum(both) / sum(whole):.1f})")
    print(f"keys computed in {seconds:.2f} s ({seconds / len(people) * 1e6:.0f} µs a person)")


if __name__ == "__main__":
    main()
