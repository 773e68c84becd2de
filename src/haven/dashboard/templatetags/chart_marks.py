"""The marks of the dashboard's charts: ``{% chart_marks bars "bars" %}`` and its kinds below.

A dashboard draws some hundred and twenty bars and columns, twice each (wide and for a phone), of a dozen
values each; drawn here in Python they cost a fraction of the template's loop, with the same SVG: the
labels, keys and links escaped, the coordinates written as ``{% localize off %}`` wrote them.
"""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from haven_core.charts import Bar

register = template.Library()

INDENT = "\n    "


def _plain(number: float) -> str:
    """A coordinate or a count as ``{% localize off %}`` writes it: Python's own, never the locale's."""
    return str(number)


def _rect(bar: Bar, tone: str, title: str) -> SafeString:
    return format_html(
        '{}<rect class="mark {}" data-key="{}" data-value="{}" x="{}" y="{}" width="{}" height="{}">'
        "<title>{}: {}</title></rect>",
        format_html('<a class="chart-link" href="{}">', bar.href) if bar.href else "",
        tone,
        bar.key,
        _plain(bar.value),
        _plain(bar.x),
        _plain(bar.y),
        _plain(bar.w),
        _plain(bar.h),
        title,
        _plain(bar.value),
    )


def _bar(bar: Bar, phone: bool) -> list[str]:
    """A horizontal (or funnel) bar with its label and number (dashboard/_bars.html)."""
    anchor = "" if phone else ' text-anchor="end"'
    return [
        _rect(bar, f"tone-{bar.tone}", bar.label),
        format_html(
            '<text class="chart-label" x="{}" y="{}"{} font-size="12">{}</text>',
            _plain(bar.text_x),
            _plain(bar.text_y),
            mark_safe(anchor),  # noqa: S308 - one of the two literals above
            bar.label,
        ),
        format_html(
            '<text class="chart-label" x="{}" y="{}" font-size="12">{}</text>{}',
            _plain(bar.value_x),
            _plain(bar.value_y),
            _plain(bar.value),
            mark_safe("</a>") if bar.href else "",
        ),
    ]


def _column(bar: Bar, granted: str, removed: str) -> list[str]:
    """A month's column of protection granted or of removals, with its number (dashboard/_outcomes.html)."""
    is_removed = bar.label == "removed"
    return [
        _rect(bar, "tone-removed" if is_removed else "tone-good", removed if is_removed else granted),
        format_html(
            '<text class="chart-label" x="{}" y="{}" text-anchor="middle" font-size="10">{}</text>{}',
            _plain(bar.value_x),
            _plain(bar.value_y),
            _plain(bar.value),
            mark_safe("</a>") if bar.href else "",
        ),
    ]


@register.simple_tag
def chart_marks(bars: Sequence[Bar], kind: str) -> SafeString:
    """The marks of ``bars``, each on its own lines as the template's loop wrote them: ``bars`` and
    ``bars-phone`` for the charts of counts, ``columns`` for the outcomes per month."""
    if kind == "columns":
        # the catalogue's words, as {% translate %} put them (not escaped)
        granted = mark_safe(gettext("Protection granted"))  # noqa: S308
        removed = mark_safe(gettext("Removed"))  # noqa: S308
        groups = [_column(bar, granted, removed) for bar in bars]
    elif kind in ("bars", "bars-phone"):
        groups = [_bar(bar, phone=kind == "bars-phone") for bar in bars]
    else:
        raise template.TemplateSyntaxError(f"chart_marks: no such kind of marks: {kind!r}")
    # Every line was built by format_html, which escaped the labels, keys and links it put in.
    return mark_safe("".join(INDENT + INDENT.join(lines) + INDENT for lines in groups))  # noqa: S308
