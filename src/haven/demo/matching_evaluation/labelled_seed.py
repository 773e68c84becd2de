"""Labelled queries from the demo coalition: the same family submitted by two organisations.

The generator (:mod:`haven.demo.generator`) keeps its ground truth: two person records with the same
``identity`` are one human being, however differently the two organisations spelled them (another
passport's transliteration, the press spelling, surname and given name swapped, ё as е, no
patronymic, a partial or day/month-swapped birth date, Latin only). Every record is an entry, and
every record is a query against the others, as duplicate detection across organisations runs: the
records sharing its identity are its truth, and its own relatives (same surname, often the same
patronymic) and namesakes are the hard negatives.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from haven.demo.generator import SyntheticPerson, generate
from haven.demo.matching_evaluation.evaluation import LabelledQuery, LabelledSet
from haven.demo.matching_evaluation.labelled_spellings import hard_negatives, hard_positives
from haven_core.matching.given_names import NAMES, fold
from haven_core.matching.records import NameRecord
from haven_core.names import System, transliterate


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
    seed: int = 20250815,
    households: int = 1500,
    today: dt.date = dt.date(2026, 1, 15),
    hard_every: int = 5,
) -> LabelledSet:
    """Every person of a generated coalition, each asked against all the others; and one person in
    ``hard_every`` of those first submitted (none for 0), written in the hard classes of
    :mod:`.labelled_spellings`."""
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
    people = [(f"{h.key}/{n}", p) for h in coalition.households if not h.resubmission_of
              for n, p in enumerate(h.people) if p.surname_cyrillic and p.given_name_cyrillic]  # fmt: skip
    women = sorted({p.surname_cyrillic for _, p in people if p.sex == "F" and "-" not in p.surname_cyrillic})
    for record_id, person in people[::hard_every] if hard_every else ():
        queries += _hard(seed, record_id, person, frozenset(identities[person.identity]), women)
    return LabelledSet(f"seed-{seed}", tuple(records), tuple(queries), self_ids=True)


def _hard(
    seed: int, record_id: str, person: SyntheticPerson, truth: frozenset[str], women: list[str]
) -> list[LabelledQuery]:
    """The hard classes of :mod:`.labelled_spellings` for one person of the coalition: the person's own
    records are the truth; the namesakes, born the same day, have none."""
    rng = random.Random(f"{seed}/{record_id}")
    surname = tuple(person.surname_cyrillic.split("-"))
    found = hard_positives(rng, surname, person.given_name_cyrillic, person.patronymic_cyrillic,
                           person.sex == "F", women)  # fmt: skip
    queries = []
    for n, (kind, name, needs_birth) in enumerate(found):
        birth = person.birth_date or None
        if not needs_birth and rng.random() < 0.5:
            birth = None
        query = NameRecord(f"{record_id}:h{n}", (name,), birth, "query")
        queries.append(LabelledQuery(query, truth, f"{kind}, birth {'as recorded' if birth else 'missing'}"))
    given = fold(person.given_name_cyrillic)
    sibling = rng.choice([g.canonical for g in NAMES if g.sex == person.sex and fold(g.canonical) != given])
    for n, (kind, name) in enumerate(hard_negatives(rng, surname, sibling, _other_initial(person), women)):
        query = NameRecord(f"{record_id}:hx{n}", (name,), person.birth_date or None, "query")
        queries.append(LabelledQuery(query, frozenset(), kind))
    return queries


def _other_initial(person: SyntheticPerson) -> str:
    """A Latin initial that the person's given name cannot start with in any spelling."""
    first = person.given_name_cyrillic[:1]
    written = {person.given_name_latin[:1].upper()} | {transliterate(first, s)[:1].upper() for s in System}
    return next(c for c in "ZBDKLMNPRSTV" if c not in written | {"I", "J", "Y", "E"})
