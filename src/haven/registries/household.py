"""What a household's page shows of its registry hits, read once per page (the summary strip at the
top and the listings panel further down both show how many wait for a reviewer)."""

from __future__ import annotations

from typing import Any

from haven.registries.models import ScreeningHit


def open_hit_count(household: Any) -> int:
    """How many registry hits on the household's people wait for a reviewer's decision."""
    if not hasattr(household, "_page_open_hits"):
        household._page_open_hits = ScreeningHit.objects.filter(
            person__household=household, status="open"
        ).count()
    found: int = household._page_open_hits
    return found
