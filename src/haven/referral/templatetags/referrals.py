"""The referrals panel of the household page: where the household was referred and what was decided."""

from __future__ import annotations

from typing import Any

from django import template

from haven.referral.models import ReferralEntry

register = template.Library()


@register.inclusion_tag("referral/_household_panel.html")
def referral_decisions(household: Any) -> dict[str, Any]:
    entries = (
        ReferralEntry.objects.filter(household=household)
        .select_related("batch__recipient", "decided_by")
        .order_by("-batch__created_at", "-id")
    )
    return {"entries": list(entries)}
