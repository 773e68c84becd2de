"""Approved selection runs and referral batches for the referral tests and the authorisation matrix.

A run is saved as the selection page saves one (its results JSON), with the given households selected
in that order; households are put at a status a referral accepts ("assessed" by default), and every
adult in them consents to referral.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.cases.models import Household
from haven.referral.actions import referral_batch_create
from haven.selection.models import SelectionRun


def at_stage(household: Any, stage: str) -> Any:
    Household.objects.filter(pk=household.pk).update(stage=stage)
    household.refresh_from_db()
    return household


def consent_all(household: Any, recorded_by: Any, *, officials: bool = True, sponsors: bool = True) -> None:
    """Every adult of ``household`` consents to share their record (written directly: the consent tests
    cover the action that records it)."""
    from haven.consent.models import Consent
    from haven.consent.queries import adult

    for person in household.people.all():
        if adult(person):
            Consent.objects.create(
                household=household,
                person=person,
                officials=officials,
                sponsors=sponsors,
                given_on=timezone.localdate(),
                recorded_by=recorded_by,
            )


def approved_run(
    coordinator: Any, households: Sequence[Any], *, approved: bool = True, consent: bool = True
) -> SelectionRun:
    """The run; unless ``consent`` is false, every adult of its households consents to referral."""
    rows = []
    for household in households if consent else ():
        consent_all(household, coordinator)
    for rank, household in enumerate(households, start=1):
        people = household.people.count()
        rows.append(
            {
                "reference": household.reference,
                "people": people,
                "organisation": household.organisation.slug,
                "emergency": False,
                "priority": 0.8 - rank / 100,
                "value": round(people * (0.8 - rank / 100), 3),
                "contributions": [],
                "eligible": True,
                "selected": True,
                "in_greedy": True,
                "rank": rank,
                "reason": "selected",
                "detail": {"order": rank, "value": 1.5, "share": 0.5},
            }
        )
    results = {
        "parameters": {"quota": 10},
        "exact": {"households": len(rows), "people": sum(r["people"] for r in rows), "priority": 1.0},
        "greedy": {"households": len(rows), "people": sum(r["people"] for r in rows), "priority": 1.0},
        "gain": 0,
        "seconds": 0.01,
        "households": rows,
        "what_if": [],
    }
    return SelectionRun.objects.create(
        created_by=coordinator,
        quota=10,
        parameters={"quota": 10},
        inputs="[]",
        results=json.dumps(results),
        households_selected=len(rows),
        people_selected=sum(r["people"] for r in rows),
        approved_at=timezone.now() if approved else None,
        approved_by=coordinator if approved else None,
    )


def batch_for(coordinator: Any, liaison: Any, households: Sequence[Any], profile: str = "officer") -> Any:
    """A batch addressed to ``liaison`` holding ``households`` (moved to "assessed" first, every adult
    consenting to share their record)."""
    for household in households:
        at_stage(household, "assessed")
    run = approved_run(coordinator, households)
    return referral_batch_create(
        actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile=profile
    )
