"""Only the liaison a batch is addressed to records its decisions; a decision goes to the household's
status and timeline, and its organisation sees it on the household page."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange, NotAllowed
from haven.referral.actions import referral_decision_record
from haven.referral.models import ReferralEntry
from tests.support.personas import client_for, make_user
from tests.support.referral import batch_for

pytestmark = pytest.mark.django_db

NOTE = "Принято: семья Котовых, собеседование 12 января."


@pytest.fixture
def entry(coordinator: Any, liaison: Any, household_a: Any) -> ReferralEntry:
    return batch_for(coordinator, liaison, [household_a]).entries.get()


def test_an_accepted_household_moves_to_decision_received_with_the_decision_on_its_timeline(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_a: Any
) -> None:
    referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="accepted", note=NOTE)
    entry.refresh_from_db()
    household_a.refresh_from_db()
    assert (entry.decision, entry.decision_note, entry.decided_by) == ("accepted", NOTE, liaison)
    assert household_a.stage == "decision_received"
    event = household_a.events.filter(kind="status_changed").order_by("-id").first()
    assert event.note == f"referred → decision_received: Referral {entry.batch.reference}: Accepted — {NOTE}"
    audit = AuditEntry.objects.get(action="referral.decide")
    assert audit.household_ref == household_a.reference and audit.organisation == household_a.organisation
    assert audit.detail == {
        "batch": entry.batch.reference,
        "decision": "accepted",
        "stage_from": "referred",
        "stage_to": "decision_received",
    }
    # The owning organisation sees the decision and its note on the household page.
    page = client_for(caseworker_a).get(f"/cases/{household_a.reference}/").content.decode()
    assert "Referrals" in page and entry.batch.reference in page and "Accepted" in page and NOTE in page


def test_the_note_is_encrypted_at_rest(entry: ReferralEntry, liaison: Any) -> None:
    referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="refused", note=NOTE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT decision_note FROM referral_referralentry WHERE id = %s", [entry.pk])
        stored = cursor.fetchone()[0]
    assert stored and "Котов" not in stored and NOTE not in stored


def test_more_information_keeps_the_household_referred_and_needs_a_note(
    entry: ReferralEntry, liaison: Any, household_a: Any
) -> None:
    actor = Actor.for_user(liaison)
    with pytest.raises(InvalidChange):
        referral_decision_record(actor=actor, entry=entry, decision="more_information", note="  ")
    referral_decision_record(
        actor=actor, entry=entry, decision="more_information", note="Court record of the 2022 arrest"
    )
    household_a.refresh_from_db()
    assert household_a.stage == "referred"
    event = household_a.events.order_by("-id").first()
    assert event.kind == "other" and "More information needed — Court record of the 2022 arrest" in event.note
    # The later, final decision moves it on.
    referral_decision_record(actor=actor, entry=entry, decision="accepted")
    household_a.refresh_from_db()
    assert household_a.stage == "decision_received"
    with pytest.raises(InvalidChange):
        referral_decision_record(actor=actor, entry=entry, decision="pending")


@pytest.mark.parametrize("persona", ["coordinator", "caseworker_a", "reviewer_a", "other_liaison"])
def test_no_one_but_the_recipient_decides(
    persona: str, request: pytest.FixtureRequest, entry: ReferralEntry, household_a: Any
) -> None:
    user = (
        make_user("lev", "liaison", None) if persona == "other_liaison" else request.getfixturevalue(persona)
    )
    with pytest.raises(NotAllowed):
        referral_decision_record(actor=Actor.for_user(user), entry=entry, decision="accepted", note="")
    entry.refresh_from_db()
    household_a.refresh_from_db()
    assert entry.decision == "pending" and household_a.stage == "referred"
    assert not AuditEntry.objects.filter(action="referral.decide").exists()


def test_another_organisation_does_not_see_the_decision(
    entry: ReferralEntry, liaison: Any, household_a: Any, caseworker_b: Any
) -> None:
    referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="refused", note=NOTE)
    assert client_for(caseworker_b).get(f"/cases/{household_a.reference}/").status_code == 404
