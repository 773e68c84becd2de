"""The demo's coordinator and liaison at work: one approved selection, one referral from it, a few decisions.

Made once, by ``haven demo`` right after it seeds, through the same action functions the pages call,
acting as the demo users: the audit trail and the households' timelines say what a real run would.
Nothing is rendered (dossiers render when a batch is exported), so it takes a second or two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from haven.accounts.actor import Actor
from haven.errors import InvalidChange
from haven.referral.actions import referral_batch_create, referral_decision_record
from haven.referral.documents.profiles import profiles
from haven.referral.models import ReferralBatch, ReferralEntry
from haven.selection.actions import selection_run_approve, selection_run_create
from haven.selection.models import SelectionRun
from haven_core.pipeline import Stage
from haven_core.selection import Filters, Parameters

QUOTA = 60  # places (people)

# Households a referral can take now: a run limited to them refers every household it selects.
REFERABLE = frozenset({Stage.ASSESSED.value, Stage.SHORTLISTED.value})

# The liaison's decisions on the first households of the batch, in rank order, with their notes.
DECISIONS: tuple[tuple[str, str], ...] = (
    (ReferralEntry.ACCEPTED, "Accepted for processing; the office will write to the family."),
    (ReferralEntry.ACCEPTED, ""),
    (ReferralEntry.REFUSED, "Outside the current intake of the pathways that apply."),
    (
        ReferralEntry.MORE_INFORMATION,
        "Please add dated proof of the principal's public statements against the war.",
    ),
)


@dataclass
class Made:
    """What the demo workflow made, for ``haven demo`` to print."""

    run: SelectionRun | None = None
    batch: ReferralBatch | None = None
    decisions: dict[str, int] = field(default_factory=dict)
    missing: str = ""  # why nothing (more) was made


def demo_workflow(users: Mapping[str, Any], *, say: Callable[[str], None] = lambda _: None) -> Made:
    """Select, approve, refer and decide as the demo ``coordinator`` and ``liaison`` in ``users``."""
    made = Made()
    coordinator, liaison = users.get("coordinator"), users.get("liaison")
    if coordinator is None or liaison is None:
        made.missing = "the demo coordinator or liaison login is missing"
        return made
    as_coordinator, as_liaison = Actor.for_user(coordinator), Actor.for_user(liaison)
    params = Parameters(quota=QUOTA, filters=Filters(stages=REFERABLE))
    say(f"Selecting up to {QUOTA} places among assessed and shortlisted households, as coordinator")
    run = selection_run_create(actor=as_coordinator, params=params)
    if not run.households_selected:
        made.missing = "no household is assessed or shortlisted and well documented"
        return made
    made.run = selection_run_approve(actor=as_coordinator, run=run)
    known = profiles()
    profile = "officer" if "officer" in known else next(iter(known))
    say(f"Referring the {run.households_selected} selected households to liaison")
    try:
        made.batch = referral_batch_create(
            actor=as_coordinator, run=made.run, recipient=liaison, profile=profile
        )
    except InvalidChange as exc:
        made.missing = str(exc)
        return made
    entries = made.batch.entries.select_related("batch").order_by("rank", "id")
    for entry, (decision, note) in zip(entries, DECISIONS, strict=False):
        referral_decision_record(actor=as_liaison, entry=entry, decision=decision, note=note)
        made.decisions[decision] = made.decisions.get(decision, 0) + 1
    return made
