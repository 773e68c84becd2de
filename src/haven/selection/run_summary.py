"""What a run was asked, in words: its weights, filters, limits, pins and what became of each pin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from haven.cases.models.household import STAGE_CHOICES


def _yes(value: Any) -> str:
    return str(_("yes")) if value else str(_("no"))


def run_settings(parameters: Mapping[str, Any], organisations: Mapping[str, str]) -> list[tuple[str, str]]:
    """The run's settings as (label, value) rows; a filter left empty reads "all"."""
    weights = parameters.get("weights", {})
    filters = parameters.get("filters", {})
    limits = parameters.get("limits", {})
    stages = dict(STAGE_CHOICES)
    everyone = str(_("all"))
    per_pathway = limits.get("per_pathway") or {}
    audience = parameters.get("audience", "officials")
    rows = [
        (_("Quota (places)"), str(parameters.get("quota", ""))),
        (
            _("Weights (risk, vulnerability, urgency)"),
            " · ".join(number_format(weights.get(k, 0)) for k in ("risk", "vulnerability", "urgency")),
        ),
        (_("Lowest priority per person"), number_format(parameters.get("min_priority", 0))),
        (_("Emergency cases first"), _yes(parameters.get("emergency_first", True))),
        (
            _("The referral will go to"),
            str(_("government officials")) if audience == "officials" else str(_("private sponsors")),
        ),
        (
            _("Households not yet ready for referral"),
            str(_("included, and marked")) if parameters.get("include_not_ready") else str(_("left out")),
        ),
        (
            _("Statuses"),
            ", ".join(str(stages.get(s, s)) for s in filters.get("stages", [])) or everyone,
        ),
        (
            _("Organisations"),
            ", ".join(organisations.get(o, o) for o in filters.get("organisations", [])) or everyone,
        ),
        (_("Only households with someone detained"), _yes(filters.get("detained_only"))),
        (_("Pathways"), ", ".join(filters.get("pathways", [])) or everyone),
        (
            _("At most places per organisation"),
            str(limits.get("per_organisation") or _("no limit")),
        ),
        (
            _("Sub-quotas of pathways"),
            ", ".join(f"{k} = {v}" for k, v in per_pathway.items()) or str(_("none")),
        ),
    ]
    return [(str(label), value) for label, value in rows]


def pin_fates(parameters: Mapping[str, Any], households: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each pin with what became of it: its household's outcome in the run."""
    by_ref = {h["reference"]: h for h in households}
    fates = []
    for pin in parameters.get("pins", []):
        outcome = by_ref.get(pin["key"])
        if outcome is None:
            fate = str(_("no such household was considered"))
        elif outcome["selected"]:
            fate = str(_("selected"))
        else:
            fate = str(_("left out: %(why)s") % {"why": outcome["why"]})
        fates.append({**pin, "fate": fate})
    return fates
