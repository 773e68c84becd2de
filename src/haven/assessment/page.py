"""A household's current assessment and overrides in force, read once per household page.

The summary strip at the top of the page and the assessment panel further down both show them; kept on
the household instance for the rest of the request, as :func:`haven.evidence.views.lookup.household_items`
keeps its evidence, so that the page reads them once.
"""

from __future__ import annotations

from typing import Any

from haven.assessment.actions import effective_overrides
from haven.assessment.models import Assessment, AssessmentOverride


def current_assessment(household: Any) -> Assessment | None:
    """The household's stored current assessment, or None if it has not been assessed."""
    if not hasattr(household, "_page_assessment"):
        household._page_assessment = Assessment.objects.filter(household=household, current=True).first()
    found: Assessment | None = household._page_assessment
    return found


def overrides_in_force(household: Any) -> dict[str, AssessmentOverride]:
    """The reviewer's override in force per dimension (see :func:`effective_overrides`)."""
    if not hasattr(household, "_page_overrides"):
        household._page_overrides = effective_overrides(household)
    found: dict[str, AssessmentOverride] = household._page_overrides
    return found
