"""Rosfinmonitoring's list of "terrorists and extremists", as its web page is saved.

The page groups the list into a national and an international part, each with organisations
(``…UL``) and individuals (``…FL``). Every entry is an ``<li>`` of an ``<ol class="terrorist-list">``:

    12. SURNAME GIVEN PATRONYMIC*, (ALIAS; ALIAS), DD.MM.YYYY г.р. , PLACE;

``*`` marks a person listed for extremism. The page states neither when it was saved nor when anyone
was listed or removed: a removed person simply disappears from it. The number is the entry's own as
published; as numbers on such a page can be reassigned, an entry is identified across snapshots by its
part, number and name together.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from haven.registries.formats.common import (
    Kind,
    ParsedEntry,
    ParsedFile,
    RegistryFileError,
    birth_date,
    check_unique,
    clean,
    spellings,
)

REGISTRY = "rosfinmonitoring"
_PERSON = re.compile(
    r"^(?P<number>\d+)\.\s*(?P<name>[^,]+?)\s*,\s*"
    r"(?:\((?P<aliases>[^)]*)\)\s*,?\s*)?"
    r"(?:(?P<birth>\d{1,2}\.\d{1,2}\.\d{4})\s*г\.\s*р\.\s*)?"
    r",?\s*(?P<place>.*?)[\s;]*$"
)
_ORGANISATION = re.compile(r"^(?P<number>\d+)\.\s*(?P<name>.+?)[\s;]*$")
_SECTIONS = {"FL": "individual", "UL": "organisation"}


def looks_like(text: str) -> bool:
    return "terrorist-list" in text or ("<li" in text and "г.р." in text)


class _ListReader(HTMLParser):
    """Collects the text of each list item with the line it starts on and the section it is in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[int, str, str, str]] = []  # (line, part, section kind, text)
        self._part = "national"
        self._section = ""
        self._in_list = False
        self._item: list[str] | None = None
        self._line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        ident = attributes.get("id") or ""
        if tag == "div" and ident:
            if ident.endswith("Part"):
                self._part = "international" if ident.startswith("International") else "national"
            elif ident[-2:] in _SECTIONS:
                self._section = _SECTIONS[ident[-2:]]
                self._part = "international" if ident.startswith("foreign") else self._part
        elif tag == "ol" and "terrorist-list" in (attributes.get("class") or ""):
            self._in_list = True
        elif tag == "li" and self._in_list:
            self._finish_item()
            self._item, self._line = [], self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._finish_item()
        elif tag == "ol":
            self._finish_item()
            self._in_list = False

    def handle_data(self, data: str) -> None:
        if self._item is not None:
            self._item.append(data)

    def _finish_item(self) -> None:
        if self._item is not None:
            self.items.append((self._line, self._part, self._section, clean("".join(self._item))))
            self._item = None


def _key(part: str, number: str, name: str) -> str:
    skeleton = clean(name.replace("*", " ")).upper().replace("Ё", "Е")
    return f"{part}:{number}:{skeleton}"


def _entry(line: int, part: str, section: str, text: str) -> ParsedEntry:
    person = _PERSON.match(text)
    kind: Kind = "organisation" if section == "organisation" else "individual"
    if kind == "individual" and person:
        number, name = person["number"], person["name"]
        aliases = person["aliases"]
        written = f"{name}, ({aliases})" if aliases else name
        raw = {"text": text, "part": part, "place": clean(person["place"])}
        return ParsedEntry(
            row=line,
            key=_key(part, number, name),
            reference=number,
            kind=kind,
            name=clean(written),
            names=spellings(written),
            birth_date=birth_date(person["birth"] or "", row=line, where="line"),
            raw=raw,
        )
    organisation = _ORGANISATION.match(text)
    if kind == "organisation" and organisation:
        number, name = organisation["number"], clean(organisation["name"])
        return ParsedEntry(
            row=line,
            key=_key(part, number, name),
            reference=number,
            kind=kind,
            name=name,
            names=(name,),
            raw={"text": text, "part": part},
        )
    raise RegistryFileError(
        f"the list item {text[:60]!r} is not 'N. NAME, (ALIASES), DD.MM.YYYY г.р. , PLACE;'",
        row=line,
        where="line",
    )


def read_html(text: str) -> ParsedFile:
    """Read a saved list page; every person and organisation on it, in page order."""
    reader = _ListReader()
    reader.feed(text)
    reader.close()
    if not reader.items:
        raise RegistryFileError('the page has no list of entries (<ol class="terrorist-list">)')
    entries = [_entry(*item) for item in reader.items]
    check_unique(entries)
    return ParsedFile(
        format="rosfinmonitoring-html",
        registry=REGISTRY,
        entries=tuple(entries),
        hint="a saved list page does not say when it was saved",
    )
