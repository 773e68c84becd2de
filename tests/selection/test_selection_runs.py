"""Only the coordinator makes and approves a selection run; a run is saved so that it can be repeated."""

from __future__ import annotations

import json
from typing import Any

import pytest

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.errors import InvalidChange, NotAllowed
from haven.selection.actions import selection_run_approve, selection_run_create, selection_run_repeat
from haven.selection.inputs import candidates
from haven.selection.models import SelectionRun
from haven_core.selection import Limits, Parameters, Pin
from tests.support.selection import document_well

pytestmark = pytest.mark.django_db


def test_households_are_read_with_their_size_documentation_and_assessment(ready_households: Any) -> None:
    a, b = ready_households
    by_key = {c.key: c for c in candidates()}
    assert by_key[a.reference].people == 2
    assert by_key[a.reference].well_documented and by_key[a.reference].assessed
    assert by_key[b.reference].assessed and not by_key[b.reference].well_documented
    assert by_key[a.reference].organisation == a.organisation.slug


def test_the_coordinator_creates_a_run_saved_with_what_it_was_made_from(
    ready_households: Any, coordinator: Any
) -> None:
    a, b = ready_households
    document_well(b.principal)  # b could be chosen: the coordinator pins it out
    params = Parameters(quota=5, limits=Limits(per_organisation=4), pins=(Pin(b.reference, False, "moved"),))
    run = selection_run_create(actor=Actor.for_user(coordinator), params=params, quotas=[1, 2, 5])
    run.refresh_from_db()
    assert run.parameters["pins"] == [{"key": b.reference, "include": False, "reason": "moved"}]
    assert run.rules_version
    assert {c["key"] for c in json.loads(run.inputs)} == {a.reference, b.reference}
    results = json.loads(run.results)
    reasons = {h["reference"]: h["reason"] for h in results["households"]}
    assert reasons == {a.reference: "selected", b.reference: "pinned_out"}
    assert (run.households_selected, run.people_selected) == (1, 2)
    assert [row["quota"] for row in results["what_if"]] == [1, 2, 5]
    assert [row["exact"]["people"] for row in results["what_if"]] == [0, 2, 2]
    entry = AuditEntry.objects.get(action="selection.create")
    assert entry.target == str(run.public_id) and entry.detail["people_selected"] == 2
    assert a.reference not in json.dumps(entry.detail)  # who was chosen stays in the sealed run
    # Repeating the run from its snapshot gives the same outcome, whatever happened since.
    a.delete()
    assert selection_run_repeat(run)["households"] == results["households"]


@pytest.mark.parametrize("persona", ["caseworker_a", "reviewer_a", "liaison"])
def test_no_one_else_creates_or_approves_a_run(
    persona: str, request: pytest.FixtureRequest, ready_households: Any, coordinator: Any
) -> None:
    user = request.getfixturevalue(persona)
    with pytest.raises(NotAllowed):
        selection_run_create(actor=Actor.for_user(user), params=Parameters(quota=3))
    run = selection_run_create(actor=Actor.for_user(coordinator), params=Parameters(quota=3))
    with pytest.raises(NotAllowed):
        selection_run_approve(actor=Actor.for_user(user), run=run)
    assert not SelectionRun.objects.get(pk=run.pk).approved


def test_approval_is_recorded_once(ready_households: Any, coordinator: Any, coordinator_b: Any) -> None:
    second = Actor.for_user(coordinator_b)
    run = selection_run_approve(
        actor=second,
        run=selection_run_create(actor=Actor.for_user(coordinator), params=Parameters(quota=3)),
    )
    assert run.approved and run.approved_by == coordinator_b
    assert AuditEntry.objects.filter(action="selection.approve", target=str(run.public_id)).count() == 1
    with pytest.raises(InvalidChange):
        selection_run_approve(actor=second, run=run)


def test_pins_that_do_not_fit_are_refused_and_nothing_is_saved(
    ready_households: Any, coordinator: Any
) -> None:
    a, _ = ready_households
    params = Parameters(quota=1, pins=(Pin(a.reference, True, "hearing on Monday"),))
    with pytest.raises(InvalidChange):
        selection_run_create(actor=Actor.for_user(coordinator), params=params)
    assert not SelectionRun.objects.exists()
