"""Ties to Canada for a minority of households: a relative living there, a Canadian visa or permit.

These are what make a Safe Third Country Agreement exception (../shared/DOMAIN.md §5): a relative who is
a citizen, a permanent resident, a protected person or an adult with a permit, or the person's own
Canadian visa. The codes are those of Haven's models (``haven.cases.models.canada``).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from haven.demo.generator.names_data import RUSSIAN_FEMALE, RUSSIAN_MALE, RUSSIAN_SURNAMES, feminine
from haven.demo.generator.places_data import CANADA_CITIES
from haven.demo.generator.records import SyntheticCanadaPermit, SyntheticCanadaRelative, SyntheticPerson
from haven_core.names import System, transliterate

TIED_SHARE = 0.15
PERMIT_ONLY_SHARE = 0.01

# Relatives who share the person's surname, and those who are written with their own.
_SAME_SURNAME = ("sibling", "parent", "child", "grandparent")
_RELATIONSHIPS = (
    "sibling",
    "parent",
    "child",
    "grandparent",
    "aunt_uncle",
    "niece_nephew",
    "spouse",
    "other",
)
_RELATIONSHIP_WEIGHTS = (30, 12, 6, 2, 12, 4, 2, 20)
_STATUSES = (
    "citizen", "permanent_resident", "protected_person", "accepted_claimant", "work_permit", "study_permit",
    "claim_referred", "removal_stayed", "visitor", "other",
)  # fmt: skip
_STATUS_WEIGHTS = (25, 30, 6, 5, 12, 8, 4, 1, 4, 5)
_PERMITS = ("visitor_visa", "work_permit", "study_permit", "trp", "other")
_PERMIT_WEIGHTS = (70, 10, 10, 3, 7)
_NOTES = (
    "",
    "",
    "Can host the family on arrival.",
    "Has offered to help with a private sponsorship.",
    "Wrote a letter of support.",
    "In touch weekly; knows the family's situation.",
)


def _relative(rng: random.Random, person: SyntheticPerson) -> SyntheticCanadaRelative:
    relationship = rng.choices(_RELATIONSHIPS, _RELATIONSHIP_WEIGHTS)[0]
    if relationship in _SAME_SURNAME and person.surname_cyrillic:
        sex, surname = person.sex, person.surname_cyrillic  # a brother of a man, a sister of a woman
    else:
        sex = rng.choice("MF")
        surname = rng.choice(RUSSIAN_SURNAMES)
        surname = surname if sex == "M" else feminine(surname)
    given = rng.choice(RUSSIAN_MALE if sex == "M" else RUSSIAN_FEMALE)
    name = (
        f"{surname} {given.cyrillic}"
        if rng.random() < 0.6
        else f"{given.press} {transliterate(surname, System.PRESS)}"
    )
    return SyntheticCanadaRelative(
        full_name=name,
        relationship=relationship,
        canadian_status=rng.choices(_STATUSES, _STATUS_WEIGHTS)[0],
        city=rng.choice(CANADA_CITIES),
        notes=rng.choice(_NOTES),
    )


def _permit(rng: random.Random, today: dt.date) -> SyntheticCanadaPermit:
    kind = rng.choices(_PERMITS, _PERMIT_WEIGHTS)[0]
    prefix = "V" if kind == "visitor_visa" else "U"
    valid_until = today + dt.timedelta(days=rng.randint(-3 * 365, 6 * 365))
    return SyntheticCanadaPermit(
        kind=kind, number=f"{prefix}{rng.randrange(10**9):09d}", valid_until=valid_until
    )


def canada_ties(
    rng: random.Random, people: tuple[SyntheticPerson, ...], today: dt.date
) -> tuple[SyntheticPerson, ...]:
    """Give the principal, or now and then the spouse, relatives in Canada and perhaps a visa."""
    roll = rng.random()
    if roll >= TIED_SHARE + PERMIT_ONLY_SHARE:
        return people
    index = 1 if len(people) > 1 and people[1].relationship == "spouse" and rng.random() < 0.3 else 0
    person = people[index]
    relatives: tuple[SyntheticCanadaRelative, ...] = ()
    if roll < TIED_SHARE:
        relatives = tuple(_relative(rng, person) for _ in range(1 if rng.random() < 0.8 else 2))
    permits = (_permit(rng, today),) if not relatives or rng.random() < 0.25 else ()
    tied = replace(person, canada_relatives=relatives, canada_permits=permits)
    return (*people[:index], tied, *people[index + 1 :])
