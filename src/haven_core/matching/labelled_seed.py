"""Labelled queries from the demo coalition: the same family submitted by two organisations.

The generator (:mod:`haven_core.seed`) keeps its ground truth: two person records with the same
``identity`` are one human being, however differently the two organisations spelled them (another
passport's transliteration, the press spelling, surname and given name swapped, ё as е, no
patronymic, a partial or day/month-swapped birth date, Latin only). Every record is an entry, and
every record is a query against the others, as duplicate detection across organisations runs: the
records sharing its identity are its truth, and its own relatives (same surname, often the same
patronymic) and namesakes are the hard negatives.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from haven_core.matching.evaluation import LabelledQuery, LabelledSet
from haven_core.matching.records import NameRecord
from haven_core.seed import SyntheticPerson, generate


def person_record(person: SyntheticPerson, record_id: str) -> NameRecord:
    """A caseload person as the matcher sees them: every spelling Haven stores, and the birth date."""
    cyrillic = " ".join(p for p in (person.surname_cyrillic, person.given_name_cyrillic,
                                    person.patronymic_cyrillic) if p)  # fmt: skip
    latin = " ".join(p for p in (person.given_name_latin, person.surname_latin) if p)
    names = [cyrillic, latin, *person.other_spellings, *person.former_names]
    if person.surname_latin and person.given_name_latin:
        names.append(f"{person.surname_latin.upper()}, {person.given_name_latin}")
    return NameRecord(
        id=record_id,
        names=tuple(dict.fromkeys(n for n in names if n)),
        birth=person.birth_date or None,
        source="caseload",
    )


def seed_set(
    seed: int = 20250815, households: int = 1500, today: dt.date = dt.date(2026, 1, 15)
) -> LabelledSet:
    """Every person of a generated coalition, each asked against all the others."""
    coalition = generate(seed=seed, households=households, today=today)
    records: list[NameRecord] = []
    identities: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for household in coalition.households:
        for n, person in enumerate(household.people):
            record_id = f"{household.key}/{n}"
            records.append(person_record(person, record_id))
            identities[person.identity].append(record_id)
            kinds[record_id] = "resubmitted" if household.resubmission_of else "first"
    queries: list[LabelledQuery] = []
    for household in coalition.households:
        for n, person in enumerate(household.people):
            record_id = f"{household.key}/{n}"
            truth = frozenset(i for i in identities[person.identity] if i != record_id)
            kind = f"duplicate ({kinds[record_id]})" if truth else "unique person"
            queries.append(LabelledQuery(records[len(queries)], truth, kind))
    return LabelledSet(f"seed-{seed}", tuple(records), tuple(queries), self_ids=True)
