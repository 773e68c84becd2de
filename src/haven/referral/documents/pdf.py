"""HTML to PDF with WeasyPrint: print CSS, fonts that carry Cyrillic, no network.

Rendering is nearly all of an export's time, most of it laying out text. Three things are shared by
every document a process renders, made when it renders its first: the font configuration (Pango's fonts
and their caches), the documents' own stylesheet (``referral/pdf/documents.css``, parsed once rather than
from a ``<style>`` in every document) and a small user-agent stylesheet. WeasyPrint's own (the HTML5
one, some 250 rules with forms, ruby, bidi…) is matched against every element of every dossier; referral
documents use a dozen plain elements, and matching them against only the rules they need took about a
tenth off each dossier's CPU time when measured side by side on this machine.

Laying out a dossier allocates millions of short-lived Python objects (boxes, styles, text runs); with
Python's default collector thresholds they set off collections over and over, now and then a full one
that walks every object of the process (all of Django's as well). While a document is rendered the
youngest generation is collected after 10,000 allocations instead of 700 (:func:`_fewer_collections`),
and a worker process that renders a package freezes what it inherited (:func:`freeze_inherited`):
together 10–15 % of a dossier's CPU time, measured in and out of Django on this machine.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

STYLESHEET = Path(__file__).resolve().parent.parent / "templates" / "referral" / "pdf" / "documents.css"

# What referral documents need of a browser's defaults; their own stylesheet (base.html) does the rest.
USER_AGENT_CSS = """
html, body, div, p, h1, h2, h3, ul, ol { display: block }
head, style, title, meta, script { display: none }
h1, h2, h3, th, strong, b { font-weight: bold }
ul, ol { padding-left: 40px; margin: 1em 0 }
li { display: list-item }
ul > li { list-style-type: disc }
ul ul > li { list-style-type: circle }
ol > li { list-style-type: decimal }
table { display: table; box-sizing: border-box; border-spacing: 2px; border-collapse: separate;
        text-indent: initial }
thead { display: table-header-group; vertical-align: middle }
tbody { display: table-row-group; vertical-align: middle }
tfoot { display: table-footer-group; vertical-align: middle }
tr { display: table-row; vertical-align: inherit }
td, th { display: table-cell; vertical-align: inherit; padding: 1px }
br { display: block }
"""
# A line break is an empty block: the text after it starts a new line just as after a generated '\A'
# (the usual way, which costs a pseudo-element, its text and a line of its own for every <br>). Two breaks
# in a row make no empty line: text that keeps its blank lines is printed with ``white-space: pre-line``.

_shared: dict[int, tuple[Any, Any, Any]] = {}  # by process: a forked worker makes its own


def _fonts_and_document() -> tuple[Any, Any, Any]:
    """This process's font configuration, an HTML document class that uses the small defaults, and the
    documents' stylesheet."""
    from weasyprint import CSS, HTML  # loaded when a document is first rendered, not with every page
    from weasyprint.text.fonts import FontConfiguration

    pid = os.getpid()
    if pid not in _shared:
        _shared.clear()
        fonts = FontConfiguration()
        defaults = CSS(string=USER_AGENT_CSS, font_config=fonts)

        class Document(HTML):  # type: ignore[misc]
            def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
                return [defaults]

        stylesheet = CSS(string=STYLESHEET.read_text(encoding="utf-8"), font_config=fonts)
        _shared[pid] = (fonts, Document, stylesheet)
    return _shared[pid]


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # A dossier is self-contained: nothing it says may be fetched from, or leak a request to, elsewhere.
    raise ValueError(f"a referral document loads nothing from outside ({url[:40]})")


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect the youngest generation after 10,000 allocations rather than 700 while a document is
    rendered (its objects nearly all die with it, freed by reference counting)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def freeze_inherited() -> None:
    """In a worker process that renders documents: load what rendering needs, then leave everything
    this process holds so far (inherited from its parent, or just loaded) out of every collection."""
    _fonts_and_document()
    gc.freeze()


def write_pdf(html: str, *, title: str, language: str) -> bytes:
    fonts, document_class, stylesheet = _fonts_and_document()
    with _fewer_collections():
        document = document_class(string=html, url_fetcher=_no_fetch, base_url=None).render(
            stylesheets=[stylesheet], font_config=fonts
        )
        document.metadata.title = title
        document.metadata.lang = language
        pdf: bytes = document.write_pdf()
    return pdf
