"""The referrals panel of the household page: where the household was referred and what was decided."""

from __future__ import annotations

from typing import Any

from django import template

from haven.referral.household import household_entries

register = template.Library()


@register.inclusion_tag("referral/_household_panel.html")
def referral_decisions(household: Any) -> dict[str, Any]:
    return {"entries": household_entries(household)}
