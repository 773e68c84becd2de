"""How the evidence pages call URL capture, which lives in :mod:`haven.evidence.capture`.

The capture module provides::

    capture_url(*, actor: Actor, person: Person, url: str, fields: Mapping[str, Any],
                report: Callable[[int, int, str], None] | None = None) -> EvidenceItem

It fetches ``url`` itself, stores what it got through :func:`haven.evidence.storage.store_blob` and
returns a new original item of ``person`` (``fields`` are the item's metadata as the add form cleaned
them: kind, title, description, author, published_on, language, followers, views, and ``tags``, a list
of ``(tag, activity_date)``); ``report(done, total, message)`` is told how far it got. It checks
permission, writes in one transaction with the audit entry, and raises a
:class:`haven.evidence.errors.EvidenceError` (whose message is shown to the user) when the page cannot
be captured. The pages work without it: the capture form is then shown disabled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from haven.accounts.actor import Actor
from haven.cases.models import Person
from haven.evidence.models import EvidenceItem


class CaptureUrl(Protocol):
    def __call__(
        self,
        *,
        actor: Actor,
        person: Person,
        url: str,
        fields: Mapping[str, Any],
        report: Callable[[int, int, str], None] | None = None,
    ) -> EvidenceItem: ...


def capture_function() -> CaptureUrl | None:
    """``haven.evidence.capture.capture_url`` if it is installed, else ``None``."""
    try:
        from haven.evidence.capture import capture_url  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        return None
    return capture_url  # type: ignore[no-any-return, unused-ignore]
