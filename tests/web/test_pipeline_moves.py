"""Moving a household along the pipeline from its page: only allowed stages, and closing needs a reason."""

from __future__ import annotations

from typing import Any

from haven.cases.models import TimelineEvent
from tests.conftest import client_for
from tests.web.caseload import audit_actions, detail_url


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
