"""The assessment panel on the household page: ``{% assessment_panel %}`` (see assessment/_panel.html).

The household page belongs to the case views; the panel loads what it needs itself, so that the page
only includes one template. It shows the stored (current) assessment, which is what selection uses,
and tells when the records or the rules have changed since: it computes the assessment afresh to know.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from haven.assessment import panel_cache
from haven.assessment.display import Line, Source, Words, level_label, panel
from haven.assessment.facts import household_facts, loaded_household_facts
from haven.assessment.models import DIMENSION_CHOICES
from haven.assessment.page import current_assessment, overrides_in_force
from haven.assessment.rules import current_rules
from haven.assessment.store import up_to_date
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


def _worded(household: Household, stored: Any, rules: Any) -> tuple[dict[str, int], SafeString]:
    """The evidence counts and the rendered details of the stored assessment (see
    :mod:`haven.assessment.panel_cache` for why they are kept, and under which key)."""
    names = _names(household)
    titles = tuple((str(item.public_id), item.title) for item in household_items(household))
    key = (
        stored.pk,
        stored.result_hash,
        rules.digest if rules is not None else "",
        translation.get_language(),
        timezone.get_current_timezone_name(),
        tuple(names.items()),
        titles,
    )

    def render() -> tuple[dict[str, int], SafeString]:
        result = core.from_json(stored.result)
        shown = panel(result, Words(people=names, evidence=_titles(household, result), rules=rules))
        return shown["evidence"], SafeString(
            render_to_string("assessment/_panel_details.html", {"shown": shown})
        )

    return panel_cache.worded(key, render)


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
        stale = not up_to_date(stored, facts, rules, timezone.localdate())
    evidence: dict[str, int] = {}
    details = SafeString("")
    if stored is not None:
        evidence, details = _worded(household, stored, rules)
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
        "evidence": evidence,
        "details": details,
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


def _row(line: Line, words: dict[str, SafeString]) -> str:
    """One line of a score's table, as the loop of assessment/_lines.html wrote it."""
    reasons = format_html_join("", "<li>{}</li>", ((reason,) for reason in line.reasons))
    person = format_html('<br><span class="muted">{}</span>', line.person) if line.person else ""
    points = (
        floatformat(line.points, "-2")
        if line.counted
        else format_html('<span class="badge">{}</span>', words["not counted"])
    )
    if line.unverified:
        confidence = format_html('<span class="badge badge-unverified">{}</span>', words["Unverified"])
    else:
        confidence = format_html('<span class="muted">{}</span>', line.confidence_label)
    cells: list[str] = [
        format_html("    <tr{}>", mark_safe(' class="not-counted"') if not line.counted else ""),
        format_html('      <td data-label="{}">{}{}</td>', words["Reason"], line.what, person),
        format_html('      <td data-label="{}">', words["Why"]),
        format_html('        <ul class="reasons">{}</ul>', reasons),
    ]
    if line.detail:
        cells.append(format_html('        <p class="hint">{}</p>', line.detail))
    if line.evidence:
        evidence = "; ".join(str(title) for title in line.evidence)
        cells.append(format_html('        <p class="muted">{}: {}</p>', words["Evidence"], evidence))
    cells += [
        "      </td>",
        format_html('      <td class="num" data-label="{}">{}</td>', words["Points"], points),
        format_html('      <td data-label="{}">', words["Source"]),
        format_html("        {}", source_list(line.sources)),
        format_html("        {}", confidence),
    ]
    if line.basis_label:
        cells.append(format_html('        <span class="badge badge-choice">{}</span>', line.basis_label))
    cells += ["      </td>", "    </tr>"]
    return "\n" + "\n".join(cells) + "\n  "


# The column words of a score's table, in the reader's language (the catalogue's text: not escaped).
_LINE_WORDS = ("Reason", "Why", "Points", "Source", "Evidence", "not counted", "Unverified")


@register.simple_tag
def assessment_rows(lines: Sequence[Line]) -> SafeString:
    """The rows of a score's table (persecution risk, vulnerability, urgency, each other member's risk):
    some twenty lines of a dozen values each on a household's page, drawn here rather than by a loop."""
    if not lines:
        empty = gettext("Nothing in the records adds to this score.")
        return format_html('\n    <tr><td colspan="4" class="muted">{}</td></tr>\n  ', mark_safe(empty))  # noqa: S308
    words = {word: mark_safe(gettext(word)) for word in _LINE_WORDS}  # noqa: S308
    # Each row was built by format_html, which escaped every value of the line it put in.
    return mark_safe("".join(_row(line, words) for line in lines))  # noqa: S308


@register.filter
def level_name(level: str) -> str:
    """A level's name in the reader's language (``very_high`` → “Very high”)."""
    return level_label(level)
