"""The radar chart's day columns as SVG, written here rather than by the template language: ninety-one
columns of up to six parts, each column a link with its title and number, cost far more as a template
loop with a date, plurals and a query string for each."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from haven_core.deadlines import Kind
from haven_core.deadlines_chart import Chart, Column

register = template.Library()

FONT = 9  # the size of a day's number, written upwards above its column


def _words(kind: Kind, n: int) -> str:
    if kind is Kind.REMOVAL:
        text = ngettext("%(counter)s removal", "%(counter)s removals", n)
    elif kind is Kind.HEARING:
        text = ngettext("%(counter)s hearing", "%(counter)s hearings", n)
    else:
        text = ngettext("%(counter)s other event", "%(counter)s other events", n)
    return text % {"counter": n}


def title(column: Column) -> str:
    """What a column says in words: its day, its number, and how many of each kind and of detained
    people, e.g. "12/10/2026: 14 deadlines: 3 removals (detained: 2), 11 hearings"."""
    said = []
    for kind in (Kind.REMOVAL, Kind.HEARING, Kind.EVENT):
        if n := column.of(kind):
            detained = sum(p.count for p in column.parts if p.kind is kind and p.detained)
            words = _words(kind, n)
            if detained:
                words += " (" + gettext("detained: %(counter)s") % {"counter": detained} + ")"
            said.append(words)
    total = ngettext("%(counter)s deadline", "%(counter)s deadlines", column.total)
    day = date_filter(column.date, "SHORT_DATE_FORMAT")
    return f"{day}: {total % {'counter': column.total}}: {', '.join(said)}"


@register.simple_tag(takes_context=True)
def radar_columns(context: dict[str, Any], chart: Chart) -> SafeString:
    """Each day's column: a bar per kind and detention (removals red, hearings blue, other events grey;
    detained people's dark with a thick outline), its number above, its title in words, all one link
    to the list of that day's deadlines (the other filters kept). Escaped where text can come in (a
    translation, the query string); the rest are numbers, never localised."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    drawn: list[str] = []
    for column in chart.columns:
        query["day"] = column.date.isoformat()
        href = escape(f"?{query.urlencode()}#deadlines")
        bars = "".join(
            f'<rect class="mark mark-{p.kind.value}{" mark-detained" if p.detained else ""}" '
            f'x="{column.x}" y="{p.y}" width="{column.width}" height="{p.height}"/>'
            for p in column.parts
        )
        x, y = round(column.centre + FONT * 0.35, 1), round(column.top - 2, 1)
        number = (
            f'<text class="day-count radar-text" x="{x}" y="{y}" font-size="{FONT}" '
            f'transform="rotate(-90 {x} {y})">{column.total}</text>'
        )
        drawn.append(
            f'<a class="chart-link" href="{href}"><title>{escape(title(column))}</title>{bars}{number}</a>'
        )
    return mark_safe("\n  ".join(drawn))  # noqa: S308 - every value above is a number or escaped
