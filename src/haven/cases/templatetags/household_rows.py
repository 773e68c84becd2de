"""The repeated rows of a household's page: its timeline (``{% timeline_items %}``) and each person's line
of the US status section (``{% us_status_items %}``).

A household of eight with its history has dozens of these, of some twenty template nodes each; built here
in Python they cost a fraction of that, with the same HTML as the template loops they replace, whitespace
included: every recorded value escaped (``format_html``), Haven's own words as ``{% translate %}`` gave
them, each looked up once per page, and each link reversed once per page (:class:`~.person_card.Page`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from haven.cases.templatetags.caseload import days_left, label, shown_date
from haven.cases.templatetags.person_card import Page, page_of

register = template.Library()


def _today_line(today: dt.date, page: Page) -> str:
    return format_html(
        '<li class="timeline-today"><span>{} · {}</span></li>', page.word("Today"), shown_date(today)
    )


def _event_lines(entry: Any, page: Page) -> str:
    """What the timeline says under a recorded event: who withdrew it and why, who recorded it, and the
    link to withdraw it (none for Haven's own lines or one withdrawn already)."""
    event = entry.event
    withdrawn = ""
    if event.withdrawn:
        who = event.withdrawn_by.get_username() if event.withdrawn_by else ""
        said = gettext("Withdrawn by %(who)s on %(when)s") % {
            "who": conditional_escape(who or page.word("someone no longer in Haven")),
            "when": conditional_escape(shown_date(event.withdrawn_at)),
        }
        withdrawn = format_html(
            '\n        <p class="timeline-withdrawn">{}: {}</p>\n        ',
            mark_safe(said),  # noqa: S308 - the catalogue's words, the values escaped above
            event.withdrawn_reason,
        )
    system = ""
    if event.system:
        system = page.word("written by Haven") + (" · " if event.created_by else "")
    recorded = ""
    if event.created_by:
        recorded = gettext("recorded by %(who)s") % {
            "who": conditional_escape(event.created_by.get_username())
        }
    withdraw = ""
    if not event.system and not event.withdrawn:
        withdraw = format_html(
            '{}<a href="{}">{}<span class="visually-hidden"> — {}, {}</span></a>',
            " · " if event.created_by else "",
            page.link("cases:event_withdraw", event.public_id),
            page.word("Withdraw"),
            entry.label,
            shown_date(entry.date),
        )
    return format_html(
        "\n"
        "        {}\n"
        '        <p class="timeline-meta">\n'
        "          {}\n"
        "          {}\n"
        "          {}\n"
        "        </p>\n"
        "        ",
        withdrawn,
        system,
        mark_safe(recorded),  # noqa: S308 - the catalogue's words, the name escaped above
        withdraw,
    )


def _timeline_item(entry: Any, today: dt.date, page: Page) -> str:
    event = entry.event
    ahead = entry.date > today
    classes = "timeline-item"
    classes += " is-ahead" if ahead else ""
    classes += (
        " is-withdrawn" if event is not None and event.withdrawn else " is-record" if event is None else ""
    )
    title = format_html(
        "{}{}{}",
        format_html('<span class="visually-hidden">{} </span>', page.word("Withdrawn:"))
        if event is not None and event.withdrawn
        else "",
        entry.label,
        format_html(' <span class="muted">— {}</span>', entry.person.display_name) if entry.person else "",
    )
    note = entry.note
    return format_html(
        '    <li class="{}">\n'
        '      <time datetime="{}">{}</time>\n'
        '      <div class="timeline-body">\n'
        '        <p class="timeline-title">{}\n'
        "          {}</p>\n"
        "        {}\n"
        "        {}\n"
        "      </div>\n"
        "    </li>\n",
        classes,
        shown_date(entry.date, "Y-m-d"),
        shown_date(entry.date),
        title,
        days_left(entry.date) if ahead else "",
        format_html('<p class="timeline-note">{}</p>', linebreaksbr(note, autoescape=True)) if note else "",
        _event_lines(entry, page) if event is not None else "",
    )


@register.simple_tag(takes_context=True)
def timeline_items(context: template.Context) -> SafeString:
    """The lines of the household's timeline, newest first, with "today" between those ahead and the rest
    (at ``today_at``, the index of the first line not ahead)."""
    timeline: Sequence[Any] = context["timeline"]
    today: dt.date = context["today"]
    today_at: int = context["today_at"]
    page = page_of(context)
    parts: list[str] = []
    for i, entry in enumerate(timeline):
        last = i == len(timeline) - 1 and today_at == len(timeline)
        parts += [
            "\n    ",
            _today_line(today, page) if i == today_at else "",
            "\n",
            _timeline_item(entry, today, page),
            "    ",
            _today_line(today, page) if last else "",
            "\n    ",
        ]
    # Every part is a literal of this module or built by format_html, which escaped what it put in.
    return mark_safe("".join(parts))  # noqa: S308


def _us_dates(record: Any) -> list[str]:
    """A record's next hearing and scheduled removal, each with the days left, as the lines of the template
    put them (an empty line for a date not recorded)."""
    return [
        format_html(
            "<span>{}: {} {}</span>",
            label(record, name),
            shown_date(getattr(record, name)),
            days_left(value),
        )
        if (value := getattr(record, name))
        else ""
        for name in ("next_hearing_date", "removal_scheduled_date")
    ]


def _us_record(record: Any, page: Page) -> str:
    if not record:
        return format_html('<p class="muted">{}</p>', page.word("No US record yet."))
    detained = ""
    if record.detained:
        facility = record.detention_facility or page.word("facility not recorded")
        detained = format_html(
            '<span><span class="badge badge-detained">{}</span> {}</span>', page.word("Detained"), facility
        )
    hearing, removal = _us_dates(record)
    return format_html(
        "\n"
        '      <p class="meta">\n'
        "        <span>{}</span>\n"
        "        {}\n"
        "        {}\n"
        "        {}\n"
        "      </p>\n"
        "      ",
        record.get_status_display(),
        detained,
        hearing,
        removal,
    )


@register.simple_tag(takes_context=True)
def us_status_items(context: template.Context) -> SafeString:
    """Each person's line of the US status section: their status, detention and coming dates."""
    page = page_of(context)
    parts: list[str] = []
    for person in context["people"]:
        # the template read a missing record (reverse one-to-one: an AttributeError) as none
        record = getattr(person, "us_record", None)
        parts.append(
            format_html(
                "\n"
                '    <li class="us-status-person">\n'
                '      <p><strong lang="ru">{}</strong> <span class="muted">{}</span>\n'
                '        <a href="{}">{}<span class="visually-hidden"> — {}, {}</span></a></p>\n'
                "      {}\n"
                "    </li>\n"
                "    ",
                person.display_name,
                person.get_relationship_display(),
                page.link("cases:us_record", person.public_id),
                page.word("Edit") if record else page.word("Add"),
                page.word("US immigration record"),
                person.display_name,
                _us_record(record, page),
            )
        )
    # Every part is built by format_html, which escaped what it put in.
    return mark_safe("".join(parts))  # noqa: S308
