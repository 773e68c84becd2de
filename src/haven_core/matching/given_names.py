"""Which given names are the same name: the table of :mod:`.given_names_data`, looked up by spelling."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from haven_core.matching.given_names_data import GIVEN_NAMES
from haven_core.names.keys import token_keys

Form = tuple[int, bool]  # (index into NAMES, is a short form)


@dataclass(frozen=True)
class GivenName:
    """One name with its forms: ``full`` in any script, and ``short`` familiar forms."""

    sex: str
    full: tuple[str, ...]
    short: tuple[str, ...]

    @property
    def canonical(self) -> str:
        return self.full[0]


def _parse(table: str) -> tuple[GivenName, ...]:
    names = []
    for line in table.strip().splitlines():
        full, _, short = line.partition("|")
        sex, *forms = full.split()
        names.append(GivenName(sex, tuple(forms), tuple(short.split())))
    return tuple(names)


NAMES: tuple[GivenName, ...] = _parse(GIVEN_NAMES)


def fold(text: str) -> str:
    """Lower case, ё as е, Latin accents dropped: the form in which two spellings are "the same".

    >>> fold("Алёна"), fold("Hélène")
    ('алена', 'helene')
    """
    lower = text.lower().replace("ё", "е")
    if lower.isascii():
        return lower
    decomposed = unicodedata.normalize("NFKD", lower)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0306")
    return unicodedata.normalize("NFC", kept)


SHORT_FORMS: frozenset[str] = frozenset(fold(form) for name in NAMES for form in name.short)


@cache
def _indexes() -> tuple[dict[str, frozenset[Form]], dict[str, frozenset[Form]]]:
    exact: dict[str, set[Form]] = {}
    by_key: dict[str, set[Form]] = {}
    forms = [(i, form, short) for i, name in enumerate(NAMES)
             for forms, short in ((name.full, False), (name.short, True)) for form in forms]  # fmt: skip
    # A Latin form's keys cover every reading of its letters ("Jan" is also read "Жан"); a key that is
    # the very spelling of another name in Cyrillic belongs to that name only.
    cyrillic_keys: dict[str, set[int]] = {}
    for i, form, _ in forms:
        if not form.isascii():
            for key in token_keys(form, fine=True, families=False):
                cyrillic_keys.setdefault(key, set()).add(i)
    for i, form, short in forms:
        exact.setdefault(fold(form), set()).add((i, short))
        for key in token_keys(form, fine=True, families=False):
            if form.isascii() and cyrillic_keys.get(key, {i}) - {i}:
                continue
            by_key.setdefault(key, set()).add((i, short))
    return (
        {text: frozenset(found) for text, found in exact.items()},
        {key: frozenset(found) for key, found in by_key.items()},
    )


@lru_cache(maxsize=262144)
def fine_keys(word: str) -> frozenset[str]:
    """The fine skeleton keys of a word (:func:`haven_core.names.keys.token_keys`), computed once."""
    return frozenset(token_keys(word, fine=True))


@lru_cache(maxsize=262144)
def _table_keys(word: str) -> frozenset[str]:
    """The keys under which a word is looked up in the table: without the other families' readings."""
    return frozenset(token_keys(word, fine=True, families=False))


@lru_cache(maxsize=65536)
def forms_of(word: str) -> frozenset[Form]:
    """The names a given-name word can be: (index into :data:`NAMES`, is-a-short-form) pairs.

    A spelling listed in the table is read as listed; another spelling is looked up by its fine
    skeleton key, and where that key is a full form of some name its short-form readings are dropped.

    >>> [(NAMES[i].canonical, short) for i, short in forms_of("Eugene")]
    [('Евгений', False)]
    >>> sorted((NAMES[i].canonical, short) for i, short in forms_of("Sasha"))
    [('Александр', True), ('Александра', True)]
    """
    exact, by_key = _indexes()
    if found := exact.get(fold(word)):
        return found
    forms: set[Form] = set()
    for key in _table_keys(word):
        forms |= by_key.get(key, frozenset())
    if any(not short for _, short in forms):
        forms = {form for form in forms if not form[1]}
    return frozenset(forms)


def sex_of(forms: frozenset[Form]) -> str | None:
    """The sex every name in ``forms`` shares, or None (unknown, or Саша: either).

    >>> sex_of(forms_of("Юля")), sex_of(forms_of("Женя"))
    ('F', None)
    """
    sexes = {NAMES[i].sex for i, _ in forms}
    return sexes.pop() if len(sexes) == 1 else None
