"""Four eyes, and a check before approval: the coordinator who made a run cannot approve it; another
coordinator or an administrator does, after Haven lists every selected household that cannot be referred
now — approval is refused while there is one, unless they are left out with a written reason."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.consent.actions import consent_withdraw
from haven.errors import InvalidChange, NotAllowed
from haven.referral.actions import referral_batch_create
from haven.selection.actions import selection_run_approve, selection_run_check, selection_run_create
from haven_core.selection import Parameters
from tests.support.personas import client_for, make_user
from tests.support.selection import document_well

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_selected(ready_households: Any, coordinator: Any) -> tuple[Any, Any, Any]:
    a, b = ready_households
    document_well(b.principal)
    run = selection_run_create(actor=Actor.for_user(coordinator), params=Parameters(quota=5), quotas=[5])
    assert run.households_selected == 2
    return run, a, b


def test_the_maker_cannot_approve_another_coordinator_or_an_admin_can(
    two_selected: Any, coordinator: Any, coordinator_b: Any
) -> None:
    run, _a, _b = two_selected
    with pytest.raises(NotAllowed):
        selection_run_approve(actor=Actor.for_user(coordinator), run=run)
    assert not type(run).objects.get(pk=run.pk).approved
    run = selection_run_approve(actor=Actor.for_user(coordinator_b), run=run)
    assert (run.created_by, run.approved_by) == (coordinator, coordinator_b)
    entry = AuditEntry.objects.get(action="selection.approve")
    assert (
        entry.actor == coordinator_b
        and entry.detail["made_by"] == "coco"
        and entry.detail["approved_by"] == "cora"
    )
    admin = make_user("ada", "admin", None)
    other = selection_run_create(actor=Actor.for_user(coordinator), params=Parameters(quota=5), quotas=[5])
    assert selection_run_approve(actor=Actor.for_user(admin), run=other).approved_by == admin


def test_a_household_that_stopped_being_referable_blocks_approval_unless_left_out_with_a_reason(
    two_selected: Any, coordinator: Any, coordinator_b: Any, liaison: Any, caseworker_b: Any
) -> None:
    run, a, b = two_selected
    consent = b.consents.get()
    consent_withdraw(
        actor=Actor.for_user(caseworker_b),
        consent=consent,
        reason="asked to wait",
        withdrawn_on=timezone.localdate(),
    )
    problems = selection_run_check(run)
    assert [(p["reference"], [m["gap"] for m in p["missing"]]) for p in problems] == [
        (b.reference, ["no_consent"])
    ]
    second = Actor.for_user(coordinator_b)
    with pytest.raises(InvalidChange, match=b.reference):
        selection_run_approve(actor=second, run=run)
    with pytest.raises(InvalidChange):
        selection_run_approve(actor=second, run=run, exclude=True, reason=" ")
    run = selection_run_approve(actor=second, run=run, exclude=True, reason="consent withdrawn; next round")
    assert [p["reference"] for p in run.excluded] == [b.reference]
    assert run.exclusion_reason == "consent withdrawn; next round"
    assert AuditEntry.objects.get(action="selection.approve").detail["households_excluded"] == 1
    batch = referral_batch_create(
        actor=Actor.for_user(coordinator), run=run, recipient=liaison, profile="officer"
    )
    assert [e.household_id for e in batch.entries.all()] == [a.pk]
    assert batch.skipped == [{"reference": b.reference, "reason": "excluded"}]
    entry = AuditEntry.objects.get(action="referral.create")
    assert (entry.detail["selection_made_by"], entry.detail["selection_approved_by"]) == ("coco", "cora")
    page = client_for(coordinator).get(f"/referrals/{batch.public_id}/").content.decode()
    assert "Selection made by coco, approved by cora" in page


def test_the_run_page_lists_what_blocks_approval_and_offers_leaving_them_out(
    two_selected: Any, coordinator: Any, coordinator_b: Any, caseworker_b: Any
) -> None:
    run, _a, b = two_selected
    consent_withdraw(
        actor=Actor.for_user(caseworker_b),
        consent=b.consents.get(),
        reason="wait",
        withdrawn_on=timezone.localdate(),
    )
    client = client_for(coordinator_b)
    page = client.get(f"/selection/runs/{run.public_id}/").content.decode()
    assert "1 selected household cannot be referred now" in page
    assert "no consent to referral on record for every adult (the caseworker can put it right)" in page
    assert 'name="exclude"' in page
    client.post(f"/selection/runs/{run.public_id}/approve/")
    run.refresh_from_db()
    assert not run.approved
    client.post(f"/selection/runs/{run.public_id}/approve/", {"exclude": "on", "reason": "wait for consent"})
    run.refresh_from_db()
    assert run.approved and json.dumps(run.excluded).count(b.reference) == 1
    page = client.get(f"/selection/runs/{run.public_id}/").content.decode()
    assert "left out at approval" in page and "wait for consent" in page and "approved by cora" in page
