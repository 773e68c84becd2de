"""What the matcher knows of a record's names, worked out once per record.

:class:`Filing` is what the blocking index files a record under: its surname keys, given-name codes,
the initials of its given names. :class:`Profile` adds what the scorer needs: the readings (every
spelling, each in its plausible orders), and the patronymics and sex its names tell (facts about the
person, compared across all spellings).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from haven_core.matching.name_parts import Reading, Token, record_readings, token
from haven_core.matching.records import RECORDS_CACHED

_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Filing:
    surname_keys: frozenset[str]  # coarse and fine keys and stems of every surname word, and of a
    # surname of several words written as one ("Karamurza" for Кара-Мурза)
    surname_fine: frozenset[str]  # fine keys of every surname word, for the one-letter check
    surname_typed: frozenset[str]  # the Latin spellings of every surname word, for typos in them
    given_codes: frozenset[str]  # given names written in full: table entries, fine and coarse keys
    given_fine: frozenset[str]  # fine keys of given names written in full, for the one-letter check
    given_typed: frozenset[str]  # their Latin spellings, for typos in them
    given_unlisted: bool  # some given name written in full is not a name of the table
    initials: frozenset[str]  # the letters any given name can start with
    initial_only: bool  # some given name is written as an initial only


@dataclass(frozen=True)
class Profile:
    readings: tuple[tuple[str, Reading], ...]  # (spelling, reading)
    patronymics: tuple[Token, ...]
    sex: str | None
    filing: Filing


def filing(found: tuple[tuple[str, Reading], ...]) -> Filing:
    """The blocking codes of a record read as ``found`` (see :func:`.name_parts.record_readings`)."""
    return _filing(*filing_words(found))


def filing_words(found: tuple[tuple[str, Reading], ...]) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
    """The surname words (a surname of several words joined too) and the given words a record read as
    ``found`` is filed under."""
    if len(found) == 1:
        reading = found[0][1]
        return _with_joined(reading.surname), reading.given
    surnames = tuple(dict.fromkeys(t for _, r in found for t in _with_joined(r.surname)))
    given = tuple(dict.fromkeys(t for _, r in found for t in r.given))
    return surnames, given


@lru_cache(maxsize=RECORDS_CACHED)
def _filing(surnames: tuple[Token, ...], given: tuple[Token, ...]) -> Filing:
    """Records with the same surname and given words file alike, and share one :class:`Filing`."""
    return filing_of(surnames, given)


def _with_joined(surname: tuple[Token, ...]) -> tuple[Token, ...]:
    """A surname's words, and the surname as one word when it has several: a double surname is
    written joined ("Karamurza") as often as split ("Kara Murza") or hyphenated."""
    if len(surname) < 2:
        return surname
    return (*surname, token("".join(t.bare for t in surname)))


def filing_of(surnames: tuple[Token, ...], given: tuple[Token, ...]) -> Filing:
    """The filing of these surname and given words: the surname fields from the one, the given-name
    fields from the other (a filing of given words only is what :meth:`.index.Matcher.blocked` compares
    given names with)."""
    full = [t for t in given if not t.is_initial]
    return Filing(
        surname_keys=_EMPTY.union(*(t.surname_codes for t in surnames)),
        surname_fine=_EMPTY.union(*(t.fine for t in surnames)),
        surname_typed=_EMPTY.union(*(t.spellings for t in surnames)),
        given_codes=_EMPTY.union(*(t.given_codes for t in full)),
        given_fine=_EMPTY.union(*(t.fine for t in full)),
        given_typed=_EMPTY.union(*(t.spellings for t in full)),
        given_unlisted=any(not t.forms for t in full),
        initials=_EMPTY.union(*(t.initials for t in given)),
        initial_only=len(full) < len(given),
    )


@lru_cache(maxsize=RECORDS_CACHED)
def profile(names: tuple[str, ...]) -> Profile:
    """The profile of a record with these spellings.

    >>> p = profile(("Котова Юлия Сергеевна", "KOTOVA, IULIIA"))
    >>> p.sex, [t.text for t in p.patronymics], "kot|ov" in p.filing.surname_keys
    ('F', ['Сергеевна'], True)
    """
    found = record_readings(names)
    patronymics = {r.patronymic.text: r.patronymic for _, r in found if r.patronymic is not None}
    sexes = {r.sex for _, r in found if r.sex}
    return Profile(
        readings=found,
        patronymics=tuple(patronymics.values()),
        sex=sexes.pop() if len(sexes) == 1 else None,
        filing=filing(found),
    )
