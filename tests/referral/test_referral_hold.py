"""A household referred and awaiting a decision is moved only by the liaison's decision or by the
coordinator withdrawing it from the batch, with a reason: the batch and the household never disagree."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_move
from haven.cases.actions.households import AWAITING_DECISION
from haven.errors import InvalidChange, NotAllowed
from haven.referral.actions import referral_decision_record, referral_withdraw
from haven.referral.models import ReferralEntry
from haven_core.pipeline import Stage
from tests.support.cases import detail_url
from tests.support.personas import client_for
from tests.support.referral import at_stage, batch_for

pytestmark = pytest.mark.django_db

WHY = "The family found a private sponsor; referring them again later."


@pytest.fixture
def entry(coordinator: Any, liaison: Any, household_a: Any) -> ReferralEntry:
    entry: ReferralEntry = batch_for(coordinator, liaison, [household_a]).entries.get()
    household_a.refresh_from_db()
    assert household_a.stage == "referred"
    return entry


def audit_verify() -> str:
    out = StringIO()
    call_command("audit-verify", stdout=out)
    return out.getvalue()


def test_the_cases_know_which_referral_decisions_still_await_the_liaison() -> None:
    assert set(AWAITING_DECISION) == set(ReferralEntry.OPEN)


@pytest.mark.parametrize("who", ["caseworker_a", "reviewer_a", "coordinator"])
@pytest.mark.parametrize("stage", [Stage.SHORTLISTED, Stage.DECISION_RECEIVED, Stage.CLOSED])
def test_nobody_moves_a_household_awaiting_a_decision_the_ordinary_way(
    entry: ReferralEntry, household_a: Any, who: str, stage: Stage, request: Any
) -> None:
    user = request.getfixturevalue(who)
    with pytest.raises(NotAllowed, match="awaiting a decision"):
        household_move(
            actor=Actor.for_user(user), household=household_a, stage=stage, reason=WHY, confirmed=True
        )
    household_a.refresh_from_db()
    assert household_a.stage == "referred"


def test_the_household_page_offers_no_move_and_says_why(
    entry: ReferralEntry, household_a: Any, caseworker_a: Any
) -> None:
    client = client_for(caseworker_a)
    page = client.get(detail_url(household_a))
    assert not page.context["stage_form"].has_moves
    html = page.content.decode()
    assert f"/cases/{household_a.reference}/status/" not in html
    assert "awaiting a decision in a referral batch" in html
    posted = {"stage": "shortlisted", "reason": WHY, "confirm_back": "on"}
    response = client.post(f"/cases/{household_a.reference}/status/", posted, follow=True)
    assert "awaiting a decision in a referral batch" in response.content.decode()
    household_a.refresh_from_db()
    assert household_a.stage == "referred"


def test_the_api_refuses_the_move_too(entry: ReferralEntry, household_a: Any, caseworker_a: Any) -> None:
    from haven.api.actions import token_create

    _token, secret = token_create(actor=Actor.for_user(caseworker_a), name="test")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").patch(
        f"/api/v1/households/{household_a.reference}",
        {"stage": "shortlisted", "reason": WHY, "confirm_back": True},
        content_type="application/json",
    )
    assert response.status_code == 403, response.content
    household_a.refresh_from_db()
    assert household_a.stage == "referred"


def test_the_liaisons_decision_still_moves_it(entry: ReferralEntry, household_a: Any, liaison: Any) -> None:
    referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="refused", note="")
    household_a.refresh_from_db()
    assert household_a.stage == "decision_received"
    assert "holds" in audit_verify()


def test_the_coordinator_withdraws_it_from_the_batch_with_a_reason(
    entry: ReferralEntry, household_a: Any, coordinator: Any, caseworker_a: Any, liaison: Any
) -> None:
    client = client_for(coordinator)
    batch_url = f"/referrals/{entry.batch.public_id}/"
    page = client.get(batch_url).content.decode()
    withdraw = f"{batch_url}households/{household_a.reference}/withdraw/"
    assert withdraw in page
    assert client.post(withdraw, {"reason": " "})["Location"] == batch_url
    entry.refresh_from_db()
    assert entry.decision == "pending"

    assert client.post(withdraw, {"reason": WHY})["Location"] == batch_url
    entry.refresh_from_db()
    household_a.refresh_from_db()
    assert (entry.decision, entry.decision_note, entry.decided_by) == ("withdrawn", WHY, coordinator)
    assert household_a.stage == "shortlisted"
    page = client.get(batch_url).content.decode()
    assert "Withdrawn from the batch" in page and WHY in page and withdraw not in page
    liaison_page = client_for(liaison).get(batch_url).content.decode()
    assert "Withdrawn from the batch" in liaison_page
    listing = client.get("/referrals/")
    assert [r["counts"]["withdrawn"] for r in listing.context["rows"]] == [1]

    move = household_a.events.filter(kind="status_changed").order_by("-id").first()
    assert move.system and move.note == (
        f"referred → shortlisted: withdrawn from referral batch {entry.batch.reference}: {WHY}"
    )
    timeline = (
        client_for(caseworker_a).get(detail_url(household_a)).content.decode().split('id="timeline"')[1]
    )
    assert "Referred → Shortlisted" in timeline and WHY in timeline
    audit = AuditEntry.objects.filter(action="referral.withdraw").get()
    assert audit.detail == {
        "batch": entry.batch.reference,
        "stage_from": "referred",
        "stage_to": "shortlisted",
    }
    assert AuditEntry.objects.filter(action="household.move", detail__backward=True).count() == 1
    assert "holds" in audit_verify()


def test_only_the_coordinator_withdraws_and_only_while_a_decision_is_awaited(
    entry: ReferralEntry, liaison: Any, caseworker_a: Any, coordinator: Any
) -> None:
    for user in (liaison, caseworker_a):
        with pytest.raises(NotAllowed):
            referral_withdraw(actor=Actor.for_user(user), entry=entry, reason=WHY)
    url = f"/referrals/{entry.batch.public_id}/households/{entry.household.reference}/withdraw/"
    assert client_for(liaison).post(url, {"reason": WHY}).status_code == 403
    referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="accepted", note="")
    with pytest.raises(InvalidChange):
        referral_withdraw(actor=Actor.for_user(coordinator), entry=entry, reason=WHY)


def test_a_withdrawn_household_gets_no_decision_and_can_be_referred_again(
    entry: ReferralEntry, household_a: Any, coordinator: Any, liaison: Any
) -> None:
    referral_withdraw(actor=Actor.for_user(coordinator), entry=entry, reason=WHY)
    with pytest.raises(InvalidChange):
        referral_decision_record(actor=Actor.for_user(liaison), entry=entry, decision="accepted", note="")
    again = batch_for(coordinator, liaison, [household_a]).entries.get()
    assert again.decision == "pending" and again.batch != entry.batch


@pytest.mark.parametrize("who", ["caseworker_a", "reviewer_a"])
def test_the_organisation_never_moves_a_household_out_of_referred(
    household_a: Any, who: str, request: Any
) -> None:
    """Even one no batch waits on (older records): taking it back from a referral is the coordinator's."""
    at_stage(household_a, "referred")
    user = request.getfixturevalue(who)
    with pytest.raises(NotAllowed):
        household_move(
            actor=Actor.for_user(user),
            household=household_a,
            stage=Stage.SHORTLISTED,
            reason=WHY,
            confirmed=True,
        )
    page = client_for(user).get(detail_url(household_a))
    assert not page.context["stage_form"].has_moves


def test_referred_is_reached_only_through_a_referral_batch(household_a: Any, coordinator: Any) -> None:
    at_stage(household_a, "shortlisted")
    with pytest.raises(NotAllowed):
        household_move(actor=Actor.for_user(coordinator), household=household_a, stage=Stage.REFERRED)
    page = client_for(coordinator).get(detail_url(household_a))
    assert "referred" not in [v for v, _ in page.context["stage_form"].fields["stage"].choices]


def test_the_hold_and_the_withdrawal_speak_russian(
    entry: ReferralEntry, household_a: Any, caseworker_a: Any, coordinator: Any
) -> None:
    from django.conf import settings

    worker = client_for(caseworker_a)
    worker.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    assert "ждёт решения по пакету направления" in worker.get(detail_url(household_a)).content.decode()
    chief = client_for(coordinator)
    chief.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    batch_url = f"/referrals/{entry.batch.public_id}/"
    assert "Отозвать из пакета" in chief.get(batch_url).content.decode()
    referral_withdraw(actor=Actor.for_user(coordinator), entry=entry, reason=WHY)
    page = chief.get(batch_url).content.decode()
    assert "Отозвана из пакета" in page and "Отозвал(а): coco" in page
