"""The evidence section of the household page: each person's documentation summary and evidence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template

from haven.evidence.documentation_facts import assess_items
from haven.evidence.presenting import documentation_summary, item_entries
from haven.evidence.views.lookup import household_items

register = template.Library()


@register.inclusion_tag("evidence/_household_section.html", takes_context=True)
def evidence_section(context: template.Context, household: Any, people: Sequence[Any]) -> dict[str, Any]:
    items_by_person: dict[int, list[Any]] = {person.pk: [] for person in people}
    for item in household_items(household):
        items_by_person.setdefault(item.person_id, []).append(item)
    rows = []
    for person in people:
        items = items_by_person.get(person.pk, [])
        summary = documentation_summary(assess_items(items))
        rows.append({"person": person, "entries": item_entries(items, summary), "summary": summary})
    return {"household": household, "rows": rows, "request": context.get("request")}


@register.filter
def short_hash(sha256: str) -> str:
    return f"{sha256[:12]}…" if sha256 else ""
