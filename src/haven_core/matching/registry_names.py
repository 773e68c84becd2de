"""Reading a name as Russian registries write it: pseudonyms, former names, aliases and marks.

The Ministry of Justice writes ``Surname Given Patronymic`` and may add a pseudonym in quotes
(``Чхартишвили Григорий Шалвович "Борис Акунин"``), a former surname or a former full name in
parentheses (``Кирия Ксения Дмитриевна (Туркова)``, ``Горалик Линор-Джулия (Горалик Юлия Борисовна)``)
or another given name right after the first (``Бортник Егор (Игорь) Михайлович``). Rosfinmonitoring
writes capitals, marks people listed for extremism with ``*`` and lists aliases in parentheses
separated by semicolons (``МИРЗОЕВ ЗАУР ИСА ОГЛЫ, (МИРЗОЕВ ЗАУР ИСА)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTED = re.compile(r"«((?:[^«»]|«[^«»]*»)*)»|\"([^\"]*)\"|“([^”]*)”|„([^“”]*)[“”]")
_PARENS = re.compile(r"\(([^()]*)\)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ParsedName:
    """A registry name taken apart.

    ``name`` is the main name as written, without marks; ``other_names`` are former names and aliases
    written out in full; ``pseudonyms`` are the quoted names as written; ``marked`` is True when the
    registry put a ``*`` after the name.
    """

    name: str
    other_names: tuple[str, ...] = ()
    pseudonyms: tuple[str, ...] = ()
    marked: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling to match on, main name first, each once.

        A one-word pseudonym is also read as a surname the person is known by with their own given
        names (Смирнов Александр Александрович "Дельфинов" is known as Александр Дельфинов).

        >>> parse_registry_name('Смирнов Александр Александрович "Дельфинов"').names
        ('Смирнов Александр Александрович', 'Дельфинов', 'Дельфинов Александр Александрович')
        """
        result = [self.name, *self.other_names, *self.pseudonyms]
        parts = self.name.split()
        for pseudonym in self.pseudonyms:
            if len(pseudonym.split()) == 1 and len(parts) >= 2 and pseudonym[:1].isupper():
                result.append(" ".join([pseudonym, *parts[1:]]))
        return tuple(dict.fromkeys(n for n in result if n))


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ,;.")


def _split_list(text: str) -> list[str]:
    return [_clean(part) for part in re.split(r"[;,]", text) if _clean(part)]


def parse_registry_name(text: str) -> ParsedName:
    """Take a registry name apart into the main name, former names and aliases, and pseudonyms.

    >>> parse_registry_name('Чхартишвили Григорий Шалвович "Борис Акунин"')  # doctest: +NORMALIZE_WHITESPACE
    ParsedName(name='Чхартишвили Григорий Шалвович', other_names=(), pseudonyms=('Борис Акунин',),
               marked=False)
    >>> parse_registry_name("Кирия Ксения Дмитриевна (Туркова)").other_names
    ('Туркова Ксения Дмитриевна',)
    >>> parse_registry_name("Горалик Линор-Джулия (Горалик Юлия Борисовна)").other_names
    ('Горалик Юлия Борисовна',)
    >>> parse_registry_name("Бортник Егор (Игорь) Михайлович").names
    ('Бортник Егор Михайлович', 'Бортник Игорь Михайлович')
    >>> parse_registry_name(
    ...     "МАРАГИН ВЕНИАМИН ДИЕРБЕКОВИЧ, (МАРАГИН ВЕНИАМИН ДИЁРБЕКОВИЧ; МАРАГИН ВЕНИАМИН ДИЙОРБЕКОВИЧ)"
    ... )  # doctest: +NORMALIZE_WHITESPACE
    ParsedName(name='МАРАГИН ВЕНИАМИН ДИЕРБЕКОВИЧ',
               other_names=('МАРАГИН ВЕНИАМИН ДИЁРБЕКОВИЧ', 'МАРАГИН ВЕНИАМИН ДИЙОРБЕКОВИЧ'),
               pseudonyms=(), marked=False)
    >>> parse_registry_name("КОЛОБОВ ИВАН АНДРЕЕВИЧ*").marked
    True
    >>> parse_registry_name('Федоров Мирон Янович "Oxxxymiron (Оксимирон)"').pseudonyms
    ('Oxxxymiron', 'Оксимирон')
    """
    rest = (text or "").strip()
    pseudonyms: list[str] = []
    for match in _QUOTED.finditer(rest):
        inner = next(group for group in match.groups() if group is not None)
        for part in _split_list(_PARENS.sub(lambda m: ", " + m.group(1), inner)):
            pseudonyms.append(part.strip('«»"'))
    rest = _QUOTED.sub(" ", rest)
    marked = "*" in rest
    rest = rest.replace("*", " ")

    # Parenthesised groups: a one-word group right after a word stands for that word (a second given
    # name, or a former surname after the whole name); a longer group is a full name of its own.
    words: list[str] = []
    alternatives: list[tuple[int, str]] = []  # (index of the word it replaces, replacement)
    full_names: list[str] = []
    for piece in re.split(r"(\([^()]*\))", rest):
        if piece.startswith("(") and piece.endswith(")"):
            for item in _split_list(piece[1:-1]):
                if len(item.split()) == 1 and words:
                    at_end = not re.search(r"[^\W\d_]", rest[rest.index(piece) + len(piece) :])
                    alternatives.append((0 if at_end else len(words) - 1, item))
                else:
                    full_names.append(item)
        else:
            words += _clean(piece).split()
    name = _clean(" ".join(words))
    others = [" ".join([*words[:i], alt, *words[i + 1 :]]) for i, alt in alternatives]
    others += full_names
    return ParsedName(
        name=name,
        other_names=tuple(dict.fromkeys(o for o in others if o and o != name)),
        pseudonyms=tuple(dict.fromkeys(pseudonyms)),
        marked=marked,
    )
