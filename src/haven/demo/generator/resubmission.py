"""The same family submitted by a second organisation, spelled the way that organisation heard it.

Organisations in the coalition work apart, so one family may reach two of them. The second record
is the same people written differently, in the ways ../shared/DOMAIN.md §3 lists: the Latin of an
older or newer passport, the press spelling typed into the passport field, surname and given name
swapped, ё written е, the patronymic left out, a birth date known only in part or with day and month
swapped (US MM/DD against Russian DD.MM). The identities stay the same: that is what matching must find.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import replace

from haven.demo.generator.names_data import PRESS_FORMS
from haven.demo.generator.records import SyntheticEvent, SyntheticHousehold, SyntheticPerson
from haven.demo.generator.spelling import PASSPORT_ERAS, era_years, passport_latin
from haven_core.dates import PartialDate
from haven_core.names import System, transliterate

Variant = Callable[[random.Random, SyntheticPerson, dt.date], SyntheticPerson | None]


def _other_passport(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    """The Latin of another passport the person held, issued under another system."""
    if person.passport_system is None:
        return None
    born = PartialDate.parse(person.birth_date).year
    eras = [s for _, s in PASSPORT_ERAS if s is not person.passport_system and era_years(s)[1] >= born]
    if not eras:
        return None
    system = rng.choice(eras)
    first, last = era_years(system)
    year = rng.randint(max(first, born), min(last, today.year))
    surname = passport_latin(person.surname_cyrillic, system)
    given = passport_latin(person.given_name_cyrillic, system)
    if (surname, given) == (person.surname_latin, person.given_name_latin):
        return None
    return replace(
        person, surname_latin=surname, given_name_latin=given, passport_year=year, passport_system=system
    )


def _press_in_latin(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    """The press spelling typed where the passport spelling belongs: ``Yulia Kotova``."""
    given = PRESS_FORMS.get(person.given_name_cyrillic) or transliterate(
        person.given_name_cyrillic, System.PRESS
    )
    surname = transliterate(person.surname_cyrillic, System.PRESS)
    if (surname.upper(), given.upper()) == (person.surname_latin.upper(), person.given_name_latin.upper()):
        return None
    return replace(
        person, surname_latin=surname, given_name_latin=given, passport_year=None, passport_system=None
    )


def _swapped(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    """Surname and given name in each other's fields, as happens when LAST, FIRST is misread."""
    if not (person.surname_latin and person.given_name_latin):
        return None
    return replace(
        person,
        surname_latin=person.given_name_latin,
        given_name_latin=person.surname_latin,
        passport_year=None,
        passport_system=None,
    )


def _yo_as_e(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    names = (person.surname_cyrillic, person.given_name_cyrillic, person.patronymic_cyrillic)
    if not any("ё" in name.lower() for name in names):
        return None
    surname, given, patronymic = (name.replace("ё", "е").replace("Ё", "Е") for name in names)
    return replace(
        person, surname_cyrillic=surname, given_name_cyrillic=given, patronymic_cyrillic=patronymic
    )


def _no_patronymic(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    return replace(person, patronymic_cyrillic="") if person.patronymic_cyrillic else None


def _latin_only(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    """A legal-aid office that only ever saw the US papers has no Cyrillic at all."""
    if not person.surname_latin:
        return None
    return replace(person, surname_cyrillic="", given_name_cyrillic="", patronymic_cyrillic="")


def _partial_birth(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    birth = PartialDate.parse(person.birth_date)
    if birth.day is None:
        return None
    partial = PartialDate(birth.year, birth.month) if rng.random() < 0.6 else PartialDate(birth.year)
    return replace(person, birth_date=partial.iso())


def _day_month_swapped(rng: random.Random, person: SyntheticPerson, today: dt.date) -> SyntheticPerson | None:
    birth = PartialDate.parse(person.birth_date)
    if birth.day is None or birth.month is None or birth.day > 12 or birth.day == birth.month:
        return None
    swapped = PartialDate(birth.year, birth.day, birth.month)
    return replace(person, birth_date=swapped.iso()) if swapped.earliest() <= today else None


NAME_VARIANTS: tuple[Variant, ...] = (_other_passport, _press_in_latin, _swapped, _yo_as_e, _no_patronymic)
OTHER_VARIANTS: tuple[Variant, ...] = (_partial_birth, _day_month_swapped, _latin_only)


def _name(person: SyntheticPerson) -> tuple[str, ...]:
    return (person.surname_cyrillic, person.given_name_cyrillic, person.patronymic_cyrillic,
            person.surname_latin, person.given_name_latin)  # fmt: skip


def respell(
    rng: random.Random, person: SyntheticPerson, today: dt.date, *, must_differ: bool
) -> SyntheticPerson:
    """The person as the second organisation wrote them; ``must_differ`` makes sure the name changes.

    Each variant is applied at most once, and none may undo the others (a second swap, or another
    passport whose spelling happens to be the first one's).
    """
    result = person
    variants = list(NAME_VARIANTS)
    rng.shuffle(variants)
    if must_differ:
        while _name(result) == _name(person):
            result = variants.pop(0)(rng, person, today) or person
    for variant in (*variants, *OTHER_VARIANTS):
        chance = 0.05 if variant is _latin_only else 0.25
        if rng.random() < chance and (changed := variant(rng, result, today)):
            if not must_differ or _name(changed) != _name(person):
                result = changed
    return result


def resubmitted_people(
    rng: random.Random, original: SyntheticHousehold, today: dt.date
) -> tuple[tuple[SyntheticPerson, ...], tuple[SyntheticEvent, ...]]:
    """The people a second organisation recorded for the family, and the US events it knows.

    The principal is always there; each other member only if the family mentioned them. The second
    organisation may not know the A-number or the phone number yet.
    """
    people = []
    for i, person in enumerate(original.people):
        if i and rng.random() < 0.2:
            continue
        respelled = respell(rng, person, today, must_differ=i == 0)
        record = respelled.us_record
        if record and record.a_number and rng.random() < 0.3:
            respelled = replace(respelled, us_record=replace(record, a_number=""))
        if respelled.phone and rng.random() < 0.2:
            respelled = replace(respelled, phone="")
        people.append(
            replace(respelled, other_spellings=() if rng.random() < 0.5 else respelled.other_spellings)
        )
    events = tuple(e for e in original.events if e.person in (None, 0) and e.kind != "status_changed")
    return tuple(people), events
