"""Selection tests: households made assessed and well documented through the real write paths."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.evidence.models import EvidenceItem, EvidenceTag
from tests.referral.batch_builders import at_stage, consent_all


def document_well(person: Any) -> None:
    """Three verified items from two sources over more than half a year: well documented."""
    for key, url, day in (
        ("a", "https://t.me/kotova_ju/118", "2022-03-06"),
        ("b", "https://meduza.io/news/2022/09/22/protest", "2022-09-22"),
        ("c", "https://t.me/kotova_ju/240", "2023-02-24"),
    ):
        item = EvidenceItem.objects.create(
            person=person, status="verified", kind="social_post", title=f"Пост {key}", source_url=url
        )
        EvidenceTag.objects.create(item=item, tag="anti_war_post", activity_date=dt.date.fromisoformat(day))


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
