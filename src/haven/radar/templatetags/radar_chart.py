"""The radar chart's marks as SVG, written here rather than by the template language: a coalition's
chart draws a thousand marks or more, and a template loop with a title, a date and a plural for each
cost most of the page's time. The markup is the same as a template would write."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from haven_core.deadlines_chart import Mark

register = template.Library()


def _title(mark: Mark, word: str, detained: str, days: dict[Any, str]) -> str:
    if mark.date not in days:  # a column's marks share their day: each day formatted once
        days[mark.date] = date_filter(mark.date, "SHORT_DATE_FORMAT")
    parts = [mark.household, word, days[mark.date]]
    if mark.detained:
        parts.append(detained)
    if mark.people > 1:
        people = ngettext("%(counter)s person", "%(counter)s people", mark.people)
        parts.append(people % {"counter": mark.people})
    return " · ".join(parts)


@register.simple_tag
def radar_marks(marks: Iterable[Mark]) -> SafeString:
    """Each mark: a triangle for a removal, a square for a hearing, a circle for another event, with its
    household, kind, date, detention and people as its title (escaped; numbers never localised)."""
    words = {"removal": gettext("removal"), "hearing": gettext("hearing"), "event": gettext("event")}
    detained = gettext("detained")
    days: dict[Any, str] = {}
    rows: list[tuple[str, tuple[str, ...]]] = []
    for m in marks:
        kind = m.kind if m.kind in ("removal", "hearing") else "event"
        css = f"mark mark-{kind}" + (" mark-detained" if m.detained else "")
        title = _title(m, words[kind], detained, days)
        if kind == "removal":
            shape = '<polygon class="{}" points="{}"><title>{}</title></polygon>'
            rows.append((shape, (css, m.points, title)))
        elif kind == "hearing":
            shape = '<rect class="{}" x="{}" y="{}" width="6" height="6"><title>{}</title></rect>'
            rows.append((shape, (css, str(m.left), str(m.top), title)))
        else:
            shape = '<circle class="{}" cx="{}" cy="{}" r="3"><title>{}</title></circle>'
            rows.append((shape, (css, str(m.x), str(m.y), title)))
    return format_html_join("\n  ", "{}", ((format_html(shape, *args),) for shape, args in rows))
