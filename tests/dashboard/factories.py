"""Households for the dashboard tests: at a stage, assessed at given levels, with outcome events and
verified evidence, made through the case actions and, for the computed rows, straight in the tables."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.actions import household_create
from haven.cases.models import Household, TimelineEvent
from haven.evidence.models import EvidenceItem


def household(
    user: Any,
    *,
    stage: str = "intake",
    urgency: str = "",
    risk: str = "",
    surname: str = "Иванов",
) -> Household:
    """A household of ``user``'s organisation at ``stage``; assessed at the levels given, if any."""
    actor = Actor.for_user(user)
    made = household_create(
        actor=actor,
        organisation=actor.organisation,
        principal={"surname_cyrillic": surname, "given_name_cyrillic": "Пётр", "birth_date": "1985"},
        different_person=True,  # namesakes on purpose: each is a different person
    )
    Household.objects.filter(pk=made.pk).update(stage=stage)  # the pipeline's moves are tested elsewhere
    if urgency or risk:
        assess(made, urgency=urgency or "normal", risk=risk or "low")
    made.refresh_from_db()
    return made


def assess(household: Household, *, urgency: str, risk: str, current: bool = True) -> Assessment:
    return Assessment.objects.create(
        household=household,
        rules_version="test",
        rules_digest="0" * 64,
        inputs_hash="i",
        result_hash="r",
        result="{}",
        assessed_on=dt.date(2026, 11, 1),
        computed_at=timezone.now(),
        current=current,
        risk_level=risk,
        risk_score=0.5,
        vulnerability_level="low",
        vulnerability_score=0.1,
        urgency_level=urgency,
        urgency_score=0.5,
    )


def override(household: Household, reviewer: Any, *, dimension: str, level: str) -> AssessmentOverride:
    return AssessmentOverride.objects.create(
        household=household,
        dimension=dimension,
        computed_level="",
        level=level,
        justification="Тест",
        reviewer=reviewer,
    )


def event(household: Household, kind: str, date: dt.date) -> TimelineEvent:
    return TimelineEvent.objects.create(household=household, kind=kind, date=date, note="")


def document_well(household: Household, *, verified: bool = True) -> list[EvidenceItem]:
    """Three posts from two sites over a year for the principal: well documented once verified."""
    principal = household.people.get(relationship="principal")
    status = "verified" if verified else "unreviewed"
    sources = [
        ("https://t.me/channel/1", dt.date(2023, 3, 1)),
        ("https://t.me/channel/2", dt.date(2023, 9, 1)),
        ("https://vk.com/wall-1_2", dt.date(2024, 3, 1)),
    ]
    return [
        EvidenceItem.objects.create(
            person=principal, kind="social_post", source_url=url, published_on=day, status=status
        )
        for url, day in sources
    ]


def referred(coordinator: Any, liaison: Any, decisions: list[tuple[Household, str]]) -> None:
    """One referral batch to ``liaison`` with an entry per household, decided as given."""
    from haven.referral.models import ReferralBatch, ReferralEntry
    from haven.selection.models import SelectionRun
    from tests.selection.factories import selection_run_for

    batch = ReferralBatch.objects.create(
        reference=f"R-TEST-{ReferralBatch.objects.count() + 1:04d}",
        run=SelectionRun.objects.get(public_id=selection_run_for(coordinator)),
        recipient=liaison,
        profile="test",
        created_by=coordinator,
    )
    for household, decision in decisions:
        ReferralEntry.objects.create(batch=batch, household=household, decision=decision)
