"""Hard renderings of a listed person, by rules of our own: the classes a screening must not miss.

Each rule writes a registry name the way some paper would and the matcher once failed to read: a typo
(a letter dropped, two neighbours swapped, a letter of the given name wrong), a double surname joined,
split or halved, a married name joined to the maiden name, a generational suffix or a title, a Ukrainian,
German, Czech, Polish or French spelling, and an initial with a birth date. The tables below are
simplified forms of the national conventions (Ukrainian: the 2010 Cabinet of Ministers table; German:
the Duden transcription; Czech and Polish: their usual transcriptions of Russian; French: passports
of the MVD 310 era and the press, with "-ine" for -ин and the émigré "-off" for -ов).
"""

from __future__ import annotations

import random

from haven_core.names import System, transliterate

_VOWELS = set("аеёиоуыэюяьъ")

# Letter by letter; the keys "^е" etc. are the letter at the start of a word or after a vowel.
_UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "д": "d", "е": "e", "^е": "ye", "ё": "io", "ж": "zh", "з": "z",
    "и": "y", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "iu", "^ю": "yu", "я": "ia", "^я": "ya",
}  # fmt: skip
_GERMAN = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "^е": "je", "ё": "jo", "ж": "sh", "з": "s",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}  # fmt: skip
_CZECH = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "^е": "je", "ё": "jo", "ж": "ž", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}  # fmt: skip
_POLISH = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "^е": "je", "ё": "jo", "ж": "ż", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "ł", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}  # fmt: skip
TABLES = {"Ukrainian": _UKRAINIAN, "German": _GERMAN, "Czech": _CZECH, "Polish": _POLISH}


def spell(text: str, table: dict[str, str]) -> str:
    """Write a Cyrillic name by one of the tables, capitalised as it was.

    >>> spell("Гудков Геннадий", _UKRAINIAN), spell("Горбачёв Михаил", _GERMAN)
    ('Hudkov Hennadyi', 'Gorbatschow Michail')
    >>> spell("Чайковский", _CZECH), spell("Шостакович", _POLISH)
    ('Čajkovskij', 'Szostakowicz')
    """
    out: list[str] = []
    lower = text.lower()
    for i, char in enumerate(lower):
        prev = lower[i - 1] if i else ""
        start = not prev.isalpha() or prev in _VOWELS
        latin = table.get(f"^{char}" if start and f"^{char}" in table else char, char)
        if char == "л" and table is _POLISH and lower[i + 1 : i + 2] in ("е", "и", "ё", "ю", "я", "ь"):
            latin = "l"  # the soft л
        if char == "ё" and prev in ("ж", "ч", "ш", "щ"):
            latin = "o"  # Gorbatschow
        if text[i].isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def french(surname: str, given: str, rng: random.Random) -> str:
    """A French-style rendering: MVD 310 letters, "-ine" for -ин/-ын, sometimes "-off" for -ов/-ев."""
    written = transliterate(surname, System.MVD_310)
    if surname.endswith(("ин", "ын")):
        written += "e"
    elif surname.endswith(("ов", "ев")) and rng.random() < 0.5:
        written = written[:-1] + "ff"
    return f"{transliterate(given, System.MVD_310)} {written}"


def drop_letter(word: str, rng: random.Random) -> str:
    """The word with one letter after the first left out."""
    at = rng.randrange(1, len(word))
    return word[:at] + word[at + 1 :]


def swap_letters(word: str, rng: random.Random) -> str | None:
    """The word with two different neighbouring letters after the first swapped; None if it has none."""
    places = [i for i in range(1, len(word) - 1) if word[i].lower() != word[i + 1].lower()]
    if not places:
        return None
    at = rng.choice(places)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def wrong_letter(word: str, rng: random.Random) -> str:
    """The word with one letter after the first replaced by a letter a typist's finger may hit."""
    at = rng.randrange(1, len(word))
    letters = "aeiounrstlk"
    other = rng.choice([c for c in letters if c != word[at].lower()])
    return word[:at] + other + word[at + 1 :]


def _press(text: str) -> str:
    return transliterate(text, System.PRESS)


def hard_positives(
    rng: random.Random, surname: tuple[str, ...], given: str, patronymic: str, female: bool, others: list[str]
) -> list[tuple[str, str, bool]]:
    """(class, name, needs a birth date) renderings of one listed person by the rules above.

    ``surname`` holds the words of the registry surname (two for Кара-Мурза); ``others`` are other
    surnames of the registry in the woman's form, for a married name joined to the maiden one.
    """
    g = _press(given)
    if len(surname) > 1:
        joined = _press("".join(surname).lower()).capitalize()
        return [
            ("double surname joined", f"{g} {joined}", False),
            ("double surname split", f"{g} {' '.join(_press(w) for w in surname)}", False),
            ("half of a double surname", f"{g} {_press(rng.choice(surname))}", False),
        ]
    s = surname[0]
    p = _press(s)
    found: list[tuple[str, str, bool]] = []
    if len(p) >= 6:
        found.append(("typo: letter dropped", f"{g} {drop_letter(p, rng)}", False))
    if len(p) >= 5 and (swapped := swap_letters(p, rng)) is not None:
        found.append(("typo: letters swapped", f"{g} {swapped}", False))
    if len(g) >= 5:
        typo = rng.choice((drop_letter, wrong_letter, swap_letters))(g, rng) or drop_letter(g, rng)
        found.append(("typo: given name", f"{typo} {p}", False))
    if female:
        found.append(("title", rng.choice((f"Dr. {g} {p}", f"Mrs. {g} {p}", f"Ms {g} {p}")), False))
        other = _press(rng.choice([o for o in others if o != s] or [s]))
        pair = f"{other}-{p}" if rng.random() < 0.5 else f"{p}-{other}"
        found.append(("married-maiden pair", f"{g} {pair}", False))
    else:
        suffixed = [f"{g} {p} Jr.", f"{p.upper()}, {g.upper()} III", f"{g} {p} Sr."]
        if patronymic:
            suffixed.append(f"{s} {given} {patronymic} мл.")
        found.append(("generational suffix", rng.choice(suffixed), False))
    for family, table in TABLES.items():
        found.append((f"{family} spelling", f"{spell(given, table)} {spell(s, table)}", False))
    found.append(("French spelling", french(s, given, rng), False))
    initial = rng.choice((f"{g[0]}. {p}", f"{p.upper()}, {g[0]}."))
    found.append(("initial with birth date", initial, True))
    return found


def hard_negatives(
    rng: random.Random, surname: tuple[str, ...], sibling: str, other_initial: str, others: list[str]
) -> list[tuple[str, str]]:
    """(class, name) namesakes for the same rules: each is somebody else, born the same day."""
    g = _press(sibling)
    if len(surname) > 1:
        return [("namesake: half of a double surname, another given name", f"{g} {_press(surname[-1])}")]
    p = _press(surname[0])
    found = [("namesake: another initial", f"{other_initial}. {p}")]
    if len(p) >= 6:
        found.append(("namesake: surname a letter off, another given name", f"{g} {drop_letter(p, rng)}"))
    other = _press(rng.choice(others)) if others else ""
    if other and other != p:
        found.append(("namesake: double surname, another given name", f"{g} {other}-{p}"))
    return found
