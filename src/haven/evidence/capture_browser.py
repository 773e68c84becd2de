"""The files a capture in the browser leaves, and what its custody entry says about it.

:func:`haven_core.capture.browser.capture_in_browser` does the capture; this module turns it into the
item's files (each stored, hashed and timestamped by :func:`haven.evidence.capture.capture_url`):

- ``capture_warc``: every request and response of the page, exactly as the guard sent and received them;
- ``capture_wacz``: the same records packaged for replay (ReplayWeb.page), with an index and hashes;
- ``capture_screenshot`` (full page, after scrolling) and ``capture_pdf`` (the page printed);
- ``capture_text``: the page's text after its scripts ran;
- ``capture_media``: each image, video and audio file the page loaded (within the size limit);
- ``capture_log``: every request the page made, what it got (status, type, size, SHA-256) or why Haven
  refused it (an address on a private network, a limit, a WebSocket).

The URLs stay inside these encrypted files: the audit entry gets only counts and hashes.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from haven_core.capture.browser import BrowserCapture
from haven_core.capture.text import page_text, text_document
from haven_core.capture.wacz import wacz_package
from haven_core.capture.warc import warc_records

_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
               "image/svg+xml": ".svg", "video/mp4": ".mp4", "video/webm": ".webm", "audio/mpeg": ".mp3",
               "audio/ogg": ".ogg"}  # fmt: skip


def browser_available(chromium: str) -> bool:
    """Whether captures can go through a browser here: Chromium is installed and Playwright importable."""
    if not chromium or not shutil.which(chromium):
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class CaptureFiles:
    parts: list[tuple[str, str, bytes]] = field(default_factory=list)  # (role, file name, bytes)
    detail: dict[str, Any] = field(default_factory=dict)  # for the audit entry, without URLs
    notes: list[str] = field(default_factory=list)  # codes of things the caseworker should know


def browser_files(capture: BrowserCapture, *, software: str) -> CaptureFiles:
    captured_at = capture.started_at.isoformat(timespec="seconds")
    text = page_text(capture.html, "utf-8")
    if not text.title:
        text.title = capture.title
    for frame in capture.frames:  # an embedded post's text is in its frame, not in the page
        framed = page_text(frame, "utf-8").text
        if framed:
            text.text += "\n\n--- " + "embedded frame" + " ---\n" + framed
    blocked = capture.blocked
    notes = [f"Blocked: {r.url} ({r.reason})" for r in blocked]
    records = warc_records(capture.exchanges, software=software)
    files = CaptureFiles()
    files.parts += [
        ("capture_warc", "capture.warc", b"".join(r.data for r in records)),
        (
            "capture_wacz",
            "capture.wacz",
            wacz_package(
                records,
                page_url=capture.final_url,
                page_title=text.title,
                page_text=text.text,
                captured_at=capture.started_at,
                software=software,
            ),
        ),
        (
            "capture_text",
            "capture.txt",
            text_document(text, url=capture.final_url, captured_at=captured_at, notes=notes).encode("utf-8"),
        ),
    ]
    if capture.screenshot:
        files.parts.append(("capture_screenshot", "screenshot.png", capture.screenshot))
    if capture.pdf:
        files.parts.append(("capture_pdf", "page.pdf", capture.pdf))
    for number, media in enumerate(capture.media, start=1):
        extension = _EXTENSIONS.get(media.media_type, ".bin")
        files.parts.append(("capture_media", f"media-{number:02d}{extension}", media.content))
    log = {
        "page": capture.final_url,
        "captured_at": captured_at,
        "requests": [r.as_dict() for r in capture.requests],
        "notes": list(capture.notes),
    }
    files.parts.append(
        ("capture_log", "capture-log.json", json.dumps(log, ensure_ascii=False, indent=2).encode())
    )
    files.detail = {
        "method": "browser",
        "status": capture.page.final.status,
        "redirects": len(capture.page.exchanges) - 1,
        "bytes": len(capture.page.content),
        "requests": len(capture.requests),
        "blocked": len(blocked),
        "blocked_reasons": sorted({r.reason for r in blocked}),
        "screenshot": "made" if capture.screenshot else "failed",
    }
    files.notes = ["blocked"] * bool(blocked) + [n for n in capture.notes]
    return files


def stage_reporter(report: Callable[[int, int, str], None] | None) -> Callable[[str], None]:
    """A ``progress`` for the capture that tells the job's page which stage it is at, in words."""
    from django.utils.translation import gettext as _

    stages = {
        "fetching": (0, _("Fetching the page")),
        "rendering": (1, _("Opening the page in the browser and scrolling through it")),
        "keeping": (2, _("Keeping the screenshot, PDF and files")),
    }

    def tell(stage: str) -> None:
        if report is not None and stage in stages:
            done, message = stages[stage]
            report(done, len(stages), message)

    return tell
