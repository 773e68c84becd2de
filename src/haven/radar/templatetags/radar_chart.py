"""The radar chart's day columns as SVG, written here rather than by the template language: ninety-one
columns of up to six parts, each column a link with its title and number, cost far more as a template
loop with a date, plurals and a query string for each."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from haven_core.deadlines import Kind
from haven_core.deadlines_chart import Chart, Column

register = template.Library()

FONT = 9  # the size of a day's number, written upwards above its column


def _words(kind: Kind | None, n: int) -> str:
    """``n`` deadlines of ``kind`` (of any kind when None) in words."""
    if kind is None:
        text = ngettext("%(counter)s deadline", "%(counter)s deadlines", n)
    elif kind is Kind.REMOVAL:
        text = ngettext("%(counter)s removal", "%(counter)s removals", n)
    elif kind is Kind.HEARING:
        text = ngettext("%(counter)s hearing", "%(counter)s hearings", n)
    else:
        text = ngettext("%(counter)s other event", "%(counter)s other events", n)
    return text % {"counter": n}


class _Titles:
    """What each column says in words: its day, its number, and how many of each kind and of detained
    people, e.g. "12/10/2026: 14 deadlines: 3 removals (detained: 2), 11 hearings". Numbers recur from
    column to column (a few hundred deadlines a day at most), so each phrase is translated once."""

    def __init__(self) -> None:
        self._said: dict[tuple[Kind | None, int], str] = {}
        self._day_format = get_format("SHORT_DATE_FORMAT")

    def _say(self, kind: Kind | None, n: int) -> str:
        key = (kind, n)
        if key not in self._said:
            self._said[key] = _words(kind, n)
        return self._said[key]

    def _detained(self, n: int) -> str:
        key = (None, -n)
        if key not in self._said:
            self._said[key] = " (" + gettext("detained: %(counter)s") % {"counter": n} + ")"
        return self._said[key]

    def __call__(self, column: Column) -> str:
        said = []
        for kind in (Kind.REMOVAL, Kind.HEARING, Kind.EVENT):
            if n := column.of(kind):
                detained = sum(p.count for p in column.parts if p.kind is kind and p.detained)
                said.append(self._say(kind, n) + (self._detained(detained) if detained else ""))
        day = dateformat.format(column.date, self._day_format)
        return f"{day}: {self._say(None, column.total)}: {', '.join(said)}"


def title(column: Column) -> str:
    """What ``column`` says in words (see :class:`_Titles`)."""
    return _Titles()(column)


@register.simple_tag(takes_context=True)
def radar_columns(context: dict[str, Any], chart: Chart) -> SafeString:
    """Each day's column: a bar per kind and detention (removals red, hearings blue, other events grey;
    detained people's dark with a thick outline), its number above, its title in words, all one link
    to the list of that day's deadlines (the other filters kept). Escaped where text can come in (a
    translation, the query string); the rest are numbers, never localised."""
    title = _Titles()
    query = context["request"].GET.copy()
    for name in ("page", "day"):
        query.pop(name, None)
    kept = escape(query.urlencode() + "&" if query else "")  # the other filters, the same for every column
    drawn: list[str] = []
    for column in chart.columns:
        href = f"?{kept}day={column.date.isoformat()}#deadlines"
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
