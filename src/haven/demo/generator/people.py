"""The details of each person in a synthetic household, once the family is known.

Birth dates (some known only to the year or month), birthplaces as the passport gives them, the
passport whose year decides the Latin spelling (see :mod:`haven.demo.generator.spelling`), citizenships,
languages, contact details and vulnerability facts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from haven.demo.generator.family import Member, family
from haven.demo.generator.names_data import Origin
from haven.demo.generator.places_data import RUSSIAN_CITIES, SOVIET_NAMES, VULNERABILITY_NOTES, USRegion
from haven.demo.generator.records import SyntheticPerson
from haven.demo.generator.spelling import email_local_part, passport_latin, passport_system, press_name
from haven_core.names import System

_CITIES = tuple(city for city, _ in RUSSIAN_CITIES)
_CITY_WEIGHTS = tuple(weight for _, weight in RUSSIAN_CITIES)
_EMAIL_DOMAINS = ("example.org", "example.net", "example.com")


@dataclass(frozen=True)
class Home:
    """What the people of one household share: where they live and when they came."""

    region: USRegion
    city: str
    address: str
    entry: dt.date
    today: dt.date
    screened: bool  # the caseworker has asked about vulnerabilities: an unmarked fact is a recorded "no"


def birth_date(rng: random.Random, year: int, today: dt.date, partial_share: float) -> str:
    """A birth date in ``year`` as ISO text; some are known only to the year or the month."""
    start = dt.date(year, 1, 1)
    end = min(dt.date(year, 12, 31), today)
    day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
    roll = rng.random()
    if roll < partial_share * 0.6:
        return f"{year:04d}"
    if roll < partial_share:
        return f"{year:04d}-{day.month:02d}"
    return day.isoformat()


def _birthplace(rng: random.Random, origin: Origin, year: int) -> str:
    city = rng.choice(origin.birthplaces) if origin.birthplaces else rng.choices(_CITIES, _CITY_WEIGHTS)[0]
    soviet = SOVIET_NAMES.get(city)
    return soviet[0] if soviet and year < soviet[1] else city


def passport_year(rng: random.Random, birth_year: int, entry: dt.date) -> int:
    """When the passport whose spelling the records follow was issued: mostly recently, sometimes long ago.

    A few adults are still known by the spelling of a passport from before 2006 (a US visa issued on
    it, an old document in the file), which is where the French-style MVD 310 spellings come from.
    """
    latest = entry.year
    first_adult_passport = max(birth_year + 14, 1997)
    if first_adult_passport <= 2005 and rng.random() < 0.07:
        return rng.randint(first_adult_passport, 2005)
    earliest = min(max(birth_year, latest - 22), latest)
    return round(rng.triangular(earliest, latest, latest))


@dataclass(frozen=True)
class _Facts:
    serious_medical: bool | None = None
    disability: bool | None = None
    pregnancy: bool | None = None
    lgbtq: bool | None = None
    survivor_of_violence: bool | None = None
    notes: str = ""


def _facts(rng: random.Random, member: Member, age: int, screened: bool) -> _Facts:
    """Vulnerability facts: each true for a minority; unknown unless the caseworker has asked."""
    adult = age >= 18
    principal = member.relationship == "principal"
    chances = {
        "serious_medical": 0.2 if age >= 60 else 0.04,
        "disability": 0.025,
        "pregnancy": 0.05 if member.sex == "F" and 18 <= age <= 44 else 0.0,
        "lgbtq": (0.12 if member.single else 0.01) if adult and principal else 0.01 if adult else 0.0,
        "survivor_of_violence": (0.1 if principal else 0.04) if adult else 0.01,
    }
    asked = {"pregnancy": member.sex == "F" and adult, "lgbtq": adult}
    flags: dict[str, bool | None] = {}
    notes = []
    for fact, chance in chances.items():
        if rng.random() < chance:
            flags[fact] = True
            key = f"lgbtq_{member.sex}" if fact == "lgbtq" else fact
            notes.append(rng.choice(VULNERABILITY_NOTES[key]))
        else:
            flags[fact] = False if screened and asked.get(fact, True) else None
    return _Facts(**flags, notes="\n".join(notes))


def _languages(rng: random.Random, origin: Origin, adult: bool) -> str:
    languages = ["Russian"]
    if origin.language and rng.random() < 0.6:
        languages.append(origin.language)
    if rng.random() < (0.55 if adult else 0.8):
        languages.append("English")
    return ", ".join(languages)


@dataclass(frozen=True)
class _Papers:
    """What a person's birth record and passport say."""

    birth_date: str
    birth_year: int
    place_of_birth: str
    citizenships: str
    surname_latin: str
    given_name_latin: str
    passport_year: int | None = None
    passport_system: System | None = None


def _papers(rng: random.Random, home: Home, member: Member) -> _Papers:
    if member.relationship == "child" and member.birth_year >= home.entry.year and rng.random() < 0.4:
        # Born in the US since the family came: a US citizen, named in English on the birth certificate.
        born = home.entry + dt.timedelta(days=rng.randrange(max((home.today - home.entry).days, 1)))
        surname = passport_latin(member.surname, System.PRESS)
        return _Papers(
            born.isoformat(), born.year, f"{home.city}, USA", "US, RU", surname, member.given.press.upper()
        )
    partial = 0.25 if member.relationship == "parent" else 0.03 if member.relationship == "child" else 0.07
    second = member.origin.second_citizenship
    year = passport_year(rng, member.birth_year, home.entry)
    system = passport_system(year)
    return _Papers(
        birth_date=birth_date(rng, member.birth_year, home.today, partial),
        birth_year=member.birth_year,
        place_of_birth=_birthplace(rng, member.origin, member.birth_year),
        citizenships=f"RU, {second}" if second and rng.random() < 0.5 else "RU",
        surname_latin=passport_latin(member.surname, system),
        given_name_latin=passport_latin(member.given.cyrillic, system),
        passport_year=year,
        passport_system=system,
    )


def build_person(rng: random.Random, home: Home, identity: str, member: Member) -> SyntheticPerson:
    """Draw the details of one family member: birth, passport, spellings, contact and vulnerabilities."""
    papers = _papers(rng, home, member)
    age = home.today.year - papers.birth_year
    adult = age >= 18
    press = press_name(member.given.press, member.surname)
    latin = f"{papers.given_name_latin} {papers.surname_latin}"
    other = (press,) if adult and rng.random() < 0.3 and press.upper() != latin else ()
    phone = email = ""
    if member.contact:
        phone = f"+1 {rng.choice(home.region.area_codes)} 555-01{rng.randrange(100):02d}"
        if rng.random() < 0.85:
            user = email_local_part(member.given.press, member.surname, member.birth_year)
            email = f"{user}@{rng.choice(_EMAIL_DOMAINS)}"
    facts = _facts(rng, member, age, home.screened)
    return SyntheticPerson(
        identity=identity,
        relationship=member.relationship,
        relationship_detail=member.detail,
        sex=member.sex,
        surname_cyrillic=member.surname,
        given_name_cyrillic=member.given.cyrillic,
        patronymic_cyrillic=member.patronymic,
        surname_latin=papers.surname_latin,
        given_name_latin=papers.given_name_latin,
        other_spellings=other,
        former_names=member.former_names,
        birth_date=papers.birth_date,
        place_of_birth=papers.place_of_birth,
        citizenships=papers.citizenships,
        languages=_languages(rng, member.origin, adult),
        passport_year=papers.passport_year,
        passport_system=papers.passport_system,
        phone=phone,
        email=email,
        address=home.address,
        serious_medical=facts.serious_medical,
        disability=facts.disability,
        pregnancy=facts.pregnancy,
        lgbtq=facts.lgbtq,
        survivor_of_violence=facts.survivor_of_violence,
        vulnerability_notes=facts.notes,
    )


def household_people(
    rng: random.Random, home: Home, next_identity: Callable[[], str]
) -> tuple[SyntheticPerson, ...]:
    """The people of a new household, principal first, each with a fresh identity."""
    return tuple(build_person(rng, home, next_identity(), member) for member in family(rng, home.today))
