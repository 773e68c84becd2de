"""A run considers only households that can be referred now, unless the coordinator includes the others;
the Selection page shows the emergencies that are not ready, with what they lack and who can fix it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.assessment.models import AssessmentOverride
from haven.selection.actions import PinError, selection_run_create
from haven.selection.inputs import candidates, readiness_of
from haven.selection.models import SelectionRun
from haven_core.selection import Parameters, Pin
from tests.support.personas import client_for
from tests.support.referral import at_stage
from tests.support.selection import FORM, document_well

pytestmark = pytest.mark.django_db


def emergency(household: Any, reviewer: Any) -> None:
    AssessmentOverride.objects.create(
        household=household,
        dimension="urgency",
        computed_level="high",
        level="emergency",
        justification="removal on Monday",
        reviewer=reviewer,
    )


def test_readiness_is_read_from_status_evidence_consent_and_open_referrals(ready_households: Any) -> None:
    a, b = ready_households
    now = readiness_of()
    assert now[a.reference].ready
    assert now[b.reference].codes == ("not_well_documented",)
    at_stage(a, "documenting")
    assert readiness_of([a.reference])[a.reference].codes == ("being_documented",)
    by_key = {c.key: c for c in candidates()}
    assert not by_key[a.reference].ready and by_key[a.reference].not_ready == ("being_documented",)


def test_a_run_leaves_out_households_not_ready_unless_asked_and_then_marks_them(
    ready_households: Any, household_b: Any, coordinator: Any
) -> None:
    a, b = ready_households
    document_well(b.principal)
    b.consents.all().delete()  # no consent on record for b's adult
    actor = Actor.for_user(coordinator)
    run = selection_run_create(actor=actor, params=Parameters(quota=5), quotas=[5])
    rows = {h["reference"]: h for h in json.loads(run.results)["households"]}
    assert rows[a.reference]["selected"] and rows[a.reference]["ready"]
    assert (rows[b.reference]["selected"], rows[b.reference]["reason"]) == (False, "not_ready")
    assert rows[b.reference]["detail"] == {"missing": ["no_consent"]}
    run = selection_run_create(actor=actor, params=Parameters(quota=5, include_not_ready=True), quotas=[5])
    rows = {h["reference"]: h for h in json.loads(run.results)["households"]}
    assert rows[b.reference]["selected"] and not rows[b.reference]["ready"]
    assert rows[b.reference]["not_ready"] == ["no_consent"]
    page = client_for(coordinator).get(f"/selection/runs/{run.public_id}/").content.decode()
    assert "not ready" in page and "no consent to referral on record for every adult" in page


def test_the_selection_page_lists_emergencies_not_ready_with_reason_and_link(
    ready_households: Any, coordinator: Any, reviewer_a: Any, household_b: Any
) -> None:
    a, b = ready_households
    emergency(b, reviewer_a)
    emergency(a, reviewer_a)  # ready: not listed
    page = client_for(coordinator).get("/selection/").content.decode()
    listed = page.split('id="not-ready"')[1].split("</section>")[0]
    assert f'href="/cases/{b.reference}/"' in listed and a.reference not in listed
    assert "the principal applicant is not well documented" in listed and "the caseworker" in listed
    assert page.index('id="not-ready"') < page.index('action="/selection/"')  # above the run form


def test_a_pin_naming_no_eligible_household_is_a_form_error(ready_households: Any, coordinator: Any) -> None:
    a, b = ready_households
    client = client_for(coordinator)
    response = client.post(
        "/selection/", {**FORM, "pins": f"H-0000000000 in urgent\n{b.reference} in hearing"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and not SelectionRun.objects.exists()
    assert "H-0000000000: no household has this reference" in text
    assert f"{b.reference} cannot be chosen: the principal applicant is not well documented" in text
    with pytest.raises(PinError) as caught:
        selection_run_create(
            actor=Actor.for_user(coordinator),
            params=Parameters(quota=5, pins=(Pin(b.reference, False, "moved"),)),
        )
    assert [(p.key, code) for p, code in caught.value.problems] == [(b.reference, "not_well_documented")]
    assert (
        client.post(
            "/selection/",
            {**FORM, "quotas": "2,5", "pins": f"{a.reference} in hearing on {dt.date(2026, 12, 9)}"},
        ).status_code
        == 302
    )
