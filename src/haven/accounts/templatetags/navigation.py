"""The main navigation of every page: ``{% site_nav %}`` (in base.html).

Its links and their words depend only on the reader's role, language and the page they are on, so each
such list is drawn once per process and kept (``_drawn``); a request adds only the count of waiting work
beside "My work" (see :mod:`haven.work.context`), which is the user's own. Until now every page reversed
its fourteen links and looked up their words afresh.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, pgettext

register = template.Library()

CASELOAD = "caseload"  # shown to anyone with a caseload (haven_core.roles.can_use_caseload)


@dataclass(frozen=True)
class Link:
    url: str  # the URL's name
    words: Callable[[], str]  # its label in the reader's language
    nav: str  # the ``nav`` of the page it leads to ("" for none: never marked current)
    shown_to: frozenset[str]  # roles, or CASELOAD
    optional: bool = False  # left out when the URL is not installed rather than failing the page
    staff: bool = False  # shown to staff users, whatever their role


def _words(message: str) -> Callable[[], str]:
    return lambda: gettext(message)


# In the order of the menu. "My work" comes first and carries the count (see ``site_nav``).
LINKS = (
    Link("home", _words("My work"), "home", frozenset({CASELOAD})),
    Link("dashboard:home", _words("Dashboard"), "dashboard", frozenset({CASELOAD}), optional=True),
    Link("radar:home", _words("Deadlines"), "radar", frozenset({CASELOAD}), optional=True),
    Link("cases:list", _words("Cases"), "list", frozenset({CASELOAD})),
    Link("cases:new", _words("New household"), "new", frozenset({CASELOAD})),
    Link("registries:list", _words("Registries"), "registries", frozenset({CASELOAD})),
    Link("assessment:list", _words("Assessments"), "assessment", frozenset({CASELOAD})),
    Link("intake:upload", _words("Import"), "intake", frozenset({CASELOAD})),
    Link("api:docs", _words("API"), "api", frozenset({CASELOAD})),
    Link(
        "review:queue",
        lambda: pgettext("main navigation", "Review"),
        "review",
        frozenset({"reviewer", "coordinator", "admin"}),
    ),
    Link("selection:home", _words("Selection"), "selection", frozenset({"coordinator"})),
    Link(
        "referral:batches",
        _words("Referrals"),
        "referrals",
        frozenset({"coordinator", "liaison"}),
        optional=True,
    ),
    Link("accounts:users", _words("Users"), "users", frozenset({"admin"})),
    Link("jobs:jobs", _words("Jobs"), "jobs", frozenset({"coordinator", "admin"})),
    Link("admin:index", _words("Administration"), "", frozenset(), staff=True),
)


def _shown(link: Link, role: str | None, caseload: bool, staff: bool) -> bool:
    if link.staff:
        return staff
    return (caseload and CASELOAD in link.shown_to) or role in link.shown_to


@functools.lru_cache(maxsize=256)
def _drawn(
    language: str | None, prefix: str, urlconf: Any, role: str | None, caseload: bool, staff: bool, nav: str
) -> tuple[str, str]:
    """The list's HTML before and after the count beside "My work" (all of it before, and nothing
    after, for a reader with no "My work"). The language, script prefix and URLconf are part of the key
    because the words and links depend on them."""
    before: list[str] = ["      <ul>"]
    after: list[str] | None = None
    for link in LINKS:
        if not _shown(link, role, caseload, staff):
            continue
        try:
            url = reverse(link.url)
        except NoReverseMatch:
            if link.optional:
                continue
            raise
        current = mark_safe(' aria-current="page"') if link.nav and link.nav == nav else ""
        if link.url == "home":  # its count goes between its words and the end of its link
            before.append(format_html('        <li><a href="{}"{}>{}', url, current, link.words()))
            after = ["</a></li>"]
        else:
            line = format_html('        <li><a href="{}"{}>{}</a></li>', url, current, link.words())
            (before if after is None else after).append(line)
    if after is None:
        return "\n".join([*before, "      </ul>"]), ""
    return "\n".join(before), after[0] + "\n" + "\n".join([*after[1:], "      </ul>"])


@register.simple_tag(takes_context=True)
def site_nav(context: template.Context) -> SafeString:
    """The ``<ul>`` of the main navigation for the signed-in reader (``haven_role``, ``haven_caseload``
    from haven.accounts.context; ``nav`` from the view; ``haven_work_count`` from haven.work.context)."""
    user = context.get("user")
    before, after = _drawn(
        get_language(),
        get_script_prefix(),
        get_urlconf(),
        context.get("haven_role"),
        bool(context.get("haven_caseload")),
        bool(getattr(user, "is_staff", False)),
        str(context.get("nav") or ""),
    )
    count = context.get("haven_work_count")
    waiting = ""
    if after and count:
        waiting = format_html(
            ' <span class="count nav-count" title="{}">{}<span class="visually-hidden"> {}</span></span>',
            mark_safe(gettext("Items waiting, counted when you last opened My work")),  # noqa: S308
            count,
            mark_safe(gettext("items waiting")),  # noqa: S308
        )
    # Each part was built by format_html (which escaped what it put in) from Haven's own words and URLs.
    return mark_safe(before + waiting + after)  # noqa: S308
