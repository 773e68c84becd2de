"""The words of an alert: subject and body, in the reader's language, without the case's details.

By default a body says which households (their reference and a link) and in how many days; with
``HAVEN_ALERT_DETAIL = "dates"`` it also gives the dates. Never names, A-numbers, places or what the
deadline is: whoever reads the mailbox learns no more than that a case needs looking at.
Haven keeps no language per user, so every alert is written in English and then in Russian.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

BOTH = ("en", "ru")
SEPARATOR = "\n\n— — —\n\n"


@dataclass(frozen=True)
class Email:
    subject: str
    body: str


@dataclass(frozen=True)
class Soon:
    """One deadline as an alert may tell it: whose (the household's reference), when."""

    reference: str
    days: int
    date: dt.date


def languages_for(user: object) -> tuple[str, ...]:
    """The languages to write to ``user`` in. Haven records no language per user (the page language is
    the browser's choice), so both; once a user's language is kept, this is the one place to read it."""
    return BOTH


def link(reference: str) -> str:
    return settings.HAVEN_SITE_URL.rstrip("/") + reverse("cases:detail", args=[reference])


def show_dates() -> bool:
    return settings.HAVEN_ALERT_DETAIL == "dates"


def _when(soon: Soon) -> str:
    if soon.days == 0:
        days = _("today")
    else:
        days = ngettext("in %(days)d day", "in %(days)d days", soon.days) % {"days": soon.days}
    return f"{soon.date.isoformat()}, {days}" if show_dates() else days


def _footer() -> str:
    return _("This email holds no details of the cases: open Haven to see them.")


def _in_languages(languages: Sequence[str], write: Callable[[], Email]) -> Email:
    parts = []
    for language in languages:
        with translation.override(language):
            parts.append(write())
    return Email(
        subject=" / ".join(dict.fromkeys(p.subject for p in parts)),
        body=SEPARATOR.join(p.body for p in parts),
    )


def digest(soon: Sequence[Soon], languages: Sequence[str]) -> Email:
    """Deadlines in the reader's households, grouped by household, soonest first."""
    by_household: dict[str, list[Soon]] = {}
    for item in sorted(soon, key=lambda s: (s.days, s.reference)):
        by_household.setdefault(item.reference, []).append(item)

    def write() -> Email:
        count = len(soon)
        subject = ngettext(
            "Haven: %(count)d deadline coming up", "Haven: %(count)d deadlines coming up", count
        ) % {"count": count}
        lines = [_("Hello,"), "", _("Deadlines are coming up in households you look after:"), ""]
        for reference, items in by_household.items():
            lines.append(f"{reference} — " + "; ".join(_when(i) for i in items))
            lines.append(f"  {link(reference)}")
        lines += ["", _footer()]
        return Email(subject, "\n".join(lines))

    return _in_languages(languages, write)


def emergency(references: Sequence[str], languages: Sequence[str]) -> Email:
    """Households that have just become emergency priority."""

    def write() -> Email:
        subject = _("Haven: a household is now emergency priority")
        lines = [_("Hello,"), "", _("These households have just become emergency priority:"), ""]
        for reference in references:
            lines += [reference, f"  {link(reference)}"]
        lines += ["", _footer()]
        return Email(subject, "\n".join(lines))

    return _in_languages(languages, write)


def registry_hits(hits: dict[str, int], languages: Sequence[str]) -> Email:
    """Households where a newly listed registry entry may be one of their people (reference → hits)."""

    def write() -> Email:
        subject = _("Haven: new registry listings may concern your households")
        lines = [
            _("Hello,"),
            "",
            _("A registry update lists people who may be in households you look after."),
            _("The possible matches are in the screening queue for a reviewer to decide:"),
            "",
        ]
        for reference, count in hits.items():
            found = ngettext("%(count)d possible match", "%(count)d possible matches", count) % {
                "count": count
            }
            lines += [f"{reference} — {found}", f"  {link(reference)}"]
        lines += ["", _footer()]
        return Email(subject, "\n".join(lines))

    return _in_languages(languages, write)
