"""HTML to PDF with WeasyPrint: print CSS, fonts that carry Cyrillic, no network."""

from __future__ import annotations

from typing import Any


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # A dossier is self-contained: nothing it says may be fetched from, or leak a request to, elsewhere.
    raise ValueError(f"a referral document loads nothing from outside ({url[:40]})")


def write_pdf(html: str, *, title: str, language: str) -> bytes:
    from weasyprint import HTML  # loaded when a document is first rendered, not with every page

    document = HTML(string=html, url_fetcher=_no_fetch, base_url=None).render()
    document.metadata.title = title
    document.metadata.lang = language
    pdf: bytes = document.write_pdf()
    return pdf
