"""Capturing a web page as evidence: ``capture_url``, the action the "capture a URL" form's job calls.

Where Chromium is installed (``HAVEN_CAPTURE_CHROMIUM``) the page is captured as a browser shows it
(:mod:`haven_core.capture.browser`): scripts run, every request the page makes is fetched by Haven's
guard (public addresses only, every redirect checked again, timeouts, size limits) and refused ones are
blocked and logged; :mod:`haven.evidence.capture_browser` lists the files kept (WARC, WACZ, full-page
screenshot, PDF, text after scripts, media, the request log). Without Chromium (or Playwright) Haven
falls back to fetching the page's HTML alone and rendering a screenshot of it offline: a WARC file, the
readable text and, when possible, the screenshot (``item.capture_notes`` says why there is none).

The item is created by :func:`haven.evidence.actions.evidence_add`, the one way items are made, inside
the same transaction as the files and the ``evidence.capture`` audit entry: a failure stores no item and
no file use. Files written to disk before a failure stay there without a use; they are harmless (sealed,
named by their hash, reused if the same bytes are stored again). The URL is never logged or audited in
clear: it identifies the person whose page it is. It is kept only in the item's encrypted ``source_url``
and inside the encrypted files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy

from haven.accounts.actions.refusals import access_refused_record
from haven.accounts.actor import Actor
from haven.cases.models import Person
from haven.errors import NotAllowed
from haven.evidence.actions import evidence_add
from haven.evidence.actions.permission_and_custody import ensure_can_change
from haven.evidence.actions.records import evidence_capture_record
from haven.evidence.capture_browser import CaptureFiles, browser_available, browser_files, stage_reporter
from haven.evidence.errors import EvidenceError
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.storage import store_blob
from haven.evidence.timestamps import timestamp_on_commit
from haven_core.capture.fetch import Fetched, fetch_page
from haven_core.capture.policy import CaptureFailed, CapturePolicy
from haven_core.capture.screenshot import Screenshot, render_screenshot
from haven_core.capture.text import page_text, text_document
from haven_core.capture.warc import warc_file

logger = logging.getLogger("haven.evidence")
SOFTWARE = "Haven evidence capture (WARC/1.1, haven_core.capture)"
BROWSER_SOFTWARE = "Haven evidence capture in headless Chromium (WARC/1.1, WACZ 1.1.1, haven_core.capture)"

MESSAGES = {
    "bad_url": gettext_lazy("This is not a web address Haven can capture."),
    "scheme": gettext_lazy("Only http:// and https:// addresses can be captured."),
    "credentials": gettext_lazy("Remove the user name and password from the address before capturing it."),
    "unresolvable": gettext_lazy("This site's name cannot be found. Check the address."),
    "private_address": gettext_lazy(
        "This address leads to a private or local network, which Haven does not fetch from."
    ),
    "connection_failed": gettext_lazy("The site cannot be reached."),
    "tls_error": gettext_lazy("The site's secure connection (HTTPS certificate) is not valid."),
    "timeout": gettext_lazy("The site took too long to answer."),
    "too_large": gettext_lazy("The page is larger than Haven captures (%(limit)s MB)."),
    "too_many_redirects": gettext_lazy("The site redirected more than %(limit)s times."),
    "bad_redirect": gettext_lazy("The site redirected without saying where to."),
    "http_status": gettext_lazy("The site answered with an error (HTTP %(status)s): the page may be gone."),
    "not_html": gettext_lazy(
        "This address is not a web page (%(media_type)s). Download the file and upload it instead."
    ),
    "bad_response": gettext_lazy("The site's answer cannot be read."),
    "unsupported_encoding": gettext_lazy("The site sent the page in a compression Haven cannot read."),
}
NOTES = {
    "blocked": gettext_lazy(
        "The page tried to load something from an address Haven does not fetch from: it was blocked "
        "(see the capture log)."
    ),
    "browser_failed": gettext_lazy(
        "The browser could not open the page: only its HTML was kept, as Haven fetched it."
    ),
    "load_incomplete": gettext_lazy("The page had not finished loading when it was captured."),
    "screenshot_failed": gettext_lazy("No screenshot was made: the browser could not take it."),
    "pdf_failed": gettext_lazy("No PDF was made: the browser could not print the page."),
    "no_chromium": gettext_lazy("No screenshot was made: Chromium is not available on this server."),
    "disabled": gettext_lazy("No screenshot was made: screenshots are switched off on this server."),
    "timeout": gettext_lazy("No screenshot was made: rendering the page took too long."),
    "failed": gettext_lazy("No screenshot was made: the page could not be rendered."),
}


class CaptureError(EvidenceError):
    """A page could not be captured; the message is for the user (in their language), ``code`` says why."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def capture_policy() -> CapturePolicy:
    return CapturePolicy(
        connect_timeout=float(settings.HAVEN_CAPTURE_CONNECT_TIMEOUT),
        read_timeout=float(settings.HAVEN_CAPTURE_READ_TIMEOUT),
        total_timeout=float(settings.HAVEN_CAPTURE_TOTAL_TIMEOUT),
        max_bytes=int(settings.HAVEN_CAPTURE_MAX_BYTES),
        max_redirects=int(settings.HAVEN_CAPTURE_MAX_REDIRECTS),
        allow_private=bool(settings.HAVEN_CAPTURE_ALLOW_PRIVATE),
        allowed_addresses=frozenset(settings.HAVEN_CAPTURE_ALLOW_ADDRESSES),
    )


def failure_message(failure: CaptureFailed) -> str:
    detail = dict(failure.detail)
    if "limit" in detail and failure.code == "too_large":
        detail["limit"] = f"{int(str(detail['limit'])) / (1024 * 1024):g}"
    template = MESSAGES.get(failure.code, gettext_lazy("The page could not be captured."))
    try:
        return str(template) % detail if "%(" in str(template) else str(template)
    except (KeyError, ValueError):
        return str(template)


# Failures that are Haven refusing the URL (where it points, or what it carries), audited as refusals.
REFUSED = frozenset({"private_address", "scheme", "credentials", "bad_redirect"})


def capture_url(
    *,
    actor: Actor,
    person: Person,
    url: str,
    fields: Mapping[str, Any],
    report: Callable[[int, int, str], None] | None = None,
) -> EvidenceItem:
    """Capture ``url``, keep it as a new original item of ``person`` with ``fields`` as its metadata.

    In headless Chromium when it is installed (:mod:`haven.evidence.capture_browser`); otherwise the
    page's HTML alone, with a screenshot rendered offline. ``report(done, total, message)`` is told the
    stages. Raises :class:`CaptureError` (with a message for the form) when the page cannot be captured,
    and the evidence actions' errors when the actor may not add evidence or the fields are not acceptable.
    """
    household = person.household
    try:
        ensure_can_change(actor, household)  # before any request leaves Haven
    except NotAllowed:
        access_refused_record(actor=actor, kind="capture", household=household, reason="not_allowed")
        raise
    chromium = str(settings.HAVEN_CAPTURE_CHROMIUM or "")
    try:
        if browser_available(chromium):
            from haven_core.capture.browser import BrowserFailed, capture_in_browser  # needs Playwright

            try:
                captured = capture_in_browser(
                    url, capture_policy(), chromium=chromium, progress=stage_reporter(report)
                )
                files = browser_files(captured, software=BROWSER_SOFTWARE)
            except BrowserFailed as failed:  # keep the page the guard fetched, as without a browser
                logger.warning("capture: the browser failed; the HTML alone was kept")  # no URL in logs
                files = _offline_files(failed.page, chromium)
                files.notes.insert(0, "browser_failed")
        else:
            if report is not None:
                report(0, 1, str(gettext_lazy("Fetching the page")))
            files = _offline_files(fetch_page(url, capture_policy()), chromium)
    except CaptureFailed as failure:
        if failure.code in REFUSED:  # the address or URL was refused, not merely unreachable
            access_refused_record(actor=actor, kind="capture", household=household, reason=failure.code)
        raise CaptureError(failure.code, failure_message(failure)) from None
    with transaction.atomic():
        item = evidence_add(actor=actor, person=person, fields={**fields, "source_url": url})
        blobs = []
        for role, filename, data in files.parts:
            blob = store_blob(data)
            ItemFile.objects.create(item=item, blob=blob, role=role, filename=filename)
            blobs.append(blob)
        hashes = [(role, blob.sha256) for (role, _n, _d), blob in zip(files.parts, blobs, strict=True)]
        evidence_capture_record(
            actor=actor,
            item=item,
            household=household,
            detail={
                **files.detail,
                "files": {role: sha for role, sha in hashes if role != "capture_media"},
                "media": [sha for role, sha in hashes if role == "capture_media"],
            },
        )
        timestamp_on_commit(blobs)
    # What the capture job reports beside the item (evidence/jobs.py reads it with getattr); not stored.
    item.capture_notes = [str(NOTES[note]) for note in files.notes if note in NOTES]  # type: ignore[attr-defined]
    return item


def _offline_files(fetched: Fetched, chromium: str) -> CaptureFiles:
    """The fallback without a browser: the page's HTML as fetched, and a screenshot of it rendered offline."""
    shot = (
        render_screenshot(fetched.content, fetched.final.charset, chromium=chromium)
        if chromium
        else (Screenshot(None, "disabled"))
    )
    files = CaptureFiles(
        parts=[
            ("capture_warc", "capture.warc", warc_file(fetched, software=SOFTWARE)),
            ("capture_text", "capture.txt", _text(fetched, shot)),
        ],
        detail={
            "method": "offline",
            "status": fetched.final.status,
            "redirects": len(fetched.exchanges) - 1,
            "bytes": len(fetched.content),
            "screenshot": shot.reason or "made",
        },
        notes=[shot.reason] if shot.reason else [],
    )
    if shot.png is not None:
        files.parts.append(("capture_screenshot", "screenshot.png", shot.png))
    return files


def _text(fetched: Fetched, shot: Screenshot) -> bytes:
    page = page_text(fetched.content, fetched.final.charset)
    notes = [f"Screenshot: none ({shot.reason})"] if shot.reason else []
    captured_at = fetched.exchanges[0].at.isoformat(timespec="seconds")
    return text_document(page, url=fetched.final.url, captured_at=captured_at, notes=notes).encode("utf-8")
