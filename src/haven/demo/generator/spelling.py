"""How a synthetic person's name ends up in Latin letters.

A passport's Latin spelling follows the transliteration system in force the year it was issued
(../shared/DOMAIN.md §3): MVD order 310 until 2006, MVD order 782 until 2010, GOST R 52535.1 until
2013 and ICAO Doc 9303 since. The press and many US records write the name yet another way, with the
English form of the given name (Yulia, Alexei, Dmitry).
"""

from __future__ import annotations

from haven_core.names import System, transliterate

# (first year of the era, system): the eras in order, each lasting until the next begins.
PASSPORT_ERAS: tuple[tuple[int, System], ...] = (
    (0, System.MVD_310),
    (2006, System.MVD_782),
    (2010, System.GOST_52535),
    (2013, System.ICAO_9303),
)


def passport_system(year: int) -> System:
    """The transliteration system of a Russian passport issued in ``year``.

    >>> [passport_system(year).value for year in (2005, 2006, 2012, 2013)]
    ['mvd310', 'mvd782', 'gost52535', 'icao9303']
    """
    current = PASSPORT_ERAS[0][1]
    for first_year, system in PASSPORT_ERAS:
        if year >= first_year:
            current = system
    return current


def era_years(system: System) -> tuple[int, int]:
    """The first and last year in which passports used ``system`` (open eras end in year 9999)."""
    starts = [first for first, _ in PASSPORT_ERAS]
    i = [s for _, s in PASSPORT_ERAS].index(system)
    return starts[i], (starts[i + 1] - 1 if i + 1 < len(starts) else 9999)


def passport_latin(cyrillic: str, system: System) -> str:
    """A name as the passport's Latin field prints it: transliterated and in capitals."""
    return transliterate(cyrillic, system).upper()


def press_name(given_press: str, surname_cyrillic: str) -> str:
    """The name as an English-language article or a US form would write it: ``Yulia Kotova``."""
    return f"{given_press} {transliterate(surname_cyrillic, System.PRESS)}".strip()


def email_local_part(given_press: str, surname_cyrillic: str, year: int) -> str:
    """An e-mail user name the way people make them: ``yulia.kotova88``."""
    surname = transliterate(surname_cyrillic, System.PRESS).lower().replace("-", "")
    given = "".join(c for c in given_press.lower() if c.isascii() and c.isalpha())
    return f"{given}.{surname}{year % 100:02d}"
