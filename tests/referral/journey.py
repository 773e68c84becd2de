"""A referral made the way Haven's users make one, for the tests that walk the whole path: a household
documented and verified, moved through the pipeline to "assessed", assessed, selected by a
coordinator's run that a second coordinator approves, and referred to the liaison — every step through
Haven's own action functions, none by writing rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.assessment.actions import household_assess
from haven.cases.actions import household_move
from haven.evidence.actions import evidence_add, evidence_verify
from haven.referral.actions import referral_batch_create
from haven_core.pipeline import Stage
from haven_core.selection import Filters, Parameters

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
