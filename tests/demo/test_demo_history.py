"""On the demo coalition, a caseworker can neither move a referred household nor remove or withdraw what
Haven wrote to its timeline (the referral, the liaison's decisions); after a withdrawal from a batch, a
withdrawn event and a move back, the audit chain still holds."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from haven.accounts.actor import Actor
from haven.cases.actions import event_withdraw, household_move
from haven.cases.models import Household, TimelineEvent
from haven.errors import NotAllowed
from haven.referral.actions import referral_withdraw
from haven.referral.models import ReferralEntry
from haven_core.pipeline import Stage, allowed_next
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db

HOUSEHOLDS = 200  # as tests/demo/test_demo_workflow.py: enough referable households for a batch


def test_a_demo_caseworker_cannot_undo_a_referral_nor_rewrite_its_history() -> None:
    call_command("demo", "--no-serve", households=HOUSEHOLDS, stdout=StringIO(), stderr=StringIO())
    referred = list(Household.objects.filter(stage=Stage.REFERRED.value).select_related("organisation"))
    in_batch = [h for h in referred if h.referral_entries.exists()]
    assert in_batch and len(in_batch) < len(referred)  # referred by the demo's batch, and seeded so
    users = get_user_model().objects.filter(username__startswith="caseworker")
    caseworker_of = {u.membership.organisation_id: u for u in users}

    for household in referred:
        actor = Actor.for_user(caseworker_of[household.organisation_id])
        for stage in allowed_next(Stage.REFERRED):
            with pytest.raises(NotAllowed):
                household_move(actor=actor, household=household, stage=stage, reason="undo", confirmed=True)
        written = household.events.filter(system=True)
        assert written.exists()  # its moves along the pipeline, at least
        for event in written:
            with pytest.raises(NotAllowed):
                event_withdraw(actor=actor, event=event, reason="undo")
    assert Household.objects.filter(pk__in=[h.pk for h in referred], stage="referred").count() == len(
        referred
    )
    assert not TimelineEvent.objects.filter(withdrawn_at__isnull=False).exists()

    # The liaison's "more information needed" note is Haven's too, and the page offers no way to touch it.
    notes = TimelineEvent.objects.filter(system=True, kind="other", created_by__username="liaison")
    note = notes.select_related("household").first()
    assert note is not None and note.note.startswith("Referral R-")
    caseworker = caseworker_of[note.household.organisation_id]
    page = client_for(caseworker).get(f"/cases/{note.household.reference}/").content.decode()
    assert f"/events/{note.public_id}/withdraw/" not in page
    assert note.household.stage == "referred"  # more information needed: still awaiting the decision
    assert f"/cases/{note.household.reference}/status/" not in page and "awaiting a decision" in page

    # Every kind of change this issue adds, made on the demo, and the audit chain still holds.
    coordinator = Actor.for_user(get_user_model().objects.get(username="coordinator"))
    pending = ReferralEntry.objects.filter(decision=ReferralEntry.PENDING).select_related("household").first()
    referral_withdraw(actor=coordinator, entry=pending, reason="The family asked to wait.")
    pending.household.refresh_from_db()
    assert pending.household.stage == "shortlisted"
    own = TimelineEvent.objects.filter(system=False).select_related("household__organisation").first()
    actor = Actor.for_user(caseworker_of[own.household.organisation_id])
    event_withdraw(actor=actor, event=own, reason="Entered twice.")
    back = Household.objects.filter(stage="assessed").first()
    actor = Actor.for_user(caseworker_of[back.organisation_id])
    household_move(
        actor=actor, household=back, stage=Stage.READY_FOR_REVIEW, reason="Recheck.", confirmed=True
    )
    out = StringIO()
    call_command("audit-verify", stdout=out)
    assert "holds" in out.getvalue()
