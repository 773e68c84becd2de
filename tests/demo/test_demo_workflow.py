"""``haven demo`` on an empty database: besides the coalition, a selection made by the demo coordinator
and approved by the second (four eyes), one referral from it to the demo liaison with a few of the
liaison's decisions, all through the action functions (so audited as those users), and the dashboard's
documentation verdicts stored; and what Haven wrote about a referral cannot be undone by a caseworker. The
demo is written once for all the tests of this module."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.actions import event_withdraw, household_move
from haven.cases.models import Household, TimelineEvent
from haven.dashboard.documentation_coverage import documentation_coverage
from haven.dashboard.models import DocumentationVerdict
from haven.demo.registry import SLUG as DEMO_LIST
from haven.demo.registry import listed_people
from haven.errors import NotAllowed
from haven.referral.actions import referral_batch_create, referral_withdraw
from haven.referral.models import ReferralBatch, ReferralEntry
from haven.registries.models import Registry, ScreeningHit
from haven.selection.actions import selection_run_approve, selection_run_create
from haven.selection.models import SelectionRun
from haven_core.pipeline import Stage, allowed_next
from haven_core.selection import Parameters, Weights
from tests.support.demo import built_once, demo
from tests.support.personas import client_for

pytestmark = pytest.mark.django_db

HOUSEHOLDS = 200  # small, yet always enough referable households for the four decisions


@pytest.fixture(scope="module")
def demo_output(django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[str]:
    """What ``haven demo`` printed; its data is in the database for each test of this module, written once
    (tests/support/demo.py), and what a test changes is undone after it."""
    with built_once(django_db_blocker, tmp_path_factory.mktemp("demo-files")):
        yield demo(HOUSEHOLDS)


def test_demo_makes_one_approved_selection_and_one_referral_with_decisions(demo_output: str) -> None:
    output = demo_output
    names = ["coordinator", "coordinator2", "liaison"]
    users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
    coordinator, liaison = users["coordinator"], users["liaison"]

    run = SelectionRun.objects.get()
    assert run.approved and run.created_by == coordinator and run.approved_by == users["coordinator2"]
    assert run.quota == 60 and 0 < run.people_selected <= 60
    assert run.parameters["weights"] == asdict(Weights())
    assert run.parameters["filters"]["stages"] == [] and not run.parameters["include_not_ready"]

    batch = ReferralBatch.objects.get()
    assert batch.run == run and batch.recipient == liaison and batch.created_by == coordinator
    entries = list(batch.entries.select_related("household").order_by("rank"))
    assert len(entries) == run.households_selected >= 4 and not batch.skipped
    decisions = Counter(e.decision for e in entries)
    assert decisions == {
        ReferralEntry.ACCEPTED: 2,
        ReferralEntry.REFUSED: 1,
        ReferralEntry.MORE_INFORMATION: 1,
        ReferralEntry.PENDING: len(entries) - 4,
    }
    decided = [e for e in entries if e.decision != ReferralEntry.PENDING]
    assert [e.rank for e in decided] == [e.rank for e in entries[:4]]  # the first four, in rank order
    assert all(e.decided_by == liaison and e.decided_at for e in decided)
    more = next(e for e in decided if e.decision == ReferralEntry.MORE_INFORMATION)
    assert more.decision_note and more.household.stage == "referred"
    final = [e.household.stage for e in decided if e.decision in ReferralEntry.FINAL]
    assert final == ["decision_received"] * 3
    assert all(e.household.stage == "referred" for e in entries[4:])

    assert batch.reference in output
    assert "Selection made by coordinator and approved by coordinator2" in output
    assert "2 accepted, 1 refused, 1 more information needed" in output


def test_the_demo_workflow_is_in_the_audit_trail_under_the_demo_users(demo_output: str) -> None:
    run, batch = SelectionRun.objects.get(), ReferralBatch.objects.get()
    by_action = Counter(
        (e.action, e.actor.username if e.actor else None, e.target) for e in AuditEntry.objects.all()
    )
    assert by_action[("selection.create", "coordinator", str(run.public_id))] == 1
    assert by_action[("selection.approve", "coordinator2", str(run.public_id))] == 1
    assert by_action[("referral.create", "coordinator", str(batch.public_id))] == 1
    assert by_action[("referral.decide", "liaison", str(batch.public_id))] == 4
    moves = AuditEntry.objects.filter(action="household.move", actor__username="coordinator").count()
    assert moves >= batch.entries.count()  # each household referred, some through "shortlisted"
    decided = batch.entries.exclude(decision=ReferralEntry.PENDING).values_list("household", flat=True)
    said = TimelineEvent.objects.filter(household__in=decided, created_by__username="liaison")
    assert len(said) == 4 and all(batch.reference in event.note for event in said)  # notes are encrypted
    for entry in AuditEntry.objects.filter(action="referral.decide"):
        assert set(entry.detail) >= {"batch", "decision"} and "note" not in entry.detail


def test_the_dashboard_finds_its_documentation_verdicts_stored(demo_output: str) -> None:
    assert DocumentationVerdict.objects.exists()
    scored: list[int] = []
    coverage = documentation_coverage(Household.objects.all(), progress=scored.append)
    assert sum(scored) == 0  # nothing left to score on the first opening
    assert coverage.principals == HOUSEHOLDS and 0 < coverage.well_documented < HOUSEHOLDS


def test_a_second_demo_start_makes_nothing_again(demo_output: str) -> None:
    audit = AuditEntry.objects.count()
    output = demo(HOUSEHOLDS)
    assert "not seeding again" in output and "Selection made" not in output
    assert SelectionRun.objects.count() == 1 and ReferralBatch.objects.count() == 1
    assert AuditEntry.objects.count() == audit


def test_after_the_demo_a_new_selection_with_the_defaults_can_be_approved_and_referred(
    demo_output: str,
) -> None:
    """What a new user does first: coordinator runs quota 40 with the defaults, coordinator2 approves,
    a batch is made — with emergencies in it, whose review the demo finished."""
    assert "Review finished for" in demo_output
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=["coordinator", "coordinator2", "liaison"])
    }
    run = selection_run_create(actor=Actor.for_user(users["coordinator"]), params=Parameters(quota=40))
    assert run.households_selected > 0
    selected = [h for h in json.loads(run.results)["households"] if h["selected"]]
    assert any(h["emergency"] for h in selected) and all(h["ready"] for h in selected)
    with pytest.raises(NotAllowed):
        selection_run_approve(actor=Actor.for_user(users["coordinator"]), run=run)
    run = selection_run_approve(actor=Actor.for_user(users["coordinator2"]), run=run)
    batch = referral_batch_create(
        actor=Actor.for_user(users["coordinator"]), run=run, recipient=users["liaison"], profile="officer"
    )
    assert batch.entries.count() == run.households_selected and not batch.skipped


def test_a_demo_caseworker_cannot_undo_a_referral_nor_rewrite_its_history(demo_output: str) -> None:
    """A caseworker can neither move a referred household nor remove or withdraw what Haven wrote to its
    timeline (the referral, the liaison's decisions); after a withdrawal from a batch, a withdrawn event
    and a move back, the audit chain still holds."""
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


def test_a_fictional_list_leaves_registry_hits_for_the_reviewers(demo_output: str) -> None:
    registry = Registry.objects.get(slug=DEMO_LIST)
    assert registry.label == "Demonstration list — fictional"  # never presented as a state registry
    with translation.override("ru"):
        assert registry.label == "Демонстрационный список — вымышленный"
    assert Registry.objects.count() == 1
    snapshot = registry.snapshots.get()
    assert 5 <= snapshot.entries_count <= 10
    assert AuditEntry.objects.filter(action="registry.import", target=str(snapshot.public_id)).exists()
    hits = ScreeningHit.objects.filter(status="open")  # the demo imports no other registry
    listed = {hit.person_id for hit in hits}
    named = {person.pk for person in listed_people()}  # the people the list spells otherwise
    assert len(named) == snapshot.entries_count and named <= listed
    assert "Demonstration list — fictional" in demo_output

    organisation = hits.first().person.household.organisation  # type: ignore[union-attr]
    reviewer = get_user_model().objects.get(
        membership__organisation=organisation, membership__role="reviewer"
    )
    home = client_for(reviewer).get("/").context["by_key"]["hits"]
    assert home.count >= 1 and home.items[0].title == "Registry hit"
