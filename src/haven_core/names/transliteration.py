"""Cyrillic-to-Latin transliteration as Russian passports and the press have written it.

Each system is a table plus a few context rules. Sources: ../shared/DOMAIN.md §3 (MVD order 310 with its
French-style spellings, MVD order 782 of 2006-2010, GOST R 52535.1-2006 of 2010-2013, ICAO Doc 9303 since
2013), and the common English press spellings (BGN/PCGN-like: "Yevgeny", "Dmitry", "Yulia").
"""

from __future__ import annotations

import enum


class System(enum.StrEnum):
    """A transliteration system, named as caseworkers know it."""

    MVD_310 = "mvd310"  # French style, passports issued until 2006 ("Iouliia", "Serguei")
    MVD_782 = "mvd782"  # 2006-2010 ("Yuliya", "Aleksey")
    GOST_52535 = "gost52535"  # 2010-2013 ("Tcvetkova", "Iuliia")
    ICAO_9303 = "icao9303"  # since 2013 ("Iuliia", "Aleksei")
    PRESS = "press"  # English-language press and many US records ("Yulia", "Dmitry")


_COMMON: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip

_TABLES: dict[System, dict[str, str]] = {
    System.ICAO_9303: {**_COMMON, "ъ": "ie"},
    System.GOST_52535: {**_COMMON, "ц": "tc"},
    System.MVD_782: {**_COMMON, "й": "y", "ю": "yu", "я": "ya"},
    System.MVD_310: {
        **_COMMON, "ж": "j", "й": "i", "у": "ou", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch",
        "ю": "iou", "я": "ia",
    },
    System.PRESS: {**_COMMON, "ё": "yo", "й": "y", "ю": "yu", "я": "ya"},
}  # fmt: skip

_VOWELS = set("аеёиоуыэюяъь")


def _letter(prev: str, char: str, nxt: str, system: System) -> str:
    """Transliterate one lower-case Cyrillic letter given its neighbours."""
    table = _TABLES[system]
    out = table.get(char, char)
    if system is System.MVD_310:
        if char == "г" and nxt in ("е", "и", "й", "ё", "э", "ы"):
            return "gu"  # Сергей -> Serguei
        if char == "с" and prev in _VOWELS and nxt in _VOWELS and prev and nxt:
            return "ss"  # a lone s between vowels would read as z in French
    if system is System.PRESS:
        if char == "е" and (not prev or prev in _VOWELS):
            return "ye"  # Евгений -> Yevgeny
    return out


def transliterate(text: str, system: System) -> str:
    """Write ``text`` in Latin letters the way ``system`` does, keeping case and non-Cyrillic text.

    >>> transliterate("Юлия Котова", System.ICAO_9303)
    'Iuliia Kotova'
    >>> transliterate("Сергей", System.MVD_310)
    'Serguei'
    """
    result: list[str] = []
    lower = text.lower()
    for i, char in enumerate(lower):
        prev = lower[i - 1] if i > 0 and lower[i - 1].isalpha() else ""
        nxt = lower[i + 1] if i + 1 < len(lower) and lower[i + 1].isalpha() else ""
        if system is System.PRESS and char == "й" and prev in ("и", "ы") and not nxt:
            result.append("y")  # Дмитрий -> Dmitry, Красный -> Krasny
            continue
        if system is System.PRESS and char in ("и", "ы") and nxt == "й":
            after = lower[i + 2] if i + 2 < len(lower) else ""
            if not after.isalpha():
                continue  # the ending is written once, as "y", by the й branch
        latin = _letter(prev, char, nxt, system) if char in _TABLES[system] or char in "её" else char
        if text[i].isupper() and latin:
            neighbours = text[max(i - 1, 0) : i] + text[i + 1 : i + 2]
            all_caps = any(c.isupper() for c in neighbours)
            latin = latin.upper() if all_caps else latin[0].upper() + latin[1:]
        result.append(latin)
    return "".join(result)
