"""Selection tests: households made assessed and well documented through the real write paths."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from tests.support.referral import at_stage, consent_all
from tests.support.selection import document_well


@pytest.fixture
def ready_households(household_a: Any, household_b: Any, coordinator: Any) -> tuple[Any, Any]:
    """household_a (two people) assessed, well documented and ready for referral (its adult consents);
    household_b (one) assessed only."""
    document_well(household_a.principal)
    for h in (household_a, household_b):
        household_assess(actor=Actor.system(), household=h, today=dt.date(2026, 11, 1))
        at_stage(h, "assessed")
        consent_all(h, coordinator)
    return household_a, household_b
