"""Who is in a synthetic household, and what they are called.

A household is a principal applicant with the family who must move with them: a spouse, children,
sometimes a parent or a sibling. The names follow Russian usage: a wife often bears the female form
of her husband's surname and keeps her maiden name as a former name; a child's patronymic comes from
the father's given name; a sibling shares the principal's patronymic.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from haven.demo.generator.names_data import ORIGINS, RUSSIAN, GivenName, Origin, feminine

_ORIGIN_WEIGHTS = tuple(origin.weight for origin in ORIGINS)


@dataclass(frozen=True)
class Member:
    """Who a person is in the family, before the details are drawn."""

    relationship: str
    detail: str
    sex: str
    origin: Origin
    surname: str  # as the person bears it, in the form for their sex
    given: GivenName
    patronymic: str
    birth_year: int
    former_names: tuple[str, ...] = ()
    contact: bool = False
    single: bool = False


def _generation(year: int) -> str:
    return "O" if year < 1968 else "M" if year < 1992 else "Y"


def given_name(rng: random.Random, origin: Origin, sex: str, year: int) -> GivenName:
    """A given name that people born in ``year`` in this kind of family commonly bear."""
    names = origin.male if sex == "M" else origin.female
    letter = _generation(year)
    return rng.choice([name for name in names if letter in name.eras] or names)


def patronymic(father: GivenName, sex: str) -> str:
    return father.patronymic_male if sex == "M" else father.patronymic_female


def _surname(rng: random.Random, origin: Origin) -> str:
    """A family surname in its male form; now and then a double one (Соколов-Лебедев)."""
    surname = rng.choice(origin.surnames)
    if origin is RUSSIAN and rng.random() < 0.006:
        surname = f"{surname}-{rng.choice([other for other in origin.surnames if other != surname])}"
    return surname


def _married_name(rng: random.Random, husband: str, maiden: str) -> tuple[str, tuple[str, ...]]:
    """The surname a wife bears, and her maiden name if she changed it."""
    roll = rng.random()
    if roll < 0.75:
        return feminine(husband), (feminine(maiden),)
    if roll < 0.93 or "-" in husband or "-" in maiden:
        return feminine(maiden), ()
    return f"{feminine(maiden)}-{feminine(husband)}", (feminine(maiden),)


@dataclass(frozen=True)
class _Parenthood:
    """Whose children the household's children are: their father's name, surname and origin."""

    father: GivenName
    surname: str  # male form
    origin: Origin
    mother_year: int


def family(rng: random.Random, today: dt.date) -> list[Member]:
    """Who is in the household, principal first: names and birth years, not yet the details."""
    origin = rng.choices(ORIGINS, _ORIGIN_WEIGHTS)[0]
    sex = "M" if rng.random() < 0.64 else "F"
    year = today.year - round(rng.triangular(19, 64, 33))
    birth_surname = _surname(rng, origin)
    father_year = year - rng.randint(20, 38)
    father = given_name(rng, origin, "M", father_year)
    principal = Member(
        relationship="principal",
        detail="",
        sex=sex,
        origin=origin,
        surname=birth_surname if sex == "M" else feminine(birth_surname),
        given=given_name(rng, origin, sex, year),
        patronymic=patronymic(father, sex),
        birth_year=year,
        contact=True,
        single=True,
    )
    if rng.random() < (0.55 if year <= today.year - 26 else 0.25):
        members = _couple(rng, today, principal, birth_surname)
        parenthood = _parenthood(members)
    elif sex == "M":
        members = [principal]
        parenthood = _Parenthood(principal.given, birth_surname, origin, year - rng.randint(-2, 6))
    else:
        members = [principal]
        surname = birth_surname if rng.random() < 0.5 else _surname(rng, origin)
        parenthood = _Parenthood(given_name(rng, origin, "M", year - 3), surname, origin, year)
    members.extend(_children(rng, today, parenthood, married=len(members) == 2, principal_sex=sex))
    members.extend(_parents_and_siblings(rng, today, principal, birth_surname, father, father_year))
    return members


def _couple(rng: random.Random, today: dt.date, principal: Member, birth_surname: str) -> list[Member]:
    """The principal and their spouse; the wife, whichever of them she is, may take her husband's name."""
    origin = principal.origin
    spouse_origin = origin if origin is RUSSIAN or rng.random() < 0.75 else RUSSIAN
    spouse_sex = "F" if principal.sex == "M" else "M"
    if spouse_sex == "F":
        spouse_year = min(principal.birth_year + rng.randint(-3, 8), today.year - 18)
        husband_surname, maiden = birth_surname, _surname(rng, spouse_origin)
    else:
        spouse_year = max(principal.birth_year - rng.randint(-3, 8), today.year - 70)
        husband_surname, maiden = _surname(rng, spouse_origin), birth_surname
    wife_bears, former = _married_name(rng, husband_surname, maiden)
    spouse_father = given_name(rng, spouse_origin, "M", spouse_year - 25)
    spouse = Member(
        relationship="spouse",
        detail="wife" if spouse_sex == "F" else "husband",
        sex=spouse_sex,
        origin=spouse_origin,
        surname=wife_bears if spouse_sex == "F" else husband_surname,
        given=given_name(rng, spouse_origin, spouse_sex, spouse_year),
        patronymic=patronymic(spouse_father, spouse_sex),
        birth_year=spouse_year,
        former_names=former if spouse_sex == "F" else (),
        contact=True,
    )
    if principal.sex == "F":
        principal = replace(principal, surname=wife_bears, former_names=former, single=False)
    else:
        principal = replace(principal, single=False)
    return [principal, spouse]


def _parenthood(couple: list[Member]) -> _Parenthood:
    husband, wife = couple if couple[0].sex == "M" else couple[::-1]
    return _Parenthood(husband.given, husband.surname, husband.origin, wife.birth_year)


def _children(
    rng: random.Random, today: dt.date, parents: _Parenthood, *, married: bool, principal_sex: str
) -> list[Member]:
    """Children born to the mother between 19 and 42; some grown up, some born in the US."""
    weights = (30, 35, 25, 10) if married else (55, 30, 15, 0) if principal_sex == "F" else (95, 5, 0, 0)
    children = []
    for _ in range(rng.choices((0, 1, 2, 3), weights)[0]):
        low = max(parents.mother_year + 19, today.year - 25)
        high = min(parents.mother_year + 42, today.year)
        if low > high:
            break
        year = rng.randint(low, high)
        sex = rng.choice("MF")
        children.append(
            Member(
                relationship="child",
                detail="son" if sex == "M" else "daughter",
                sex=sex,
                origin=parents.origin,
                surname=parents.surname if sex == "M" else feminine(parents.surname),
                given=given_name(rng, parents.origin, sex, year),
                patronymic=patronymic(parents.father, sex),
                birth_year=year,
                contact=year <= today.year - 18 and rng.random() < 0.5,
            )
        )
    return children


def _parents_and_siblings(
    rng: random.Random, today: dt.date, principal: Member, surname: str, father: GivenName, father_year: int
) -> list[Member]:
    """Now and then the principal's parents or a sibling belong to the household too."""
    origin = principal.origin
    members = []
    if rng.random() < 0.06:
        if rng.random() < 0.5 and today.year - father_year <= 92:
            grandfather = given_name(rng, origin, "M", father_year - 28)
            members.append(
                Member(
                    "parent",
                    "father",
                    "M",
                    origin,
                    surname,
                    father,
                    patronymic(grandfather, "M"),
                    father_year,
                )
            )
        mother_year = father_year + rng.randint(-1, 6)
        if rng.random() < 0.8 and today.year - mother_year <= 92:
            mother = given_name(rng, origin, "F", mother_year)
            her_father = given_name(rng, origin, "M", mother_year - 28)
            members.append(
                Member(
                    "parent",
                    "mother",
                    "F",
                    origin,
                    feminine(surname),
                    mother,
                    patronymic(her_father, "F"),
                    mother_year,
                )
            )
    if rng.random() < 0.03:
        sex = rng.choice("MF")
        year = min(principal.birth_year + rng.randint(-10, 10), today.year - 1)
        members.append(
            Member(
                relationship="sibling",
                detail="brother" if sex == "M" else "sister",
                sex=sex,
                origin=origin,
                surname=surname if sex == "M" else feminine(surname),
                given=given_name(rng, origin, sex, year),
                patronymic=patronymic(father, sex),
                birth_year=year,
                contact=rng.random() < 0.5,
            )
        )
    return members
