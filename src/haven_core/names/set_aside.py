"""Words written next to a name that are not part of it: generational suffixes and titles.

A US court record writes "KARA-MURZA, VLADIMIR JR.", a Russian paper "Иванов Иван Иванович мл.",
a letter "Dr. Ivanova". Read as a name, "Jr." becomes a surname or a given name and the person is
missed. Such words are set aside, not dropped silently: the matcher says it left them out.
"""

from __future__ import annotations

from functools import lru_cache

# Folded (lower case, no full stop). "V" is not here: it is far more often an initial than a numeral.
SUFFIXES: frozenset[str] = frozenset(
    {"jr", "jnr", "junior", "sr", "snr", "senior", "ii", "iii", "iv",
     "мл", "младший", "ст", "старший"}
)  # fmt: skip
TITLES: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "mme", "mlle", "herr", "frau",
     "г-н", "г-жа", "господин", "госпожа"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def set_aside(word: str) -> bool:
    """True for a suffix or title ("Jr.", "III", "мл.", "Dr"), whatever its case.

    >>> [w for w in ("Vladimir", "Jr.", "III", "мл.", "Ст.", "V.") if set_aside(w)]
    ['Jr.', 'III', 'мл.', 'Ст.']
    """
    folded = word.lower().rstrip(".")
    return folded in SUFFIXES or folded in TITLES


def without_set_aside(words: list[str]) -> tuple[list[str], list[str]]:
    """The words of a name less its suffixes and titles, and those set aside; a name made only of
    such words is kept whole (it is then somebody's name after all).

    >>> without_set_aside(["Vladimir", "Kara-Murza", "Jr."])
    (['Vladimir', 'Kara-Murza'], ['Jr.'])
    >>> without_set_aside(["Junior"])
    (['Junior'], [])
    """
    if not any(set_aside(w) for w in words):
        return words, []
    kept = [w for w in words if not set_aside(w)]
    if not kept:
        return words, []
    return kept, [w for w in words if set_aside(w)]
