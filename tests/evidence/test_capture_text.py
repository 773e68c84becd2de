"""The text and the screenshot kept with a capture: readable, in the right charset, rendered offline."""

from __future__ import annotations

import shutil

import pytest

from haven_core.capture.screenshot import render_screenshot
from haven_core.capture.text import page_charset, page_text, text_document
from tests.support.local_sites import POST_HTML, local_site, page


def test_scripts_and_styles_are_skipped_and_blocks_become_lines() -> None:
    html = POST_HTML.format(extra="<br>Вторая строка<table><tr><td>a</td><td>b</td></tr></table>")
    text = page_text(html.encode("cp1251"), "windows-1251")
    assert text.title == "Юлия Котова: Нет войне"
    assert text.meta == {"description": "Пост от 24 февраля 2022 года"}
    assert text.text.splitlines() == [
        "Нет войне",
        "",
        "Я против войны в Украине.",
        "Вторая строка",
        "",
        "a b",
    ]
    assert "font-family" not in text.text and "changed by a script" not in text.text


@pytest.mark.parametrize(
    ("content", "declared", "charset"),
    [
        ("<p>Нет войне</p>".encode("cp1251"), "windows-1251", "cp1251"),
        ('<meta charset="koi8-r"><p>Нет войне</p>'.encode("koi8_r"), None, "koi8-r"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
            None,
            "cp1251",
        ),
        ("\ufeff<p>Нет войне</p>".encode(), "windows-1251", "utf-8-sig"),  # a BOM outranks the header
        ("<p>Нет войне</p>".encode(), "no-such-charset", "utf-8"),
    ],
)
def test_the_charset_is_found(content: bytes, declared: str | None, charset: str) -> None:
    assert page_charset(content, declared) == charset


def test_the_text_document_says_where_and_when() -> None:
    text = page_text(POST_HTML.format(extra="").encode("cp1251"), "windows-1251")
    document = text_document(text, url="https://example.org/p/1", captured_at="2026-11-24T16:00:00+00:00")
    assert document.startswith("URL: https://example.org/p/1\nCaptured: 2026-11-24T16:00:00+00:00\n")
    assert "Title: Юлия Котова: Нет войне" in document and document.endswith("Я против войны в Украине.\n")


@pytest.mark.skipif(
    not shutil.which("/usr/bin/chromium"), reason="Chromium (/usr/bin/chromium) is not installed"
)
def test_the_screenshot_is_rendered_with_the_network_blocked() -> None:
    """The captured page asks for an image, a stylesheet and a script from a live site: none is fetched."""
    with local_site({"/pixel.png": page(b"", content_type="image/png")}) as site:
        html = POST_HTML.format(
            extra=f'<img src="{site.url("/pixel.png")}"><link rel="stylesheet" href="{site.url("/s.css")}">'
            f'<script src="{site.url("/s.js")}"></script><iframe src="{site.url("/frame")}"></iframe>'
        ).encode("cp1251")
        shot = render_screenshot(html, "windows-1251", chromium="/usr/bin/chromium", timeout=60)
        assert site.requests == []
    assert shot.reason == "" and shot.png is not None and shot.png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(shot.png) > 2000


def test_without_chromium_there_is_no_screenshot_and_it_says_why() -> None:
    shot = render_screenshot(b"<p>x</p>", None, chromium="/nonexistent/chromium")
    assert shot.png is None and shot.reason == "no_chromium"
