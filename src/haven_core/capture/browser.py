"""Capturing a page as a browser shows it: headless Chromium, with every request fetched by Haven's guard.

Most pages Haven's users need (social networks, Telegram's public pages) build themselves with scripts,
so the HTML alone is often empty. Here Chromium runs the page, but it never touches the network itself:

- every request the page makes is intercepted (``context.route("**/*")``) and answered with what
  :func:`~haven_core.capture.fetch.fetch_resource` fetched: public addresses only, each redirect
  checked, the size, count and time limits of the capture's :class:`CapturePolicy`. A request the guard
  refuses is aborted and listed with the reason, so the capture's log shows what the page tried to load;
- Chromium's own resolver resolves nothing and its traffic goes to a proxy that does not exist, so
  anything that escaped interception (a connection to an IP address, DNS prefetch, DNS over HTTPS) fails;
  WebSockets are intercepted and closed, service workers blocked, WebRTC and WebTransport removed;
- the guard resolves each name itself and connects to the address it checked (no DNS rebinding).

Redirects are followed by the guard (each hop checked and kept) and the browser is given the final
answer: Chromium does not follow a redirect that an interceptor answers without going to the network.
The main page is fetched first, with the page checks of :func:`fetch_page`, and the browser is then
pointed at its final address. After loading, the page is scrolled to the bottom in steps (content that
loads on scrolling comes in), then a full-page screenshot, a PDF print and the DOM after scripts are kept.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Frame, Page, Route, WebSocketRoute, sync_playwright

from haven_core.capture.addresses import is_public
from haven_core.capture.fetch import (
    AddressCheck,
    Exchange,
    Fetched,
    Resolver,
    fetch_page,
    fetch_resource,
    system_resolver,
)
from haven_core.capture.policy import CaptureFailed, CapturePolicy

# Told the stage: "fetching", "rendering", "keeping". Never called while the browser runs: Playwright's
# event loop is then active, and a caller writing to a database would get another connection.
Progress = Callable[[str], None]

LAUNCH_ARGUMENTS = (
    "--host-resolver-rules=MAP * ~NOTFOUND",  # Chromium resolves no name itself
    "--proxy-server=socks5://127.0.0.1:9",  # and whatever is not intercepted goes nowhere
    "--proxy-bypass-list=<-loopback>",  # loopback too
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=DnsOverHttps,NetworkPrediction",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--no-first-run",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
)
# Channels that would not go through the request interception: removed before any script of the page.
NO_SIDE_CHANNELS = """
for (const name of ["RTCPeerConnection", "webkitRTCPeerConnection", "RTCDataChannel", "WebTransport"]) {
  try { delete window[name]; Object.defineProperty(window, name, {value: undefined}); } catch (e) {}
}
"""
# Headers that described the bytes as they travelled; the browser is given them decoded and whole.
_TRANSPORT_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length", "connection"})
MEDIA_PREFIXES = ("image/", "video/", "audio/")


class BrowserFailed(Exception):
    """Chromium could not be started or crashed; ``page`` is the main page the guard had already fetched,
    so the caller can still keep it without the browser."""

    def __init__(self, page: Fetched, problem: str) -> None:
        super().__init__(problem)
        self.page = page


@dataclass(frozen=True)
class Request:
    """A request the page made and what Haven did with it (``outcome``: "fetched" or "blocked")."""

    url: str
    resource_type: str  # Chromium's: document, script, image, media, xhr, fetch, websocket…
    outcome: str
    reason: str = ""  # why it was blocked: a CaptureFailed code, "method", "websocket", "limit"
    status: int = 0
    media_type: str = ""
    size: int = 0
    sha256: str = ""

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"url": self.url, "type": self.resource_type, "outcome": self.outcome}
        if self.outcome == "blocked":
            data["reason"] = self.reason
        else:
            data.update(status=self.status, media_type=self.media_type, size=self.size, sha256=self.sha256)
        return data


@dataclass(frozen=True)
class Media:
    """An image, video or audio file the page loaded, as it was received (content coding removed)."""

    url: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class BrowserCapture:
    page: Fetched  # the main page, as the guard fetched it
    exchanges: tuple[Exchange, ...]  # every hop the guard fetched for the page, in order
    requests: tuple[Request, ...]
    final_url: str
    title: str
    html: bytes  # the DOM after scripts ran, as UTF-8
    screenshot: bytes | None
    pdf: bytes | None
    media: tuple[Media, ...]
    started_at: dt.datetime
    frames: tuple[bytes, ...] = ()  # the DOM of each frame in the page (an embedded post), as UTF-8
    notes: tuple[str, ...] = ()  # stages that did not complete: "screenshot_failed", "pdf_failed"…

    @property
    def blocked(self) -> tuple[Request, ...]:
        return tuple(r for r in self.requests if r.outcome == "blocked")


@dataclass
class _Guard:
    """Answers the browser's requests with what the guarded fetcher got, and keeps account of them."""

    page: Fetched
    policy: CapturePolicy
    fetch: Callable[[str], Fetched]
    exchanges: list[Exchange] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    media: dict[str, Media] = field(default_factory=dict)  # by SHA-256: the same file once
    in_flight: int = 0
    total_bytes: int = 0
    page_served: bool = False

    def handle(self, route: Route) -> None:
        request = route.request
        url, kind = request.url, request.resource_type
        if not self.page_served and request.is_navigation_request():  # the first is ours, to the page
            self.page_served = True
            self._answer(route, url, kind, self.page, fetched_now=False)
            return
        if request.method not in ("GET", "HEAD"):
            self._block(route, url, kind, "method")
            return
        if len(self.requests) >= self.policy.max_requests or self.total_bytes > self.policy.max_total_bytes:
            self._block(route, url, kind, "limit")
            return
        try:
            fetched = self.fetch(url)
        except CaptureFailed as failure:
            self._block(route, url, kind, failure.code)
            return
        self.total_bytes += len(fetched.content)
        self._answer(route, url, kind, fetched, fetched_now=True)

    def refuse_socket(self, socket: WebSocketRoute) -> None:
        self.requests.append(Request(socket.url, "websocket", "blocked", "websocket"))
        socket.close(code=1008, reason="blocked by the capture")

    def _block(self, route: Route, url: str, kind: str, reason: str) -> None:
        self.requests.append(Request(url, kind, "blocked", reason))
        route.abort("blockedbyclient" if reason in ("private_address", "method", "limit") else "failed")

    def _answer(self, route: Route, url: str, kind: str, fetched: Fetched, *, fetched_now: bool) -> None:
        final = fetched.final
        if fetched_now:
            self.exchanges.extend(fetched.exchanges)
        sha256 = hashlib.sha256(fetched.content).hexdigest()
        self.requests.append(
            Request(url, kind, "fetched", "", final.status, final.media_type, len(fetched.content), sha256)
        )
        if 200 <= final.status < 300 and final.media_type.startswith(MEDIA_PREFIXES) and fetched.content:
            self.media.setdefault(sha256, Media(final.url, final.media_type, fetched.content))
        headers: dict[str, str] = {}
        for name, value in final.headers:
            key = name.lower()
            if key in _TRANSPORT_HEADERS:
                continue
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        try:
            route.fulfill(status=final.status, headers=headers, body=fetched.content)
        except PlaywrightError:
            pass  # the page went away or cancelled the request; what was fetched is still kept


def capture_in_browser(
    url: str,
    policy: CapturePolicy,
    *,
    chromium: str,
    resolver: Resolver = system_resolver,
    address_allowed: AddressCheck = is_public,
    progress: Progress = lambda stage: None,
    clock: Callable[[], float] = time.monotonic,
    viewport: tuple[int, int] = (1280, 900),
    scroll_steps: int = 40,
) -> BrowserCapture:
    """Capture ``url`` in headless Chromium; raise :class:`CaptureFailed` if the page itself cannot be had.

    Requests the page makes that the guard refuses do not fail the capture: they are listed as blocked.
    """
    deadline = clock() + policy.total_timeout
    started_at = dt.datetime.now(dt.UTC)
    progress("fetching")
    page_fetched = fetch_page(
        url, policy, resolver=resolver, address_allowed=address_allowed, clock=clock, deadline=deadline
    )

    def fetch(resource: str) -> Fetched:
        return fetch_resource(
            resource,
            policy,
            resolver=resolver,
            address_allowed=address_allowed,
            clock=clock,
            deadline=deadline,
        )

    guard = _Guard(page_fetched, policy, fetch, exchanges=list(page_fetched.exchanges))

    def left_ms() -> float:
        return max(1000.0, (deadline - clock()) * 1000)

    progress("rendering")
    try:
        return _outside_event_loop(
            lambda: _in_browser(
                guard, chromium, viewport, scroll_steps, left_ms, clock, deadline, progress, started_at
            )
        )
    except PlaywrightError as exc:
        raise BrowserFailed(page_fetched, str(exc).splitlines()[0][:200] if str(exc) else "") from None


def _outside_event_loop(work: Callable[[], BrowserCapture]) -> BrowserCapture:
    """Run ``work`` here, or in a thread of its own when this thread runs an asyncio loop: Playwright's
    synchronous API refuses to run inside one (a worker has none; a process that also drives a browser
    through Playwright's own loop does)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def _in_browser(
    guard: _Guard,
    chromium: str,
    viewport: tuple[int, int],
    scroll_steps: int,
    left_ms: Callable[[], float],
    clock: Callable[[], float],
    deadline: float,
    progress: Progress,
    started_at: dt.datetime,
) -> BrowserCapture:
    page_fetched, policy, notes = guard.page, guard.policy, list[str]()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=list(LAUNCH_ARGUMENTS), timeout=left_ms()
        )
        try:
            context = browser.new_context(
                service_workers="block",
                user_agent=policy.user_agent,
                viewport={"width": viewport[0], "height": viewport[1]},
                accept_downloads=False,
            )
            context.add_init_script(NO_SIDE_CHANNELS)
            context.route("**/*", guard.handle)
            context.route_web_socket("**/*", guard.refuse_socket)
            page = context.new_page()
            page.on("request", lambda _r: setattr(guard, "in_flight", guard.in_flight + 1))
            for event in ("requestfinished", "requestfailed"):
                page.on(event, lambda _r: setattr(guard, "in_flight", max(0, guard.in_flight - 1)))
            try:
                page.goto(page_fetched.final.url, wait_until="load", timeout=left_ms())
            except PlaywrightError:
                notes.append("load_incomplete")  # keep what is there: a stalled script must not lose the page
            _settle(page, guard, clock, deadline)
            _scroll(page, guard, clock, deadline, scroll_steps)
            title = page.title()
            html = page.content().encode("utf-8")
            frames = tuple(_frame_html(frame) for frame in page.frames if frame != page.main_frame)
            screenshot = _try(lambda: page.screenshot(full_page=True, timeout=left_ms()), "screenshot", notes)
            pdf = _try(lambda: page.pdf(print_background=True), "pdf", notes)
            final_url = page.url
        finally:
            browser.close()
    progress("keeping")
    return BrowserCapture(
        page=page_fetched,
        exchanges=tuple(guard.exchanges),
        requests=tuple(guard.requests),
        final_url=final_url,
        title=title,
        html=html,
        frames=tuple(frame for frame in frames if frame),
        screenshot=screenshot,
        pdf=pdf,
        media=tuple(guard.media.values()),
        started_at=started_at,
        notes=tuple(notes),
    )


def _frame_html(frame: Frame) -> bytes:
    try:
        return frame.content().encode("utf-8")
    except PlaywrightError:
        return b""  # a frame that went away, or one still loading when the page was kept


def _try(make: Callable[[], bytes], what: str, notes: list[str]) -> bytes | None:
    try:
        return make()
    except PlaywrightError:
        notes.append(f"{what}_failed")
        return None


def _settle(page: Page, guard: _Guard, clock: Callable[[], float], deadline: float, quiet: int = 3) -> None:
    """Wait until no request of the page is pending for ``quiet`` polls in a row (or time is up)."""
    calm = 0
    limit = min(deadline, clock() + 10.0)
    while calm < quiet and clock() < limit:
        page.wait_for_timeout(100)  # lets the browser's events (and our route handler) run
        calm = calm + 1 if guard.in_flight == 0 else 0


_SCROLL = """() => {
  window.scrollBy(0, Math.max(200, Math.floor(window.innerHeight * 0.9)));
  const root = document.scrollingElement || document.documentElement;
  return [window.scrollY + window.innerHeight, root.scrollHeight];
}"""


def _scroll(page: Page, guard: _Guard, clock: Callable[[], float], deadline: float, steps: int) -> None:
    """Scroll to the bottom in steps, letting what loads on scrolling come in; then back to the top."""
    try:
        for _ in range(steps):
            if clock() >= deadline:
                break
            seen, height = page.evaluate(_SCROLL)
            _settle(page, guard, clock, deadline, quiet=2)
            if seen >= height:
                _settle(page, guard, clock, deadline)
                if (
                    page.evaluate(
                        "() => (document.scrollingElement || document.documentElement).scrollHeight"
                    )
                    <= height
                ):
                    break  # at the bottom, and nothing more came in
        page.evaluate("() => window.scrollTo(0, 0)")
        _settle(page, guard, clock, deadline, quiet=2)
    except PlaywrightError:
        pass  # a page that navigated away or closed while scrolling keeps what it had
