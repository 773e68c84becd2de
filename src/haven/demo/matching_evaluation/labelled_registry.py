"""Labelled queries from a real registry: each listed person written the ways other papers write them.

Positives: every sampled entry's name re-rendered as a query, the way a passport of each era, the
English-language press, a US court record ("LAST, FIRST", no patronymic) or a Russian-speaking
caseworker (ё as е, no patronymic) would write it, with the birth date exact, partial, day and month
swapped (US MM/DD read as DD.MM), or missing; and the pseudonym the person is known by.
Hard negatives: namesakes that are not the person: the same surname with another given name (a
sibling: same patronymic, and half the time the same birth date), the same full name with another
birth date, and the other sex's form of the surname (a brother, or a twin sister). A negative has no
true entry, so any ``match`` on it is wrong.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from haven.demo.generator.names_data import feminine
from haven.demo.matching_evaluation.evaluation import LabelledQuery, LabelledSet
from haven.demo.matching_evaluation.labelled_spellings import hard_negatives, hard_positives
from haven_core.dates import PartialDate
from haven_core.matching.given_names import NAMES, fold
from haven_core.matching.name_parts import Reading, readings
from haven_core.matching.records import NameRecord
from haven_core.matching.registry_names import parse_registry_name
from haven_core.names import System, transliterate

_PASSPORTS = (System.MVD_310, System.MVD_782, System.GOST_52535, System.ICAO_9303)
_MASCULINE = (("ская", "ский"), ("цкая", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"),
              ("ина", "ин"), ("ына", "ын"), ("ая", "ой"))  # fmt: skip
_PATRONYMIC_SEX = (("овна", "ович"), ("евна", "евич"), ("ична", "ич"), ("кызы", "оглы"))


@dataclass(frozen=True)
class Listed:
    """One individual of a registry file: reference, name as written, birth date."""

    ref: str
    name: str
    birth: str


def read_minjust_xlsx(path: Path) -> list[Listed]:
    """The individuals of the Ministry of Justice export (title row, date row, header row, entries)."""
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book.worksheets[0]
    people = []
    header: list[str] = []
    for row in sheet.iter_rows(values_only=True):
        cells = ["" if cell is None else str(cell).strip() for cell in row]
        if not header:
            if cells and cells[0].startswith("№"):
                header = cells
            continue
        record = dict(zip(header, cells, strict=False))
        if record.get("Тип иностранного агента") != "Физические лица":
            continue
        birth = record.get("Дата рождения", "")
        if birth:
            people.append(Listed(record["№ п/п"], record[header[1]], PartialDate.parse(birth).iso()))
    book.close()
    return people


def _english_forms(given: str) -> tuple[list[str], list[str]]:
    """The table's Latin full forms and short forms of a Cyrillic given name."""
    for name in NAMES:
        if fold(name.canonical) == fold(given):
            full = [f for f in name.full[1:] if f.isascii()]
            return full, [f for f in name.short if f.isascii()]
    return [], []


def _masculine(surname: str) -> str:
    for female, male in _MASCULINE:
        if surname.endswith(female):
            return surname[: -len(female)] + male
    return surname


def _other_sex(word: str, pairs: Iterable[tuple[str, str]]) -> str:
    for a, b in pairs:
        if word.endswith(a):
            return word[: -len(a)] + b
        if word.endswith(b):
            return word[: -len(b)] + a
    return word


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class _Renderer:
    def __init__(self, rng: random.Random, names: list[NameRecord]) -> None:
        self.rng = rng
        self.taken = {(fold(n), r.birth) for r in names for n in r.names}

    def births(self, birth: PartialDate) -> list[tuple[str, str | None]]:
        """Ways the birth date is written: (label, ISO text or None)."""
        ways: list[tuple[str, str | None]] = [("exact", birth.iso()), ("year only", f"{birth.year:04d}"),
                                               ("missing", None)]  # fmt: skip
        if birth.month:
            ways.append(("month", f"{birth.year:04d}-{birth.month:02d}"))
        if birth.day and birth.month and birth.day <= 12 and birth.day != birth.month:
            ways.append(("day/month swapped", PartialDate(birth.year, birth.day, birth.month).iso()))
        return ways

    def other_date(self, birth: PartialDate, same_year: bool) -> str:
        year = birth.year if same_year else birth.year + self.rng.choice((-7, -3, -2, -1, 1, 2, 4))
        while True:
            other = PartialDate(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
            if other != birth and (other.month, other.day) != (birth.day, birth.month):
                return other.iso()


def _positives(
    r: _Renderer, entry: NameRecord, surname: str, given: str, patronymic: str, pseudonyms: tuple[str, ...]
) -> list[tuple[str, str]]:
    """(kind, name) renderings of a listed person."""
    rng = r.rng
    old, mid = rng.choice(_PASSPORTS[:2]), rng.choice(_PASSPORTS[1:])
    full, short = _english_forms(given)
    press_given = rng.choice(full) if full and rng.random() < 0.5 else transliterate(given, System.PRESS)
    press_surname = transliterate(surname, System.PRESS)
    found = [
        (
            "passport ICAO",
            f"{transliterate(given, System.ICAO_9303)} {transliterate(surname, System.ICAO_9303)}",
        ),
        (f"passport {old.value}", f"{transliterate(given, old)} {transliterate(surname, old)}".upper()),
        (
            f"US record {mid.value}",
            f"{transliterate(surname, mid).upper()}, {transliterate(given, mid).upper()}",
        ),
        ("press", _ascii(f"{press_given} {press_surname}")),
        ("US record press", _ascii(f"{press_surname.upper()}, {press_given}")),
        ("cyrillic, ё as е, no patronymic", f"{surname} {given}".replace("ё", "е").replace("Ё", "Е")),
    ]
    if patronymic:
        pat = transliterate(patronymic, System.MVD_782)
        found.append(
            (
                "Latin with patronymic",
                f"{transliterate(surname, System.MVD_782)}, {transliterate(given, System.MVD_782)} {pat}",
            )
        )
    if short:
        found.append(("short given name", f"{rng.choice(short)} {press_surname}"))
    found += [("pseudonym", p) for p in pseudonyms if len(p.split()) == 2]
    return found


def registry_set(listed: list[Listed], *, seed: int = 20250815, sample: int | None = None) -> LabelledSet:
    """Entries for every listed individual; labelled queries for ``sample`` of them (all when None)."""
    rng = random.Random(seed)
    entries = [NameRecord(p.ref, parse_registry_name(p.name).names, p.birth, "registry") for p in listed]
    chosen = list(zip(listed, entries, strict=True))
    if sample is not None and sample < len(chosen):
        chosen = rng.sample(chosen, sample)
    r = _Renderer(rng, entries)
    # A person listed twice (the same name and birth date under two numbers) is the truth of both.
    same: dict[tuple[str, str], set[str]] = {}
    for person in listed:
        same.setdefault((fold(person.name), person.birth), set()).add(person.ref)
    queries: list[LabelledQuery] = []
    women = sorted({r.surname[0].text for p in listed for r in readings(parse_registry_name(p.name).name)[:1]
                    if len(r.surname) == 1 and r.sex == "F"})  # fmt: skip
    for person, entry in chosen:
        parsed = parse_registry_name(person.name)
        reading = next(iter(readings(parsed.name)), None)
        if reading is not None and reading.given:
            truth = frozenset(same[(fold(person.name), person.birth)])
            queries += _hard(r, person, reading, truth, women, seed)
        if reading is None or len(reading.surname) != 1 or not reading.given:
            continue
        surname, given = reading.surname[0].text, reading.given[0].text
        patronymic = reading.patronymic.text if reading.patronymic else ""
        birth = PartialDate.parse(person.birth)
        births = r.births(birth)
        renderings = _positives(r, entry, surname, given, patronymic, parsed.pseudonyms)
        for n, (kind, name) in enumerate(renderings):
            label, when = births[(n + rng.randrange(len(births))) % len(births)]
            query = NameRecord(f"{person.ref}:{n}", (name,), when, "query")
            truth = frozenset(same[(fold(person.name), person.birth)])
            queries.append(LabelledQuery(query, truth, f"{kind}, birth {label}"))
        queries += _negatives(r, person.ref, surname, given, patronymic, birth)
    return LabelledSet("registry", tuple(entries), tuple(queries))


def _negatives(
    r: _Renderer, ref: str, surname: str, given: str, patronymic: str, birth: PartialDate
) -> list[LabelledQuery]:
    rng = r.rng
    sex = "F" if _masculine(surname) != surname else "M"
    same_sex = [n.canonical for n in NAMES if n.sex == sex and fold(n.canonical) != fold(given)]
    other_sex = [n.canonical for n in NAMES if n.sex != sex]
    sibling = rng.choice(same_sex)
    twin_given = {fold(n.canonical) for n in NAMES}.intersection({fold(given + "а"), fold(given[:-1])})
    twin = next((n.canonical for n in NAMES if fold(n.canonical) in twin_given and n.sex != sex), None)
    other_surname = feminine(surname) if sex == "M" else _masculine(surname)
    other_patronymic = _other_sex(patronymic, _PATRONYMIC_SEX)
    found = [
        ("namesake: another given name, same birth date", f"{surname} {sibling} {patronymic}", birth.iso()),
        ("namesake: another given name", _latin(f"{sibling} {surname}"), r.other_date(birth, False)),
        (
            "namesake: same name, another birth year",
            f"{surname} {given} {patronymic}",
            r.other_date(birth, False),
        ),
        (
            "namesake: same name, another day",
            _latin(f"{surname}, {given}", upper=True),
            r.other_date(birth, True),
        ),
    ]
    if other_surname != surname:
        sibling_name = twin or rng.choice(other_sex)
        found.append(("other sex: twin", f"{other_surname} {sibling_name} {other_patronymic}", birth.iso()))
        found.append(("other sex, Latin", _latin(f"{sibling_name} {other_surname}"), birth.iso()))
    queries = []
    for n, (kind, name, when) in enumerate(found):
        if (fold(name), when) in r.taken:
            continue  # a real entry bears this name and date: not a namesake after all
        queries.append(LabelledQuery(NameRecord(f"{ref}:x{n}", (name,), when, "query"), frozenset(), kind))
    return queries


def _latin(name: str, *, upper: bool = False) -> str:
    latin = transliterate(name, System.ICAO_9303)
    return latin.upper() if upper else latin


def _hard(
    r: _Renderer, person: Listed, reading: Reading, truth: frozenset[str], women: list[str], seed: int
) -> list[LabelledQuery]:
    """The hard classes of :mod:`.labelled_spellings` for one person, drawn from a generator of the
    person's own: the renderings above stay what they were, so that their figures can be compared."""
    rng = random.Random(f"{seed}/{person.ref}")
    surname = tuple(t.text for t in reading.surname)
    given = reading.given[0].text
    patronymic = reading.patronymic.text if reading.patronymic else ""
    birth = PartialDate.parse(person.birth)
    ways = r.births(birth)
    dated = [way for way in ways if way[1] is not None]
    female = reading.sex == "F" or (len(surname) == 1 and _masculine(surname[0]) != surname[0])
    queries = []
    found = hard_positives(rng, surname, given, patronymic, female, women)
    for n, (kind, name, needs_birth) in enumerate(found):
        label, when = rng.choice(dated if needs_birth else ways)
        query = NameRecord(f"{person.ref}:h{n}", (name,), when, "query")
        queries.append(LabelledQuery(query, truth, f"{kind}, birth {label}"))
    sex = "F" if female else "M"
    sibling = rng.choice([n.canonical for n in NAMES if n.sex == sex and fold(n.canonical) != fold(given)])
    initials = {transliterate(given[:1], system)[:1].upper() for system in System} | {"I", "J", "Y", "E"}
    other_initial = rng.choice([c for c in "BDKLMNPRSTVZ" if c not in initials])
    for n, (kind, name) in enumerate(hard_negatives(rng, surname, sibling, other_initial, women)):
        if (fold(name), birth.iso()) in r.taken:
            continue
        query = NameRecord(f"{person.ref}:hx{n}", (name,), birth.iso(), "query")
        queries.append(LabelledQuery(query, frozenset(), kind))
    return queries
