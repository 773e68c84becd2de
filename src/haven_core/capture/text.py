"""The readable text of a captured page: what a reviewer searches, quotes and has translated.

Decoded with the charset the server declared, else the page's own ``<meta charset>``, else a byte-order
mark, else UTF-8 (Russian pages still often come in windows-1251 or KOI8-R). Scripts, styles and other
non-text elements are skipped; block elements become line breaks. The page's title and the descriptions
it gives of itself (``<meta name="description">``, Open Graph) are kept apart: on many social sites
the post's text is only there until scripts run.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

MEDIA_TYPE = "text/plain; charset=utf-8"

_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas"})
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
_CELLS = frozenset({"td", "th"})
_META = {
    "description": "description",
    "og:title": "title",
    "og:description": "description",
    "og:site_name": "site",
    "author": "author",
    "article:author": "author",
    "article:published_time": "published",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class PageText:
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # description, site, author, published
    text: str = ""


def _known(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip()).name
    except LookupError:
        return None


def page_charset(content: bytes, declared: str | None) -> str:
    """The charset to decode ``content`` with (see the module's docstring for the order)."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    found = _known(declared)
    if found:
        return found
    match = _META_CHARSET.search(content[:4096])
    found = _known(match.group(1).decode("ascii")) if match else None
    return found or "utf-8"


def decode_page(content: bytes, declared: str | None) -> str:
    return content.decode(page_charset(content, declared), errors="replace")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageText()
        self._parts: list[str] = []
        self._skipping = 0
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            values = {name.lower(): (value or "") for name, value in attrs}
            key = _META.get((values.get("name") or values.get("property") or "").lower())
            content = " ".join(values.get("content", "").split())
            if key and content and key not in self.page.meta:
                self.page.meta[key] = content
        elif tag in _BLOCKS:
            self._parts.append("\n")
        elif tag in _CELLS:
            self._parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIPPED:  # <svg/> and the like open nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skipping:
            self._parts.append(data)

    def result(self) -> PageText:
        self.page.title = " ".join("".join(self._title).split())
        lines = (" ".join(line.split()) for line in "".join(self._parts).splitlines())
        self.page.text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        if "title" in self.page.meta and not self.page.title:
            self.page.title = self.page.meta["title"]
        self.page.meta.pop("title", None)
        return self.page


def page_text(content: bytes, declared_charset: str | None = None) -> PageText:
    """Title, self-description and readable text of an HTML page."""
    reader = _Reader()
    reader.feed(decode_page(content, declared_charset))
    reader.close()
    return reader.result()


def text_document(page: PageText, *, url: str, captured_at: str, notes: Sequence[str] = ()) -> str:
    """The text file kept with a capture: a short header (where and when), then the page's text."""
    header = [f"URL: {url}", f"Captured: {captured_at}", *notes]
    if page.title:
        header.append(f"Title: {page.title}")
    header += [f"{name.capitalize()}: {value}" for name, value in sorted(page.meta.items())]
    return "\n".join(header) + "\n\n" + page.text + "\n"
