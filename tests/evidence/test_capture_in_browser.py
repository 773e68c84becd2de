"""Capture in headless Chromium: the page runs its scripts, but every request it makes is fetched by
Haven's guard, and what the guard refuses is blocked and listed. The fixture sites are on loopback;
only their exact address (127.0.0.1) is let through, and only inside these tests."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from haven_core.capture.browser import capture_in_browser
from haven_core.capture.fetch import system_resolver
from haven_core.capture.policy import CapturePolicy
from haven_core.capture.text import page_text
from tests.support.browser_sites import (
    FORBIDDEN_PAGE,
    SCROLL_PAGE,
    VIDEO,
    js_routes,
    more_part,
    png,
    telegram_routes,
)
from tests.support.local_sites import local_site, page, redirect

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Chromium is not installed")
# The fixture site's address, and no other local one: 127.0.0.2 (also loopback) stays forbidden.
POLICY = CapturePolicy(allowed_addresses=frozenset({"127.0.0.1"}), total_timeout=30)
HTML = "text/html; charset=utf-8"


def test_a_page_built_by_scripts_is_kept_as_the_browser_shows_it() -> None:
    with local_site(js_routes()) as site:
        capture = capture_in_browser(site.url("/post"), POLICY, chromium=CHROMIUM)
        asked = list(site.requests)
    text = page_text(capture.html, "utf-8")
    assert capture.title == "Пикет на Пушкинской"
    assert "Сегодня мы вышли против войны. Нас задержали у памятника." in text.text
    assert "Загрузка" not in text.text  # the placeholder the HTML alone would have shown
    # Each resource was fetched once, by the guard, and every hop is kept for the WARC.
    assert sorted(asked) == ["/api/post.json", "/app.js", "/photo.png", "/post"]
    assert [e.url.rpartition(":")[2].partition("/")[2] for e in capture.exchanges] == [
        "post",
        "app.js",
        "api/post.json",
        "photo.png",
    ]
    assert capture.blocked == ()
    assert capture.screenshot is not None and capture.screenshot.startswith(b"\x89PNG")
    assert capture.pdf is not None and capture.pdf.startswith(b"%PDF-")
    photo = png()
    assert [(m.media_type, m.content) for m in capture.media] == [("image/png", photo)]
    image = next(r for r in capture.requests if r.resource_type == "image")
    assert image.sha256 == hashlib.sha256(photo).hexdigest() and image.status == 200


def _reasons(capture_requests: Sequence[object]) -> dict[str, str]:
    return {str(r.url).rpartition("/")[2]: str(r.reason) for r in capture_requests if r.outcome == "blocked"}


def test_a_subresource_at_a_forbidden_address_is_blocked_and_listed() -> None:
    with (
        local_site({"/secret.png": page(png(), content_type="image/png")}, host="127.0.0.2") as inside,
        local_site() as site,
    ):
        forbidden = f"http://127.0.0.2:{inside.port}"
        body = FORBIDDEN_PAGE.format(forbidden=forbidden, socket=f"ws://127.0.0.2:{inside.port}")
        site.routes["/trap"] = page(body.encode(), content_type=HTML)
        capture = capture_in_browser(site.url("/trap"), POLICY, chromium=CHROMIUM)
        assert (
            inside.requests == []
        )  # nothing reached the forbidden address: not the image, the API, the socket
        assert site.requests == ["/trap"]  # the POST was not sent either
    assert _reasons(capture.requests) == {
        "secret.png": "private_address",
        "internal-api": "private_address",
        "socket": "websocket",
        "form": "method",
    }
    assert "Обычный текст поста." in page_text(capture.html, "utf-8").text
    assert capture.media == ()


def test_names_are_resolved_by_the_guard_and_every_address_checked() -> None:
    """The browser resolves nothing itself; the guard resolves each name once and refuses a name if any
    of its addresses is forbidden, so a name cannot pass as public and then connect inside."""
    with (
        local_site({"/secret.png": page(png(), content_type="image/png")}, host="127.0.0.2") as inside,
        local_site() as site,
    ):
        names = {
            "news.example": ["127.0.0.1"],
            "intranet.example": ["127.0.0.2"],
            "rebinding.example": ["93.184.215.14", "127.0.0.2"],
        }

        def resolver(host: str, port: int) -> list[str]:
            return names.get(host) or list(system_resolver(host, port))

        body = (
            f'<p>Пост</p><img src="http://intranet.example:{inside.port}/secret.png">'
            f'<img src="http://rebinding.example:{inside.port}/secret.png?again">'
        )
        site.routes["/post"] = page(body.encode(), content_type=HTML)
        capture = capture_in_browser(
            f"http://news.example:{site.port}/post", POLICY, chromium=CHROMIUM, resolver=resolver
        )
        assert inside.requests == []
    assert [(r.url.partition(":")[2][2:].partition(":")[0], r.reason) for r in capture.blocked] == [
        ("intranet.example", "private_address"),
        ("rebinding.example", "private_address"),
    ]
    assert capture.final_url == f"http://news.example:{site.port}/post"


def test_content_that_loads_on_scrolling_is_captured() -> None:
    with local_site({"/feed": page(SCROLL_PAGE.encode(), content_type=HTML), "/more": more_part}) as site:
        capture = capture_in_browser(site.url("/feed"), POLICY, chromium=CHROMIUM)
    text = page_text(capture.html, "utf-8").text
    for number in (1, 2, 3):
        assert f"Часть ленты номер {number}, загружена при прокрутке." in text


def test_a_telegram_channel_page_is_readable() -> None:
    with local_site(telegram_routes()) as site:
        capture = capture_in_browser(site.url("/s/svobodny_ural"), POLICY, chromium=CHROMIUM)
    text = page_text(capture.html, "utf-8")
    assert text.title == "Свободный Урал – Telegram"
    assert "Пикет у памятника Пушкину, 6 марта 2022 года.\nЗадержаны трое." in text.text
    assert "Более ранний пост: сбор подписей против мобилизации." in text.text  # loaded by its script
    assert [m.media_type for m in capture.media] == ["image/png"]  # the photo, a CSS background


def test_a_telegram_post_embed_keeps_its_video() -> None:
    with local_site(telegram_routes()) as site:
        capture = capture_in_browser(site.url("/svobodny_ural/119?embed=1"), POLICY, chromium=CHROMIUM)
    assert "Видео с акции." in page_text(capture.html, "utf-8").text
    kept = {m.media_type: m.content for m in capture.media}
    assert kept["video/mp4"] == VIDEO


def test_a_resource_over_the_size_limit_is_blocked_not_kept() -> None:
    small = CapturePolicy(allowed_addresses=frozenset({"127.0.0.1"}), max_bytes=4096)
    with local_site(
        {
            "/p": page(
                '<p>Пост</p><video src="/big.mp4" preload="auto"></video>'.encode(), content_type=HTML
            ),
            "/big.mp4": page(VIDEO * 4, content_type="video/mp4"),
        }
    ) as site:
        capture = capture_in_browser(site.url("/p"), small, chromium=CHROMIUM)
    assert [(r.url.rpartition("/")[2], r.reason) for r in capture.blocked] == [("big.mp4", "too_large")]
    assert capture.media == ()


def test_every_redirect_is_checked_again_for_the_page_and_what_it_loads() -> None:
    with (
        local_site({"/secret.png": page(png(), content_type="image/png")}, host="127.0.0.2") as inside,
        local_site() as site,
    ):
        site.routes.update(
            {
                "/start": redirect("/post"),
                "/post": page('<p>Пост</p><img src="/avatar.png">'.encode(), content_type=HTML),
                "/avatar.png": redirect(f"http://127.0.0.2:{inside.port}/secret.png"),
            }
        )
        capture = capture_in_browser(site.url("/start"), POLICY, chromium=CHROMIUM)
        assert inside.requests == []  # the image's redirect led inside: refused before connecting
    assert capture.final_url == site.url("/post")
    assert [e.url.rpartition("/")[2] for e in capture.exchanges] == ["start", "post"]
    assert [(r.url.rpartition("/")[2], r.reason) for r in capture.blocked] == [
        ("avatar.png", "private_address")
    ]


def test_chromium_alone_reaches_nothing() -> None:
    """Defence in depth: were a request to escape interception, Chromium's own network is shut (no name
    resolves, every connection goes to a proxy that does not exist), loopback addresses included."""
    from playwright.sync_api import Error, sync_playwright

    from haven_core.capture.browser import LAUNCH_ARGUMENTS

    def try_to_reach(site: Any) -> None:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(LAUNCH_ARGUMENTS))
            try:
                tab = browser.new_page()
                for url in (site.url("/p"), f"http://localhost:{site.port}/p"):
                    with pytest.raises(Error):
                        tab.goto(url, timeout=10_000)
            finally:
                browser.close()

    with local_site({"/p": page(b"<p>reached</p>", content_type=HTML)}) as site:
        # In a thread of its own: the browser tests of this run may hold an asyncio loop in this one.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(try_to_reach, site).result()
        assert site.requests == []


def test_a_post_embedded_in_a_frame_is_kept_with_its_text() -> None:
    routes = telegram_routes()
    routes["/article"] = page(
        '<p>Статья</p><iframe src="/svobodny_ural/119?embed=1" height="400"></iframe>'.encode(),
        content_type=HTML,
    )
    with local_site(routes) as site:
        capture = capture_in_browser(site.url("/article"), POLICY, chromium=CHROMIUM)
    assert "Видео с акции." not in page_text(capture.html, "utf-8").text
    assert ["Видео с акции." in page_text(frame, "utf-8").text for frame in capture.frames] == [True]
    assert "video/mp4" in {m.media_type for m in capture.media}
