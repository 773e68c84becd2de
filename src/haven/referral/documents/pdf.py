"""Referral documents typeset as PDF with Typst (the ``typst`` package: the Typst compiler, in process).

A document is a Typst template (``referral/pdf/*.typ`` among the referral app's templates) and a JSON
document made in Python: every word already translated and formatted (:mod:`.typeset`). The template
reads that JSON from ``sys.inputs`` and places its strings as text, so nothing a caseworker typed is ever
read as Typst markup or code.

Typst reads nothing but the templates' folder (its root) and the DejaVu fonts of Debian's
``fonts-dejavu-core``: not the system's other fonts, not Typst's own, no ``@preview`` packages (the
templates import none), no images, nothing from the network. The PDF carries the document's title and
language and no creation date: the same input gives the same bytes.

Each process keeps one compiler per template, made when it renders its first document: Typst keeps what
it parsed and laid out before (the template, the fonts, their shaping) and reuses it for the next
document. A worker process that renders a package makes its compilers as it starts, then freezes what it
holds out of Python's collections (:func:`freeze_inherited`, from haven.referral.renderer).
"""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path
from typing import Any

import typst

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "referral" / "pdf"
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core: Latin, Cyrillic, mono
DOCUMENTS = ("dossier", "cover_letter")

_compilers: dict[tuple[int, str], typst.Compiler] = {}  # by process: a forked worker makes its own


def _compiler(document: str) -> typst.Compiler:
    key = (os.getpid(), document)
    if key not in _compilers:
        if not FONTS.is_dir():
            raise RuntimeError(f"referral documents need the DejaVu fonts in {FONTS} (fonts-dejavu-core)")
        if any(pid != key[0] for pid, _name in _compilers):
            _compilers.clear()  # inherited from the parent process
        fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(FONTS)])
        _compilers[key] = typst.Compiler(
            str(TEMPLATES / f"{document}.typ"),
            root=str(TEMPLATES),
            font_paths=fonts,
            ignore_system_fonts=True,
        )
    return _compilers[key]


def freeze_inherited() -> None:
    """In a worker process that renders documents: make its compilers, then leave everything this
    process holds so far (Django, its settings and apps, the rules, the compilers) out of every
    collection."""
    for document in DOCUMENTS:
        _compiler(document)
    gc.freeze()


def write_pdf(document: str, data: dict[str, Any], *, title: str, language: str) -> bytes:
    """The PDF of ``data`` laid out by the template ``<document>.typ``; ``title`` and ``language`` go
    into the PDF's metadata."""
    if document not in DOCUMENTS:
        raise ValueError(f"no referral document template {document!r}")
    given = json.dumps({**data, "title": title, "language": language}, ensure_ascii=False)
    # Untagged, as the documents were before: the tags (a structure tree for screen readers) doubled a
    # dossier's size and added a third to its time.
    pdf = _compiler(document).compile(format="pdf", sys_inputs={"data": given}, pdf_tags=False)
    assert isinstance(pdf, bytes)
    return pdf
