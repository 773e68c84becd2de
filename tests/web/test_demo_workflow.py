"""``haven demo`` on an empty database: besides the coalition, an approved selection made by the demo
coordinator, one referral from it to the demo liaison with a few of the liaison's decisions, all through
the action functions (so audited as those users), and the dashboard's documentation verdicts stored."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from haven.audit.models import AuditEntry
from haven.cases.models import Household, TimelineEvent
from haven.dashboard.documentation import documentation_coverage
from haven.dashboard.models import DocumentationVerdict
from haven.referral.models import ReferralBatch, ReferralEntry
from haven.selection.models import SelectionRun
from haven_core.selection import Weights

pytestmark = pytest.mark.django_db

HOUSEHOLDS = 200  # small, yet always enough referable households for the four decisions


def demo() -> str:
    out = StringIO()
    call_command("demo", "--no-serve", households=HOUSEHOLDS, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_demo_makes_one_approved_selection_and_one_referral_with_decisions() -> None:
    output = demo()
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["coordinator", "liaison"])}
    coordinator, liaison = users["coordinator"], users["liaison"]

    run = SelectionRun.objects.get()
    assert run.approved and run.created_by == coordinator and run.approved_by == coordinator
    assert run.quota == 60 and 0 < run.people_selected <= 60
    assert run.parameters["weights"] == asdict(Weights())
    assert sorted(run.parameters["filters"]["stages"]) == ["assessed", "shortlisted"]

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

    assert batch.reference in output and "Selection approved by coordinator" in output
    assert "2 accepted, 1 refused, 1 more information needed" in output


def test_the_demo_workflow_is_in_the_audit_trail_under_the_demo_users() -> None:
    demo()
    run, batch = SelectionRun.objects.get(), ReferralBatch.objects.get()
    by_action = Counter(
        (e.action, e.actor.username if e.actor else None, e.target) for e in AuditEntry.objects.all()
    )
    assert by_action[("selection.create", "coordinator", str(run.public_id))] == 1
    assert by_action[("selection.approve", "coordinator", str(run.public_id))] == 1
    assert by_action[("referral.create", "coordinator", str(batch.public_id))] == 1
    assert by_action[("referral.decide", "liaison", str(batch.public_id))] == 4
    moves = AuditEntry.objects.filter(action="household.move", actor__username="coordinator").count()
    assert moves >= batch.entries.count()  # each household referred, some through "shortlisted"
    decided = batch.entries.exclude(decision=ReferralEntry.PENDING).values_list("household", flat=True)
    said = TimelineEvent.objects.filter(household__in=decided, created_by__username="liaison")
    assert len(said) == 4 and all(batch.reference in event.note for event in said)  # notes are encrypted
    for entry in AuditEntry.objects.filter(action="referral.decide"):
        assert set(entry.detail) >= {"batch", "decision"} and "note" not in entry.detail


def test_the_dashboard_finds_its_documentation_verdicts_stored() -> None:
    demo()
    assert DocumentationVerdict.objects.exists()
    scored: list[int] = []
    coverage = documentation_coverage(Household.objects.all(), progress=scored.append)
    assert sum(scored) == 0  # nothing left to score on the first opening
    assert coverage.principals == HOUSEHOLDS and 0 < coverage.well_documented < HOUSEHOLDS


def test_a_second_demo_start_makes_nothing_again() -> None:
    demo()
    audit = AuditEntry.objects.count()
    output = demo()
    assert "not seeding again" in output and "Selection approved" not in output
    assert SelectionRun.objects.count() == 1 and ReferralBatch.objects.count() == 1
    assert AuditEntry.objects.count() == audit
