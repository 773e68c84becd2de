"""The assessment panel on the household page: ``{% assessment_panel %}`` (see assessment/_panel.html).

The household page belongs to the case views; the panel loads what it needs itself, so that the page
only includes one template. It shows the stored (current) assessment, which is what selection uses,
and tells when the records or the rules have changed since: it computes the assessment afresh to know.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from haven.assessment.display import Source, Words, level_label, panel
from haven.assessment.facts import household_facts, loaded_household_facts
from haven.assessment.models import DIMENSION_CHOICES
from haven.assessment.page import current_assessment, overrides_in_force
from haven.assessment.rules import current_rules
from haven.assessment.store import Computed
from haven.cases.models import Household
from haven.evidence.views.lookup import household_items
from haven_core import assessment as core
from haven_core.assessment import RulesError
from haven_core.assessment.review import can_override

register = template.Library()


def _names(household: Household) -> dict[str, str]:
    return {str(p.public_id): p.display_name for p in household.people.all()}


def _titles(household: Household, result: core.Assessment) -> dict[str, str]:
    ids = {e for p in result.people for c in p.risk.contributions for e in c.evidence}
    if not ids:
        return {}
    items = [item for item in household_items(household) if str(item.public_id) in ids]
    return {str(item.public_id): item.title or str(item.public_id)[:8] for item in items}


def _facts(household: Household) -> core.HouseholdFacts:
    """The household's facts: from what its page loaded when it did (people with their records and ties
    prefetched, see ``household_detail``), else read afresh."""
    if "people" in getattr(household, "_prefetched_objects_cache", {}):
        return loaded_household_facts(list(household.people.all()), household_items(household))
    found = household_facts(Household.objects.filter(pk=household.pk))
    return found.get(household.pk, core.HouseholdFacts(()))


@register.inclusion_tag("assessment/_panel_body.html", takes_context=True)
def assessment_panel(context: template.Context) -> dict[str, Any]:
    household: Household = context["household"]
    request = context["request"]
    actor = getattr(request, "actor", None)
    stored = current_assessment(household)
    try:
        rules = current_rules()
    except (RulesError, OSError):
        rules = None
    stale = False
    if rules is not None:
        facts = _facts(household)
        stale = stored is None or not Computed.of(household.pk, facts, rules, timezone.localdate()).same_as(
            stored
        )
    shown: dict[str, Any] = {}
    if stored is not None:
        result = core.from_json(stored.result)
        words = Words(people=_names(household), evidence=_titles(household, result), rules=rules)
        shown = panel(result, words)
    overrides = overrides_in_force(household)
    dimensions = []
    if stored is not None:
        for dimension in ("risk", "vulnerability", "urgency"):
            override = overrides.get(dimension)
            dimensions.append(
                {
                    "name": dimension,
                    "computed": level_label(getattr(stored, f"{dimension}_level")),
                    "computed_code": getattr(stored, f"{dimension}_level"),
                    "score": getattr(stored, f"{dimension}_score"),
                    "override": override,
                    "override_label": level_label(override.level) if override else "",
                    "override_was": level_label(override.computed_level) if override else "",
                }
            )
    may_override = actor is not None and can_override(actor.role)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "household": household,
        "stored": stored,
        "stale": stale,
        "rules": rules,
        "shown": shown,
        "dimensions": dimensions,
        "may_override": may_override and stored is not None,
        "override_dimensions": DIMENSION_CHOICES if may_override else [],
    }


@register.simple_tag
def source_list(sources: Sequence[Source]) -> SafeString:
    """The public sources of a line, a category or a route, each with its date, detail and link, and
    marked when its reference is still to be confirmed. An assessment lists some thirty of these: one
    tag rather than an included template each."""
    if not sources:
        return mark_safe("\n")
    # the catalogue's words, as {% translate %} put them in the page (not escaped)
    confirm = mark_safe(gettext("Reference to be confirmed"))  # noqa: S308
    to_confirm = format_html(' <span class="badge badge-unverified">{}</span>', confirm)
    items = (
        format_html(
            "<li>{}{}{}{}{}</li>",
            source.title,
            format_html(", {}", source.date) if source.date else "",
            format_html(". {}", source.detail) if source.detail else "",
            format_html(
                ' — <a href="{}" rel="noopener noreferrer" target="_blank">{}</a>', source.url, source.url
            )
            if source.url
            else "",
            to_confirm if source.unverified else "",
        )
        for source in sources
    )
    return format_html(
        '<ul class="sources">{}</ul>\n', format_html_join("", "{}", ((item,) for item in items))
    )


@register.filter
def level_name(level: str) -> str:
    """A level's name in the reader's language (``very_high`` → “Very high”)."""
    return level_label(level)
