"""Referrals for the tests: approved selection runs and referral batches (a run saved as the selection page
saves one); a referred household as the dossier tests need it; and a referral made the way Haven's users make
one, for the tests that walk the whole path."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.accounts.models import Organisation
from haven.assessment.actions import assessment_override, household_assess
from haven.cases.actions import household_move, person_update, us_record_save
from haven.cases.models import Household
from haven.evidence.actions import evidence_add, evidence_verify
from haven.evidence.models import TrustedTimestamp
from haven.referral.actions import referral_batch_create
from haven.selection.models import SelectionRun
from haven_core.pipeline import Stage
from haven_core.selection import Filters, Parameters
from tests.support.personas import kotova_household, make_user


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


TODAY = dt.date(2026, 11, 24)

POST_TEXT = "Нет войне. Пикет у памятника Пушкину, 6 марта 2022 года.".encode()

ADDRESS = "1187 Linden Avenue, Buffalo NY 14214"

PDFTOTEXT = Path("/usr/bin/pdftotext")


def pdf_text(pdf: bytes) -> str:
    if not PDFTOTEXT.exists():
        pytest.skip("pdftotext (poppler-utils) is not installed at /usr/bin/pdftotext: cannot read PDFs")
    done = subprocess.run(  # noqa: S603 - a fixed program reading bytes on stdin
        [str(PDFTOTEXT), "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def squeezed(text: str) -> str:
    """The text without any white space: a long hash may wrap across lines in a narrow column."""
    return "".join(text.split())


def referred_household(suffix: str = "") -> dict[str, Any]:
    org = Organisation.objects.create(name="Free Russia Aid", slug=f"fra{suffix}")
    caseworker = make_user(f"anna{suffix}", "caseworker", org)
    reviewer = make_user(f"rita{suffix}", "reviewer", org)
    actor, checker = Actor.for_user(caseworker), Actor.for_user(reviewer)
    household = kotova_household(caseworker, org)
    principal = household.principal
    person_update(actor=actor, person=principal, fields={"address": ADDRESS, "citizenships": "RU"})
    us_record_save(
        actor=actor,
        person=principal,
        fields={
            "a_number": "212345678",
            "status": "final_order",
            "detained": True,
            "detention_facility": "Buffalo Federal Detention Facility",
            "court": "Batavia Immigration Court",
            "removal_order_date": dt.date(2026, 9, 3),
            "removal_scheduled_date": dt.date(2026, 12, 9),
        },
    )
    post = evidence_add(
        actor=actor,
        person=principal,
        fields={
            "kind": "social_post",
            "title": "Пост о пикете",
            "source_url": "https://t.me/kotova_ju/118",
            "language": "ru",
            "published_on": dt.date(2022, 3, 6),
            "tags": [
                ("public_antiwar_statement", dt.date(2022, 3, 6)),
                ("protest_participation", dt.date(2022, 3, 6)),
            ],
        },
        data=POST_TEXT,
        filename="пост.txt",
    )
    evidence_verify(actor=checker, item=post, verdict="verified", note="Checked the channel's archive.")
    blob = post.files.get().blob
    TrustedTimestamp.objects.create(
        blob=blob,
        authority="https://tsa.example.org",
        token=b"\x30\x03\x02\x01\x00",
        generated_at=dt.datetime(2026, 11, 2, tzinfo=dt.UTC),
    )
    stored = household_assess(actor=actor, household=household, today=TODAY)
    assessment_override(
        actor=checker,
        household=household,
        dimension="urgency",
        level="emergency",
        justification="Removal flight confirmed by the attorney.",
    )
    return {
        "household": household,
        "sha256": blob.sha256,
        "assessment": stored,
        "org": org,
        "caseworker": caseworker,
        "reviewer": reviewer,
    }


# Three statements from two sources over more than half a year: the principal is well documented.
STATEMENTS = (
    ("https://t.me/kotova_ju/118", dt.date(2022, 3, 6)),
    ("https://meduza.io/news/2022/09/22/protest", dt.date(2022, 9, 22)),
    ("https://t.me/kotova_ju/240", dt.date(2023, 2, 24)),
)


def ready_for_referral(household: Any, caseworker: Any, reviewer: Any) -> Any:
    """Document, verify, move to "assessed" and assess ``household`` as its caseworker and reviewer; every
    adult consents to referral."""
    worker, checker = Actor.for_user(caseworker), Actor.for_user(reviewer)
    for n, (url, day) in enumerate(STATEMENTS):
        item = evidence_add(
            actor=worker,
            person=household.principal,
            fields={
                "kind": "social_post",
                "title": f"Пост против войны {n + 1}",
                "source_url": url,
                "language": "ru",
                "published_on": day,
                "tags": [("public_antiwar_statement", day)],
            },
            data=f"Нет войне {n + 1}".encode(),
            filename=f"post-{n + 1}.txt",
        )
        evidence_verify(actor=checker, item=item, verdict="verified", note="Checked against the archive.")
    for stage in (Stage.DOCUMENTING, Stage.READY_FOR_REVIEW, Stage.ASSESSED):
        household_move(actor=checker, household=household, stage=stage)
    household_assess(actor=checker, household=household)
    from haven.consent.actions import consent_record
    from haven.consent.queries import adult

    today = timezone.localdate()
    for person in household.people.all():
        if adult(person, today):  # every adult agrees to share their record with officials and sponsors
            consent_record(
                actor=worker,
                household=household,
                person=person,
                officials=True,
                sponsors=True,
                given_on=today,
            )
    household.refresh_from_db()
    return household


def referred(coordinator: Any, approver: Any, liaison: Any, household: Any) -> Any:
    """A selection run by ``coordinator``, approved by ``approver`` (a second coordinator), referred to
    ``liaison``: the batch."""
    from haven.selection.actions import selection_run_approve, selection_run_create

    params = Parameters(quota=10, filters=Filters(stages=frozenset({Stage.ASSESSED.value})))
    run = selection_run_create(actor=Actor.for_user(coordinator), params=params, quotas=[10])
    assert run.households_selected == 1, "the household is not selectable"
    run = selection_run_approve(actor=Actor.for_user(approver), run=run)
    return referral_batch_create(
        actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile="officer"
    )
