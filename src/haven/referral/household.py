"""A household's referrals as its page shows them, read once per page (the summary strip at the top
says the latest state; the referrals panel further down lists them all)."""

from __future__ import annotations

from typing import Any

from haven.referral.models import ReferralEntry


def household_entries(household: Any) -> list[ReferralEntry]:
    """The household's referral entries, the newest batch first."""
    if not hasattr(household, "_page_referrals") and "referral_entries" in getattr(
        household, "_prefetched_objects_cache", {}
    ):  # the household page has read them in this order already
        household._page_referrals = list(household.referral_entries.all())
    if not hasattr(household, "_page_referrals"):
        household._page_referrals = list(
            ReferralEntry.objects.filter(household=household)
            .select_related("batch__recipient", "decided_by")
            .order_by("-batch__created_at", "-id")
        )
    found: list[ReferralEntry] = household._page_referrals
    return found
