"""Households with work waiting on every home page: a deadline, evidence sent back and evidence to verify,
a registry hit, a gap in the records and an override whose computed level has moved since."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.actions import assessment_override, household_assess
from haven.assessment.models import Assessment
from haven.cases.actions import household_create, us_record_save
from haven.evidence.actions import evidence_add, evidence_verify
from haven.registries.models import ScreeningHit


def in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def evidence(actor: Actor, person: Any, title: str) -> Any:
    return evidence_add(
        actor=actor,
        person=person,
        fields={
            "kind": "social_post",
            "title": title,
            "source_url": "https://t.me/kotova/1",
            "language": "ru",
            "published_on": dt.date(2022, 3, 6),
            "tags": [("public_antiwar_statement", dt.date(2022, 3, 6))],
        },
        data=title.encode(),
        filename="post.txt",
    )


def busy_household(organisation: Any, caseworker: Any, reviewer: Any, name: str) -> Any:
    """A household of ``caseworker`` (its owner) with one piece of each kind of work waiting."""
    actor, checker = Actor.for_user(caseworker), Actor.for_user(reviewer)
    household = household_create(
        actor=actor,
        organisation=organisation,
        principal={
            "surname_cyrillic": name,
            "given_name_cyrillic": "Юлия",
            "surname_latin": "KOTOVA",
            "given_name_latin": "IULIIA",
            "sex": "F",
            "birth_date": "1988-04-12",
        },
        different_person=True,
    )
    person = household.principal
    us_record_save(
        actor=actor,
        person=person,
        fields={
            "status": "removal_proceedings",
            "detained": True,  # and no facility recorded: a data warning
            "next_hearing_date": in_days(10),
            "removal_scheduled_date": in_days(5),
        },
    )
    sent_back = evidence(actor, person, f"Пикет {name}")
    evidence_verify(actor=checker, item=sent_back, verdict="disputed", note="The link shows another account.")
    evidence(actor, person, f"Статья {name}")  # waits for a reviewer
    ScreeningHit.objects.create(person=person, entry_ref="", score=0.91, decision="review", status="open")
    household_assess(actor=actor, household=household, today=timezone.localdate())
    assessment_override(
        actor=checker,
        household=household,
        dimension="risk",
        level="very_high",
        justification="Wanted listing confirmed by the lawyer.",
    )
    # The records moved the computed level since the override was made: it needs signing again.
    current = Assessment.objects.get(household=household, current=True)
    moved = "moderate" if current.risk_level != "moderate" else "high"
    Assessment.objects.filter(pk=current.pk).update(risk_level=moved)
    household.refresh_from_db()
    return household
