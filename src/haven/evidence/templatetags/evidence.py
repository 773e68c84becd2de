"""The evidence section of the household page (each person's documentation summary and evidence), and the
rows of an item's chain of custody."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from haven.cases.templatetags.caseload import shown_date
from haven.evidence.presenting import CustodyRow, item_entries
from haven.evidence.views.lookup import household_items, person_documentation

register = template.Library()


@register.inclusion_tag("evidence/_household_section.html", takes_context=True)
def evidence_section(context: template.Context, household: Any, people: Sequence[Any]) -> dict[str, Any]:
    items_by_person: dict[int, list[Any]] = {person.pk: [] for person in people}
    for item in household_items(household):
        items_by_person.setdefault(item.person_id, []).append(item)
    rows = []
    for person in people:
        items = items_by_person.get(person.pk, [])
        summary = person_documentation(household, person.pk)
        rows.append({"person": person, "entries": item_entries(items, summary), "summary": summary})
    return {"household": household, "rows": rows, "request": context.get("request")}


@register.filter
def short_hash(sha256: str) -> str:
    return f"{sha256[:12]}…" if sha256 else ""


@register.simple_tag
def custody_table_rows(rows: Sequence[CustodyRow]) -> SafeString:
    """The rows of an item's chain of custody: when, who, what. Every view of the item is one, so an item
    often looked at has hundreds; drawn here rather than by a template loop of eight values each."""
    if not rows:
        nothing = gettext("Nothing recorded yet.")  # the catalogue's words, as {% translate %} put them
        return format_html('<tr><td colspan="3" class="muted">{}</td></tr>', mark_safe(nothing))  # noqa: S308
    haven = mark_safe(gettext("Haven"))  # noqa: S308 - the catalogue's word, for entries of no user
    return format_html_join(
        "",
        '<tr><td class="date">{}</td><td>{}</td><td>{}{}{}</td></tr>',
        (
            (
                shown_date(row.entry.at, "SHORT_DATETIME_FORMAT"),
                (row.entry.actor.get_username() if row.entry.actor else "") or haven,
                row.label,
                format_html(": {}", row.verdict) if row.verdict else "",
                format_html(" · <code>{}</code>", short_hash(row.sha256)) if row.sha256 else "",
            )
            for row in rows
        ),
    )
