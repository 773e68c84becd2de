"""How long a capture takes in headless Chromium (every request through Haven's guard) against the old
HTML-only capture with an offline screenshot, and how large the kept files are.

Run with ``PYTHONPATH=src:. .venv/bin/python bench/capture_browser.py``. The pages are the test
fixtures (tests/support/browser_sites.py) served on 127.0.0.1, so the network costs nothing and the
figures are the browser's and Haven's own: a page built by scripts (3 subresources), a Telegram-like
channel page (script, older posts loaded by it, a photo), and a feed that loads three parts on scrolling.
Figures are medians of several runs, in seconds, on this machine.
"""

from __future__ import annotations

import statistics
import time

from tests.support.browser_sites import SCROLL_PAGE, js_routes, more_part, telegram_routes
from tests.support.local_sites import local_site, page

from haven_core.capture.browser import BrowserCapture, capture_in_browser
from haven_core.capture.fetch import fetch_page
from haven_core.capture.policy import CapturePolicy
from haven_core.capture.screenshot import render_screenshot
from haven_core.capture.wacz import wacz_package
from haven_core.capture.warc import warc_records

CHROMIUM = "/usr/bin/chromium"
RUNS = 3
POLICY = CapturePolicy(allowed_addresses=frozenset({"127.0.0.1"}))


def main() -> None:
    routes = {**js_routes(), **telegram_routes(), "/feed": page(SCROLL_PAGE.encode()), "/more": more_part}
    with local_site(routes) as site:
        for name, path in (("script-built page", "/post"), ("Telegram-like channel", "/s/svobodny_ural"),
                           ("feed loading on scroll", "/feed")):  # fmt: skip
            url = site.url(path)
            browser_times, captures = [], []
            for _ in range(RUNS):
                started = time.perf_counter()
                captures.append(capture_in_browser(url, POLICY, chromium=CHROMIUM))
                browser_times.append(time.perf_counter() - started)
            offline_times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                fetched = fetch_page(url, POLICY)
                render_screenshot(fetched.content, fetched.final.charset, chromium=CHROMIUM)
                offline_times.append(time.perf_counter() - started)
            print(f"{name}: browser {statistics.median(browser_times):.2f} s, "
                  f"HTML-only with offline screenshot {statistics.median(offline_times):.2f} s; "
                  f"{sizes(captures[-1])}")  # fmt: skip


def sizes(capture: BrowserCapture) -> str:
    records = warc_records(capture.exchanges, software="bench")
    wacz = wacz_package(
        records,
        page_url=capture.final_url,
        page_title=capture.title,
        page_text="",
        captured_at=capture.started_at,
        software="bench",
    )
    return (
        f"{len(capture.requests)} requests, WARC {sum(len(r.data) for r in records) // 1024} KiB, "
        f"WACZ {len(wacz) // 1024} KiB, screenshot {len(capture.screenshot or b'') // 1024} KiB, "
        f"PDF {len(capture.pdf or b'') // 1024} KiB"
    )


if __name__ == "__main__":
    main()
