"""The radar chart's marks as SVG, written here rather than by the template language: a coalition's
chart draws a thousand marks or more, and a template loop with a title, a date and a plural for each
cost most of the page's time. The markup is the same as a template would write."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString, mark_safe
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
    shapes: list[str] = []
    for m in marks:
        kind = m.kind if m.kind in ("removal", "hearing") else "event"
        css = f"mark mark-{kind}" + (" mark-detained" if m.detained else "")
        # Only the title can hold text to escape (a reference, a translation); the rest are numbers and
        # fixed words. html.escape is what django.utils.html.escape does, without a SafeString per mark.
        title = escape(_title(m, words[kind], detained, days))
        if kind == "removal":
            shapes.append(f'<polygon class="{css}" points="{m.points}"><title>{title}</title></polygon>')
        elif kind == "hearing":
            box = f'x="{m.left}" y="{m.top}" width="6" height="6"'
            shapes.append(f'<rect class="{css}" {box}><title>{title}</title></rect>')
        else:
            centre = f'cx="{m.x}" cy="{m.y}" r="3"'
            shapes.append(f'<circle class="{css}" {centre}><title>{title}</title></circle>')
    return mark_safe("\n  ".join(shapes))  # noqa: S308 - every value above is a number or escaped
