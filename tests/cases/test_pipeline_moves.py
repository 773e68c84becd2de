"""Moving a household along the pipeline from its page: only allowed stages, closing needs a reason, and a
move back needs a reason and an explicit confirmation (the referral's own rules: test_referral_hold.py)."""

from __future__ import annotations

from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import household_move
from haven.cases.models import TimelineEvent
from haven.errors import InvalidChange
from haven_core.pipeline import Stage
from tests.support.cases import audit_actions, detail_url
from tests.support.personas import client_for


def move(user: Any, household: Any, **data: str) -> Any:
    return client_for(user).post(f"/cases/{household.reference}/status/", data)


def test_moving_to_the_next_stage(caseworker_a: Any, household_a: Any) -> None:
    response = move(caseworker_a, household_a, stage="documenting")
    assert response.status_code == 302 and response["Location"] == f"{detail_url(household_a)}#pipeline"
    household_a.refresh_from_db()
    assert household_a.stage == "documenting"
    event = TimelineEvent.objects.get(household=household_a, kind="status_changed")
    assert event.created_by == caseworker_a
    assert audit_actions(household_a)[-1] == "household.move"


def test_a_stage_that_cannot_follow_is_refused(caseworker_a: Any, household_a: Any) -> None:
    before = audit_actions(household_a)
    response = move(caseworker_a, household_a, stage="referred")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["stage"]
    household_a.refresh_from_db()
    assert household_a.stage == "intake" and audit_actions(household_a) == before


def test_closing_needs_a_reason_beside_the_field(caseworker_a: Any, household_a: Any) -> None:
    response = move(caseworker_a, household_a, stage="closed", reason="  ")
    assert list(response.context["form"].errors) == ["reason"]
    assert 'id="id_reason_error"' in response.content.decode()
    household_a.refresh_from_db()
    assert household_a.stage == "intake"


def test_closing_with_a_reason_and_reopening(caseworker_a: Any, household_a: Any) -> None:
    move(caseworker_a, household_a, stage="closed", reason="Reached Canada on their own.")
    household_a.refresh_from_db()
    assert (household_a.stage, household_a.closed_reason) == ("closed", "Reached Canada on their own.")
    page = client_for(caseworker_a).get(detail_url(household_a))
    assert "Reached Canada on their own." in page.content.decode()
    assert [v for v, _ in page.context["stage_form"].fields["stage"].choices] == ["intake"]
    move(caseworker_a, household_a, stage="intake")
    household_a.refresh_from_db()
    assert (household_a.stage, household_a.closed_reason) == ("intake", "")


def test_a_resettled_household_offers_no_moves(caseworker_a: Any, household_a: Any) -> None:
    household_a.stage = "resettled"
    household_a.save(update_fields=["stage"])
    page = client_for(caseworker_a).get(detail_url(household_a))
    assert not page.context["stage_form"].has_moves
    assert f"/cases/{household_a.reference}/status/" not in page.content.decode()
    assert move(caseworker_a, household_a, stage="closed", reason="x").status_code == 200
    household_a.refresh_from_db()
    assert household_a.stage == "resettled"


def test_the_status_page_shows_the_form_on_its_own(caseworker_a: Any, household_a: Any) -> None:
    response = client_for(caseworker_a).get(f"/cases/{household_a.reference}/status/")
    assert response.status_code == 200 and 'name="stage"' in response.content.decode()


def test_a_move_back_needs_a_reason_and_the_confirmation_box(caseworker_a: Any, household_a: Any) -> None:
    move(caseworker_a, household_a, stage="documenting")
    before = audit_actions(household_a)
    response = move(caseworker_a, household_a, stage="intake")
    assert set(response.context["form"].errors) == {"reason", "confirm_back"}
    response = move(caseworker_a, household_a, stage="intake", reason="Passport scan was of a relative.")
    assert list(response.context["form"].errors) == ["confirm_back"]
    household_a.refresh_from_db()
    assert household_a.stage == "documenting" and audit_actions(household_a) == before
    with pytest.raises(InvalidChange):
        household_move(
            actor=Actor.for_user(caseworker_a), household=household_a, stage=Stage.INTAKE, reason="x"
        )


def test_a_confirmed_move_back_shows_on_the_timeline_with_its_reason(
    caseworker_a: Any, household_a: Any
) -> None:
    move(caseworker_a, household_a, stage="documenting")
    reason = "Passport scan was of a relative."
    response = move(caseworker_a, household_a, stage="intake", reason=reason, confirm_back="on")
    assert response.status_code == 302
    household_a.refresh_from_db()
    assert household_a.stage == "intake"
    timeline = (
        client_for(caseworker_a).get(detail_url(household_a)).content.decode().split('id="timeline"')[1]
    )
    assert f"Documenting → Intake: {reason}" in timeline
    audit = AuditEntry.objects.filter(action="household.move").order_by("-seq").first()
    assert audit.detail == {"stage_from": "documenting", "stage_to": "intake", "backward": True}


def test_the_move_control_never_defaults_to_a_step_back(caseworker_a: Any, household_a: Any) -> None:
    # The confirmation box is shown where a step back is offered ("referred" is reached by a batch only).
    for stage, first, back in (
        ("assessed", "shortlisted", ["ready_for_review"]),
        ("decision_received", "resettled", []),
        ("closed", "intake", []),
    ):
        household_a.stage = stage
        household_a.save(update_fields=["stage"])
        page = client_for(caseworker_a).get(detail_url(household_a))
        form = page.context["stage_form"]
        assert (form["stage"].value(), form.backward) == (first, back)
        assert ('name="confirm_back"' in page.content.decode()) == bool(back)


def test_the_api_moves_back_only_with_a_reason_and_confirm_back(caseworker_a: Any, household_a: Any) -> None:
    from django.test import Client

    from haven.api.actions import token_create

    household_a.stage = "assessed"
    household_a.save(update_fields=["stage"])
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(actor=Actor.for_user(caseworker_a), name='t')[1]}")
    url = f"/api/v1/households/{household_a.reference}"
    back = {"stage": "ready_for_review", "reason": "Documents need a second look."}
    assert api.patch(url, back, content_type="application/json").status_code == 422
    household_a.refresh_from_db()
    assert household_a.stage == "assessed"
    confirmed = {**back, "confirm_back": True}
    assert api.patch(url, confirmed, content_type="application/json").status_code == 200
    household_a.refresh_from_db()
    assert household_a.stage == "ready_for_review"
