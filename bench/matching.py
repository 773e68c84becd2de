"""How fast identity matching is: 1,000 people against 100,000 registry entries.

    .venv/bin/python bench/matching.py                    # 1,000 people, 100,000 entries
    .venv/bin/python bench/matching.py --entries 20000 --people 500
    .venv/bin/python bench/matching.py --tracemalloc      # also the peak of Python allocations (slower)

The entries are a synthetic registry written the way the Ministry of Justice and Rosfinmonitoring write
names (``Surname Given Patronymic``, some in capitals, a few with a pseudonym or a former surname),
drawn from the demo generator's name data; the people are a demo coalition's, with every spelling Haven
stores. Fifty of the people are planted in the registry, written in Cyrillic as a registry would, so
that the run also checks that they are found. Prints the index build time, the time for all the
queries, the total wall time (target: 5 s), the peak resident memory of the process, and the counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time
import tracemalloc

from haven.demo.generator import generate
from haven.demo.generator.names_data import ORIGINS, feminine
from haven.demo.generator.records import SyntheticPerson
from haven.demo.matching_evaluation.labelled_seed import person_record
from haven_core.matching import Matcher, NameRecord

TARGET_SECONDS = 5.0
_ORIGIN_WEIGHTS = [origin.weight for origin in ORIGINS]


def synthetic_registry(count: int, rng: random.Random) -> list[NameRecord]:
    """Plausible registry individuals: names from the seed data, birth dates from 1940 to 2006."""
    entries = []
    for i in range(count):
        origin = rng.choices(ORIGINS, _ORIGIN_WEIGHTS)[0]
        sex = rng.choice("MF")
        given = rng.choice(origin.male if sex == "M" else origin.female).cyrillic
        father = rng.choice(origin.male)
        patronymic = father.patronymic_male if sex == "M" else father.patronymic_female
        surname = rng.choice(origin.surnames)
        surname = feminine(surname) if sex == "F" else surname
        name = f"{surname} {given} {patronymic}"
        names = [name.upper() if rng.random() < 0.3 else name]
        if sex == "F" and rng.random() < 0.03:
            names.append(f"{feminine(rng.choice(origin.surnames))} {given} {patronymic}")  # former surname
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(66 * 365))
        entries.append(NameRecord(f"r{i}", tuple(names), birth.isoformat(), "registry"))
    return entries


def listed(person: SyntheticPerson, ref: str) -> NameRecord:
    name = " ".join(
        p for p in (person.surname_cyrillic, person.given_name_cyrillic, person.patronymic_cyrillic) if p
    )
    return NameRecord(ref, (name,), person.birth_date, "registry")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--tracemalloc", action="store_true", help="trace allocations (slows the run)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    coalition = generate(seed=args.seed, households=args.people, today=dt.date(2026, 1, 15))
    people = [p for h in coalition.households for p in h.people if p.surname_cyrillic][: args.people]
    queries = [person_record(p, f"p{i}") for i, p in enumerate(people)]
    planted = {f"p{i}": f"planted{i}" for i in rng.sample(range(len(people)), min(50, len(people)))}
    entries = synthetic_registry(args.entries - len(planted), rng)
    entries += [listed(people[int(q[1:])], ref) for q, ref in planted.items()]
    rng.shuffle(entries)

    if args.tracemalloc:
        tracemalloc.start()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    matcher = Matcher(entries)
    built = time.perf_counter()
    found = [matcher.candidates(query) for query in queries]
    done, cpu = time.perf_counter(), time.process_time() - cpu
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    candidates = sum(len(c) for c in found)
    matches = sum(1 for c in found for x in c if x.decision == "match")
    hits = sum(
        1 for q, c in zip(queries, found, strict=True) if any(x.entry_id == planted.get(q.id) for x in c)
    )
    total = done - started
    verdict = "met" if total <= TARGET_SECONDS else "MISSED"
    per_person = 1000 * (done - built) / len(queries)
    print(f"{len(queries):,} people against {len(matcher):,} registry entries")
    print(f"  index built        {built - started:6.2f} s")
    print(f"  queries            {done - built:6.2f} s  ({per_person:.2f} ms per person)")
    print(f"  total wall time    {total:6.2f} s  (target {TARGET_SECONDS:.0f} s: {verdict}; CPU {cpu:.2f} s)")
    added = (peak_rss - before) / 1024
    print(f"  peak memory        {peak_rss / 1024:6.0f} MiB resident ({added:.0f} MiB added by the index)")
    if args.tracemalloc:
        _, peak = tracemalloc.get_traced_memory()
        print(f"  peak allocations   {peak / 2**20:6.0f} MiB (tracemalloc)")
    print(f"  candidates         {candidates:,} ({matches:,} match); planted found: {hits} of {len(planted)}")
    return 0 if total <= TARGET_SECONDS and hits == len(planted) else 1


if __name__ == "__main__":
    sys.exit(main())
