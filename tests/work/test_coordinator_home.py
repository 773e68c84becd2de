"""The coordinator lands on emergencies (each said referable or not, and why), duplicates to decide,
selection runs awaiting approval and referral batches awaiting decisions."""

from __future__ import annotations

from typing import Any

from haven.accounts.actor import Actor
from haven.referral.actions import referral_decision_record
from tests.support.families import family
from tests.support.personas import client_for, make_user
from tests.support.referral import approved_run, at_stage, batch_for
from tests.support.registries import registry_objects


def _sections(client: Any) -> dict[str, Any]:
    return client.get("/").context["by_key"]


def test_each_emergency_says_whether_it_can_be_referred_and_why(
    org_a: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any, liaison: Any
) -> None:
    documenting = family(org_a, caseworker_a, reviewer_a, people=1, name="Котова")
    ready = at_stage(family(org_a, caseworker_a, reviewer_a, people=1, name="Петрова"), "assessed")
    referred = family(org_a, caseworker_a, reviewer_a, people=1, name="Сидорова")
    batch_for(coordinator, liaison, [referred])
    emergencies = _sections(client_for(coordinator))["emergencies"]
    assert emergencies.count == 3
    said = {item.household: (item.flag, item.detail) for item in emergencies.items}
    # The Selection page's readiness check: every gap, with who can put it right.
    flag, detail = said[documenting.reference]
    assert flag == "Not referable"
    assert detail.startswith("Still being documented (status: Intake) (the caseworker); ")  # a sentence
    assert "no consent to referral on record for every adult (the caseworker)" in detail
    flag, detail = said[ready.reference]
    assert flag == "Not referable" and "no consent to referral on record" in detail
    assert "still being documented" not in detail  # assessed: only what is still missing is named
    assert said[referred.reference][0] == "Not referable"
    assert said[referred.reference][1].startswith("Awaiting a decision in another referral (the liaison)")


def test_duplicates_runs_and_batches_link_to_where_they_are_decided(
    org_a: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any, liaison: Any, household_a: Any
) -> None:
    objects = registry_objects(household_a.principal)
    run = approved_run(coordinator, [household_a], approved=False)
    batch = batch_for(coordinator, liaison, [family(org_a, caseworker_a, reviewer_a, people=1)])
    sections = _sections(client_for(coordinator))
    assert [i.url for i in sections["duplicates"].items] == [f"/registries/duplicates/{objects['link']}/"]
    assert [i.url for i in sections["runs"].items] == [f"/selection/runs/{run.public_id}/"]
    (waiting,) = sections["batches"].items
    assert waiting.url == f"/referrals/{batch.public_id}/" and waiting.detail == "Awaiting decision: 1"
    for url in (sections["duplicates"].items[0].url, sections["runs"].items[0].url, waiting.url):
        assert client_for(coordinator).get(url).status_code == 200


def test_an_administrator_gets_the_review_work_not_the_coordinators(db: Any) -> None:
    admin = make_user("ada", "admin", None)
    keys = list(_sections(client_for(admin)))
    assert keys == ["to_verify", "hits", "ready_for_review", "overrides"]


def test_households_past_referral_are_not_among_the_emergencies(
    org_a: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any
) -> None:
    """Closed, resettled or decided: nothing left to do for them as an emergency, on the home as on the
    Selection page."""
    open_one = at_stage(family(org_a, caseworker_a, reviewer_a, people=1, name="Котова"), "assessed")
    finished = {
        stage: at_stage(family(org_a, caseworker_a, reviewer_a, people=1, name=name), stage)
        for stage, name in (("closed", "Петрова"), ("resettled", "Сидорова"), ("decision_received", "Ивова"))
    }
    client = client_for(coordinator)
    emergencies = _sections(client)["emergencies"]
    assert [item.household for item in emergencies.items] == [open_one.reference]
    assert emergencies.count == 1
    selection = client.get("/selection/").content.decode()
    assert open_one.reference in selection
    assert not any(household.reference in selection for household in finished.values())


def test_a_batch_is_counted_as_the_batch_table_counts_it(
    org_a: Any, caseworker_a: Any, reviewer_a: Any, coordinator: Any, liaison: Any
) -> None:
    """Awaiting a decision, more information asked, accepted and refused: the table's own categories,
    not one "awaiting" that adds the households whose liaison asked for more."""
    households = [family(org_a, caseworker_a, reviewer_a, people=1, name=f"Котова{n}") for n in range(5)]
    batch = batch_for(coordinator, liaison, households)
    entries = list(batch.entries.order_by("id"))
    for entry, decision in zip(entries, ("more_information", "accepted", "refused"), strict=False):
        referral_decision_record(
            actor=Actor.for_user(liaison), entry=entry, decision=decision, note="Court record of 2022"
        )
    client = client_for(coordinator)
    (item,) = _sections(client)["batches"].items
    assert item.detail == ("Awaiting decision: 2 · More information needed: 1 · Accepted: 1 · Refused: 1")
    table = client.get("/referrals/").context["rows"][0]["counts"]
    assert (table["pending"], table["more_information"], table["accepted"], table["refused"]) == (2, 1, 1, 1)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    (item,) = _sections(client)["batches"].items
    assert item.detail.startswith("En attente de décision : 2 · Informations complémentaires demandées : 1")
