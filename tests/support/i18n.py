"""Finds English interface text left on a page rendered in another language.

Haven's English interface strings are the msgids of its catalogues (Russian and French) and of Django's
own; a string that is in no catalogue at all escapes the scan. A page keeps one if a text of the page (a
text node, a title, an aria-label, a placeholder or a button's value) is such a string, or matches one
with its placeholders filled. Text inside an element marked with another language (``lang="en"``, the
language switch) and strings the language writes the same (``Organisation`` in French, ``Haven``) do not
count.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.utils.translation import trans_real

_ENTRY = re.compile(r'^(msgctxt|msgid|msgid_plural) "(.*)"$')
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]*\}")
_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
_SKIPPED = {"script", "style"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _po_strings(path: Path) -> list[tuple[str, str]]:
    """(context, English) of every msgid and msgid_plural of a .po file."""
    fields: list[tuple[str, str]] = []  # (keyword, text) in file order, continuation lines joined
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _ENTRY.match(line) or re.match(r'^(msgstr(?:\[\d\])?) "(.*)"$', line)
        if match:
            fields.append((match[1], match[2]))
        elif line.startswith('"') and fields:
            keyword, text = fields[-1]
            fields[-1] = (keyword, text + line[1:-1])
        elif not line.strip():
            fields.append(("", ""))
    found, context = [], ""
    for keyword, text in fields:
        if keyword == "msgctxt":
            context = text
        elif keyword in ("msgid", "msgid_plural") and text:
            found.append((context, text.replace('\\"', '"').replace("\\n", "\n")))
        elif keyword == "":
            context = ""
    return found


@cache
def english_strings(language: str = "fr") -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Haven's and Django's English interface strings that ``language`` writes otherwise: plain ones, and
    patterns for those with placeholders."""
    strings: set[tuple[str, str]] = set()
    for po in Path(settings.BASE_DIR).rglob("locale*/*/LC_MESSAGES/django.po"):
        strings.update(_po_strings(po))
    catalogue = trans_real.translation("ru")._catalog
    for key in catalogue.keys():  # Django's own (singular forms)
        text = key[0] if isinstance(key, tuple) else key
        context, _, text = text.rpartition("\x04")
        strings.add((context, text))
    other = trans_real.translation(language)._catalog
    also_there = {" ".join(str(other[k]).split()) for k in other.keys()}
    russian = trans_real.translation("ru")._catalog
    plain, patterns = set(), []
    for context, text in strings:
        if russian.get(f"{context}\x04{text}" if context else text) == text:
            continue  # a name the catalogues keep as it is (Haven)
        text = " ".join(text.split())
        if text in also_there:  # the language writes it the same (Organisation in French, Haven…)
            continue
        if len(text) < 3 or not re.search("[A-Za-z]{3}", text):
            continue
        if _PLACEHOLDER.search(text):
            parts = _PLACEHOLDER.split(text)
            if sum(len(p.strip()) for p in parts) >= 5:  # enough English around the placeholders
                patterns.append(re.compile("^" + ".+?".join(re.escape(p) for p in parts) + "$", re.S))
        else:
            plain.add(text)
    return frozenset(plain), tuple(patterns)


class _Texts(HTMLParser):
    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []  # (tag, in another language or skipped)
        self.texts: list[str] = []

    def _elsewhere(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        lang = values.get("lang")
        elsewhere = self._elsewhere() or tag in _SKIPPED or (lang is not None and lang != self.language)
        if not elsewhere:
            self.texts += [values[a] or "" for a in _ATTRIBUTES if values.get(a)]
            if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
                self.texts.append(values["value"] or "")
        if tag not in _VOID:
            self.stack.append((tag, elsewhere))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._elsewhere() and data.strip():
            self.texts.append(data)


def page_texts(html: str, language: str = "fr") -> list[str]:
    parser = _Texts(language)
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.texts if t.strip()]


def english_left(html: str, language: str = "fr") -> list[str]:
    """The texts of ``html`` that are English interface strings."""
    plain, patterns = english_strings(language)
    left = []
    for text in page_texts(html, language):
        parts = [text, *text.split(" · ")]  # a title: "Household H-… · Haven"
        for part in parts:
            bare = part.strip(" :·—,.()")
            if part in plain or bare in plain or any(p.match(part) for p in patterns):
                left.append(text)
                break
    return left
