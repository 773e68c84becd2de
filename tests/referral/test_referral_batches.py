"""Only the coordinator refers an approved selection, to a liaison; each household moves to "referred" on
its timeline, and one that cannot be referred now is left out with its reason."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange, NotAllowed
from haven.referral.actions import referral_batch_create
from haven.referral.models import ReferralBatch, ReferralEntry
from haven.selection.actions import selection_run_approve, selection_run_create
from haven_core.selection import Parameters
from tests.support.personas import make_user
from tests.support.referral import approved_run, at_stage, batch_for, consent_all

pytestmark = pytest.mark.django_db


def test_households_pass_through_shortlisted_to_referred_on_their_timeline(
    coordinator: Any, liaison: Any, household_a: Any, household_b: Any
) -> None:
    at_stage(household_a, "assessed")
    at_stage(household_b, "shortlisted")
    run = approved_run(coordinator, [household_a, household_b])
    batch = referral_batch_create(
        actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile="officer"
    )
    year = timezone.now().year
    assert batch.reference == f"R-{year}-0001" and batch.recipient == liaison and batch.skipped == []
    entries = list(batch.entries.order_by("rank"))
    assert [(e.household_id, e.rank, e.people, e.reason) for e in entries] == [
        (household_a.pk, 1, 2, "selected"),
        (household_b.pk, 2, 1, "selected"),
    ]
    assert all(e.decision == "pending" for e in entries)
    household_a.refresh_from_db()
    household_b.refresh_from_db()
    assert household_a.stage == household_b.stage == "referred"
    moves_a = [e.note for e in household_a.events.filter(kind="status_changed").order_by("id")]
    assert moves_a[-2:] == [
        f"assessed → shortlisted: referral batch {batch.reference}",
        f"shortlisted → referred: referral batch {batch.reference}",
    ]
    assert household_b.events.filter(kind="status_changed").count() == 1
    # The audit trail: the batch in counts, and each step on the household's own trail.
    entry = AuditEntry.objects.get(action="referral.create")
    assert entry.target == str(batch.public_id)
    assert entry.detail | {"run": ""} == {
        "batch": batch.reference,
        "run": "",
        "profile": "officer",
        "households": 2,
        "people": 3,
        "skipped": 0,
        "selection_made_by": "coco",
        "selection_approved_by": "coco",
    }
    assert "Котова" not in json.dumps(entry.detail) and household_a.reference not in json.dumps(entry.detail)
    steps = AuditEntry.objects.filter(action="household.move", household_ref=household_a.reference)
    assert [(s.detail["stage_from"], s.detail["stage_to"]) for s in steps.order_by("seq")][-2:] == [
        ("assessed", "shortlisted"),
        ("shortlisted", "referred"),
    ]
    # Batch references count up within the year.
    again = batch_for(coordinator, make_user("lia2", "liaison", None), [_third(coordinator, household_a)])
    assert again.reference == f"R-{year}-0002"


def _third(coordinator: Any, like: Any) -> Any:
    from haven.cases.actions import household_create

    return household_create(
        actor=Actor.for_user(coordinator),
        organisation=like.organisation,
        principal={"surname_cyrillic": "Орлов", "given_name_cyrillic": "Павел", "birth_date": "1990"},
        different_person=True,  # namesakes on purpose: each is a different person
    )


def test_households_that_cannot_be_referred_now_are_left_out_with_their_reason(
    coordinator: Any, liaison: Any, household_a: Any, household_b: Any
) -> None:
    first = batch_for(coordinator, liaison, [household_a])
    at_stage(household_b, "documenting")  # review not finished
    third = at_stage(_third(coordinator, household_a), "assessed")
    run = approved_run(coordinator, [household_a, household_b, third])
    batch = referral_batch_create(
        actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile="officer"
    )
    assert [e.household_id for e in batch.entries.all()] == [third.pk]
    assert batch.skipped == [
        {"reference": household_a.reference, "reason": "open_referral"},
        {"reference": household_b.reference, "reason": "status", "stage": "documenting"},
    ]
    household_b.refresh_from_db()
    assert household_b.stage == "documenting"
    assert first.entries.get().household_id == household_a.pk


def test_nothing_is_made_when_no_household_can_be_referred(
    coordinator: Any, liaison: Any, household_a: Any
) -> None:
    run = approved_run(coordinator, [household_a])  # household_a is still at intake
    with pytest.raises(InvalidChange):
        referral_batch_create(
            actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile="officer"
        )
    assert not ReferralBatch.objects.exists()
    household_a.refresh_from_db()
    assert household_a.stage == "intake" and not AuditEntry.objects.filter(action="referral.create").exists()


@pytest.mark.parametrize("persona", ["caseworker_a", "reviewer_a", "liaison"])
def test_only_the_coordinator_refers(
    persona: str, request: pytest.FixtureRequest, coordinator: Any, liaison: Any, household_a: Any
) -> None:
    at_stage(household_a, "assessed")
    run = approved_run(coordinator, [household_a])
    with pytest.raises(NotAllowed):
        referral_batch_create(
            actor=Actor.for_user(request.getfixturevalue(persona)),
            run=run,
            recipient=liaison,
            profile="officer",
        )
    assert not ReferralBatch.objects.exists()


def test_the_run_must_be_approved_the_recipient_a_liaison_and_the_profile_known(
    coordinator: Any, liaison: Any, caseworker_a: Any, household_a: Any
) -> None:
    at_stage(household_a, "assessed")
    actor = Actor.for_user(coordinator)
    unapproved = approved_run(coordinator, [household_a], approved=False)
    with pytest.raises(InvalidChange, match="approved"):
        referral_batch_create(actor=actor, run=unapproved, recipient=liaison, profile="officer")
    run = approved_run(coordinator, [household_a])
    with pytest.raises(InvalidChange, match="liaison"):
        referral_batch_create(actor=actor, run=run, recipient=caseworker_a, profile="officer")
    with pytest.raises(InvalidChange, match="profile"):
        referral_batch_create(actor=actor, run=run, recipient=liaison, profile="everything")
    assert not ReferralEntry.objects.exists()
    household_a.refresh_from_db()
    assert household_a.stage == "assessed"


def test_a_real_selection_approved_and_referred(
    coordinator: Any, coordinator_b: Any, liaison: Any, household_a: Any, household_b: Any
) -> None:
    """From assessment and evidence through the solver to the batch, by Haven's own write paths."""
    from haven.assessment.actions import household_assess
    from tests.support.selection import document_well

    document_well(household_a.principal)
    for h in (household_a, household_b):
        household_assess(actor=Actor.system(), household=h, today=dt.date(2026, 11, 1))
        at_stage(h, "assessed")
        consent_all(h, coordinator)
    actor = Actor.for_user(coordinator)
    run = selection_run_approve(
        actor=Actor.for_user(coordinator_b),
        run=selection_run_create(actor=actor, params=Parameters(quota=5), quotas=[5]),
    )
    batch = referral_batch_create(actor=actor, run=run, recipient=liaison, profile="sponsor")
    entry = batch.entries.get()  # household_b is not well documented: the run did not select it
    assert entry.household_id == household_a.pk and entry.rank == 1 and entry.people == 2
    assert entry.priority > 0 and entry.reason == "selected" and "share" in entry.reason_detail
    assert entry.outcome["reference"] == household_a.reference and entry.outcome["contributions"]
    household_b.refresh_from_db()
    assert household_b.stage == "assessed"
