"""A name in any script and order, read as surname, given names and patronymic.

A name is cut into words (a hyphenated word into its parts) and each word is looked at once and
cached: its fine and coarse skeleton keys (:mod:`haven_core.names.keys`), the gender-neutral stem of
a surname (Котова and Kotov share ``kot|ov``), the sex its ending tells, the given names it can be,
whether it is a patronymic. Then the roles are assigned: "LAST, FIRST MIDDLE" says them; a patronymic
fixes the given name before it; otherwise the given-name table decides which end is the surname, and
where it cannot, both readings are kept and the scorer takes the better one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from haven_core.matching.given_names import SHORT_FORMS, Form, fine_keys, fold, forms_of, sex_of
from haven_core.matching.records import RECORDS_CACHED
from haven_core.names import System, transliterate
from haven_core.names.keys import token_keys
from haven_core.names.set_aside import without_set_aside

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*\.?(?:[-‐–][^\W\d_]+(?:['’][^\W\d_]+)*)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HYPHEN = re.compile(r"[-‐–]")
_TYPED = (System.PRESS, System.ICAO_9303, System.MVD_782)  # the spellings typos are made in
_TURKIC = {"оглы": "M", "оглу": "M", "улы": "M", "кызы": "F", "гызы": "F",
           "ogly": "M", "oglu": "M", "ogli": "M", "ogl": "M", "uly": "M", "kyzy": "F", "kizi": "F",
           "gizi": "F", "qizi": "F", "kyzi": "F"}  # fmt: skip
_PATRONYMIC = (
    (re.compile(r"(?:ович|евич|ьич|[^аеиоуыэюя]ич)$"), "M"),
    (re.compile(r"(?:овна|евна|ична)$"), "F"),
    (re.compile(r"(?:ovich|evich|ovitch|evitch|ovic|evic|yich|ich|itch)$"), "M"),
    (re.compile(r"(?:ovna|evna|ichna|ychna)$"), "F"),
)
# Surname endings by sex, with the class that pairs them: Котов/Котова, Островский/Островская.
_SURNAME_ENDINGS: tuple[tuple[str, str, str], ...] = (
    ("ская", "sk", "F"), ("цкая", "ck", "F"), ("ский", "sk", "M"), ("цкий", "ck", "M"),
    ("ской", "sk", "M"), ("цкой", "ck", "M"), ("ова", "ov", "F"), ("ева", "ev", "F"),
    ("ина", "in", "F"), ("ына", "yn", "F"), ("ов", "ov", "M"), ("ев", "ev", "M"), ("ин", "in", "M"),
    ("ын", "yn", "M"), ("ая", "adj", "F"), ("ой", "adj", "M"), ("ый", "adj", "M"), ("ий", "adj", "M"),
    ("tskaya", "ck", "F"), ("tskaia", "ck", "F"), ("tckaia", "ck", "F"), ("tskaja", "ck", "F"),
    ("skaya", "sk", "F"), ("skaia", "sk", "F"), ("skaja", "sk", "F"),
    ("tskiy", "ck", "M"), ("tskii", "ck", "M"), ("tckii", "ck", "M"), ("tskij", "ck", "M"),
    ("tsky", "ck", "M"), ("tski", "ck", "M"), ("tskoy", "ck", "M"), ("tskoi", "ck", "M"),
    ("skiy", "sk", "M"), ("skii", "sk", "M"), ("skij", "sk", "M"), ("sky", "sk", "M"),
    ("ski", "sk", "M"), ("skoy", "sk", "M"), ("skoi", "sk", "M"),
    ("yova", "ev", "F"), ("iova", "ev", "F"), ("yov", "ev", "M"), ("iov", "ev", "M"),
    ("ova", "ov", "F"), ("eva", "ev", "F"), ("ina", "in", "F"), ("yna", "yn", "F"),
    ("ov", "ov", "M"), ("ev", "ev", "M"), ("in", "in", "M"), ("yn", "yn", "M"),
    ("aya", "adj", "F"), ("aia", "adj", "F"), ("aja", "adj", "F"),
    ("oy", "adj", "M"), ("oi", "adj", "M"), ("yi", "adj", "M"), ("iy", "adj", "M"), ("yy", "adj", "M"),
)  # fmt: skip


@dataclass(frozen=True, eq=False)
class Token:
    """One word (or one part of a hyphenated word) and what it can be.

    What every comparison needs is computed at once; what only some need (coarse keys, the surname
    stem, the initials) is computed on first use and kept. Tokens are made by :func:`token` only, one
    per spelling, so they compare and hash by identity: that makes comparisons of two words cacheable.
    """

    text: str
    bare: str  # without a trailing full stop
    folded: str
    fine: frozenset[str]
    cyrillic: bool
    forms: frozenset[Form]  # the given names it can be
    is_initial: bool  # written as an initial only: "I." or "Ю"
    patronymic_sex: str | None  # set when the word has a patronymic's ending

    @cached_property
    def coarse(self) -> frozenset[str]:
        return frozenset(token_keys(self.bare))

    @cached_property
    def _surname_form(self) -> tuple[str | None, str | None]:
        for ending, family, sex in _SURNAME_ENDINGS:
            if self.folded.endswith(ending) and len(self.folded) > len(ending) + 1:
                stem_keys = fine_keys(self.bare[: -len(ending)])
                return (f"{min(stem_keys)}|{family}" if stem_keys else None), sex
        return None, None

    @property
    def stem(self) -> str | None:
        """The gender-neutral key of a surname: Котова and Kotov share ``kot|ov``."""
        return self._surname_form[0]

    @property
    def ending_sex(self) -> str | None:
        """The sex a surname with this ending is borne by, if the ending tells."""
        return self._surname_form[1]

    @cached_property
    def spellings(self) -> frozenset[str]:
        """The word as it is typed in Latin letters: itself, or a Cyrillic word as the press and the
        passports write it. A typo is a letter of one of these ("Chitsyakova" for Chistyakova), and
        may be two letters apart in the skeleton keys, which fold letter pairs into one."""
        if not self.cyrillic:
            return frozenset({"".join(c for c in self.folded if c.isascii())} - {""})
        lower = self.bare.lower()  # ё kept: the press writes it "yo" (Kovalyov)
        return frozenset(fold(transliterate(lower, system)) for system in _TYPED)

    @cached_property
    def surname_codes(self) -> frozenset[str]:
        """How the blocking index files this word as a surname: coarse and fine keys, and its stem."""
        return self.coarse | self.fine | ({self.stem} if self.stem else set())

    @cached_property
    def given_codes(self) -> frozenset[str]:
        """How the blocking index files this word as a given name: table entries, fine and coarse keys."""
        codes = {f"g:{i}" for i, _ in self.forms} | {f"k:{key}" for key in self.fine}
        return frozenset(codes | {f"c:{key}" for key in self.coarse})

    @cached_property
    def initials(self) -> frozenset[str]:
        """The Latin letters the word can start with, in any transliteration."""
        if self.cyrillic:
            latin = {transliterate(self.folded[:1], system)[:1] for system in System}
        else:
            latin = {self.folded[:1]}
        return frozenset(latin | {key[:1] for key in self.coarse}) - {""}


@lru_cache(maxsize=262144)
def token(text: str) -> Token:
    """Look at one word once; the same word in the next name costs a dictionary look-up.

    >>> t = token("Котова")
    >>> t.stem == token("KOTOV").stem, t.ending_sex, token("Kotov").ending_sex
    (True, 'F', 'M')
    >>> token("Сергеевна").patronymic_sex, token("I.").is_initial
    ('F', True)
    """
    bare = text.rstrip(".")
    folded = fold(bare)
    patronymic_sex = None
    for pattern, sex in _PATRONYMIC:
        if len(folded) > 5 and pattern.search(folded):
            patronymic_sex = sex
            break
    is_initial = len(bare) == 1 or (text.endswith(".") and len(bare) <= 2)
    return Token(
        text=text,
        bare=bare,
        folded=folded,
        fine=fine_keys(bare),
        cyrillic=bool(_CYRILLIC.search(folded)),
        forms=frozenset() if is_initial else forms_of(bare),
        is_initial=is_initial,
        patronymic_sex=patronymic_sex,
    )


@dataclass(frozen=True)
class Reading:
    """One way to read a name: which words are the surname, the given names and the patronymic."""

    name: str
    surname: tuple[Token, ...]
    given: tuple[Token, ...]
    patronymic: Token | None = None
    patronymic_sex: str | None = None
    set_aside: tuple[str, ...] = ()  # suffixes and titles left out ("Jr.", "мл.")

    @property
    def sex(self) -> str | None:
        """The sex the name says for sure: by patronymic, else given name, else a Cyrillic surname."""
        if self.patronymic_sex:
            return self.patronymic_sex
        if self.given and (sex := sex_of(self.given[0].forms)) and not self.given[0].is_initial:
            if not all(short for _, short in self.given[0].forms):
                return sex
        cyrillic_sexes = {t.ending_sex for t in self.surname if t.cyrillic and t.ending_sex}
        return cyrillic_sexes.pop() if len(cyrillic_sexes) == 1 else None


@lru_cache(maxsize=262144)
def _parts(word: str) -> tuple[Token, ...]:
    return tuple(token(part) for part in _HYPHEN.split(word) if part.strip("."))


def _flat(words: list[str]) -> tuple[Token, ...]:
    return tuple(t for word in words for t in _parts(word))


@lru_cache(maxsize=262144)
def _known_given(word: str) -> bool:
    """A word the table knows as a given name: a full form, or a short form spelled as listed."""
    return all(any(not short for _, short in t.forms) or t.folded in SHORT_FORMS for t in _parts(word))


def _split_patronymic(words: list[str]) -> tuple[list[str], str | None, str | None, int]:
    """Take out a Turkic patronymic (``Вагиф кызы``) or a suffixed one; return its position too."""
    for i, word in enumerate(words):
        if i >= 2 and (particle := word.lower()) in _TURKIC:
            return [*words[: i - 1], *words[i + 1 :]], words[i - 1], _TURKIC[particle], i - 1
    if len(words) < 3:
        return words, None, None, -1
    candidates = [i for i in range(1, len(words)) if token(words[i]).patronymic_sex]
    if not candidates:
        return words, None, None, -1
    best = (
        candidates[0]
        if len(candidates) == 1
        else max(candidates, key=lambda i: (_known_given(words[i - 1]), i))
    )
    sex = token(words[best]).patronymic_sex
    return [*words[:best], *words[best + 1 :]], words[best], sex, best


@lru_cache(maxsize=16384)
def readings(name: str) -> tuple[Reading, ...]:
    """The plausible readings of a name, most likely first.

    >>> [(r.surname[0].text, r.given[0].text) for r in readings("Yulia Kotova")]
    [('Kotova', 'Yulia')]
    >>> r = readings("KOTOVA, IULIIA SERGEEVNA")[0]
    >>> r.surname[0].text, r.given[0].text, r.patronymic.text, r.sex
    ('KOTOVA', 'IULIIA', 'SERGEEVNA', 'F')
    >>> r = readings("Иманова Тамилла Вагиф кызы")[0]
    >>> r.surname[0].text, r.given[0].text, r.patronymic.text, r.sex
    ('Иманова', 'Тамилла', 'Вагиф', 'F')
    >>> len(readings("Roman Mark"))  # both words can be given names or surnames
    2
    >>> r = readings("KARA-MURZA, VLADIMIR JR.")[0]
    >>> [t.text for t in r.surname], r.given[0].text, r.set_aside
    (['KARA', 'MURZA'], 'VLADIMIR', ('JR.',))
    """
    kept, aside = without_set_aside(_WORD.findall(name))
    if not aside:
        return _readings(name)
    cleaned = ", ".join(" ".join(w for w in _WORD.findall(part) if w in kept) for part in name.split(","))
    return tuple(replace(r, set_aside=tuple(aside)) for r in _readings(cleaned.strip(", ")))


def _readings(name: str) -> tuple[Reading, ...]:
    head, comma, tail = name.partition(",")
    if comma and _WORD.search(head) and _WORD.search(tail):
        surname = _WORD.findall(head)
        rest, patronymic, sex, _ = _split_patronymic(["", *_WORD.findall(tail)])
        given = [w for w in rest if w]
        pat = token(patronymic) if patronymic else None
        return (Reading(name, _flat(surname), _flat(given), pat, sex),)
    words = _WORD.findall(name)
    if not words:
        return ()
    rest, patronymic, sex, at = _split_patronymic(words)
    if patronymic is not None:
        pat = token(patronymic)
        given_at = at - 1
        surname = [w for i, w in enumerate(rest) if i != given_at]
        return (Reading(name, _flat(surname), _flat([rest[given_at]]), pat, sex),)
    if len(words) == 1:
        return (Reading(name, _flat(words), ()), Reading(name, (), _flat(words)))
    surname_first = Reading(name, _flat(words[:1]), _flat(words[1:]))
    surname_last = Reading(name, _flat(words[-1:]), _flat(words[:-1]))
    first_initial, last_initial = (all(t.is_initial for t in _parts(w)) for w in (words[0], words[-1]))
    if first_initial != last_initial:  # an initial is never the surname: "D. Muratov", "SAVVA M."
        return (surname_last,) if first_initial else (surname_first,)
    first_given, last_given = _known_given(words[0]), _known_given(words[-1])
    if len(words) > 2 and first_given != last_given and not any(_known_given(w) for w in words[1:-1]):
        # One given name at one end and unknown words for the rest: a surname of several words written
        # without its hyphen ("Vladimir Kara Murza", "KARA MURZA VLADIMIR").
        given, surname = (words[:1], words[1:]) if first_given else (words[-1:], words[:-1])
        return (Reading(name, _flat(surname), _flat(given)), surname_last if first_given else surname_first)
    if first_given and not last_given:
        return (surname_last,)
    if last_given and not first_given:
        return (surname_first,)
    return (surname_first, surname_last)


@lru_cache(maxsize=RECORDS_CACHED)
def record_readings(names: tuple[str, ...]) -> tuple[tuple[str, Reading], ...]:
    """The readings of every spelling a record has, each with the spelling it came from.

    A one-word spelling next to a full name is another surname the person bore (a caseload's former
    names are kept so): it is read with the given name and patronymic of the first full name.

    >>> [(n, r.surname[0].text, r.given[0].text) for n, r in record_readings(("Котова Юлия", "Петрова"))]
    [('Котова Юлия', 'Котова', 'Юлия'), ('Петрова', 'Петрова', 'Юлия')]
    """
    if len(names) == 1:
        return tuple((names[0], reading) for reading in readings(names[0]))
    full = next((r for name in names for r in readings(name) if r.surname and r.given), None)
    found: dict[
        tuple[object, ...], tuple[str, Reading]
    ] = {}  # one of each reading: KOTOVA, IULIIA = IULIIA KOTOVA
    for name in names:
        words = _WORD.findall(name)
        spelled: tuple[Reading, ...]
        if full is not None and len(words) == 1:
            spelled = (Reading(name, _flat(words), full.given, full.patronymic, full.patronymic_sex),)
        else:
            spelled = readings(name)
        for reading in spelled:
            found.setdefault((reading.surname, reading.given, reading.patronymic), (name, reading))
    return tuple(found.values())
