"""The demo's coordinators and liaison at work: one selection made by ``coordinator`` and approved by
``coordinator2``, one referral from it, a few decisions; then the reviewers finish the review of the
emergencies that were well documented, so that a new selection has emergencies to refer.

Made once, by ``haven demo`` right after it seeds, through the same action functions the pages call,
acting as the demo users: the audit trail and the households' timelines say what a real run would.
Nothing is rendered (dossiers render when a batch is exported), so it takes a second or two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from haven.accounts.actor import Actor
from haven.cases.actions import household_move
from haven.consent.actions import consent_record
from haven.consent.queries import adult
from haven.errors import InvalidChange
from haven.referral.actions import referral_batch_create, referral_decision_record
from haven.referral.documents.profiles import profiles
from haven.referral.models import ReferralBatch, ReferralEntry
from haven.selection.actions import selection_run_approve, selection_run_create
from haven.selection.inputs import read_households
from haven.selection.models import SelectionRun
from haven_core.pipeline import Stage
from haven_core.selection import Parameters

QUOTA = 60  # places (people)


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
    emergencies_ready: int = 0  # emergencies whose review the demo reviewers finished


def demo_workflow(users: Mapping[str, Any], *, say: Callable[[str], None] = lambda _: None) -> Made:
    """Select, approve, refer and decide as the demo ``coordinator`` and ``liaison`` in ``users``."""
    made = Made()
    coordinator, liaison = users.get("coordinator"), users.get("liaison")
    approver = users.get("coordinator2") or users.get("admin")
    if coordinator is None or liaison is None or approver is None:
        made.missing = "the demo coordinators or liaison login is missing"
        return made
    as_coordinator, as_liaison = Actor.for_user(coordinator), Actor.for_user(liaison)
    params = Parameters(quota=QUOTA)
    say(f"Selecting up to {QUOTA} places among the households ready for referral, as coordinator")
    run = selection_run_create(actor=as_coordinator, params=params)
    if not run.households_selected:
        made.missing = "no household can be referred now"
        return made
    say(f"Approving it as {approver.get_username()}")
    made.run = selection_run_approve(actor=Actor.for_user(approver), run=run)
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
    made.emergencies_ready = ready_emergencies(users, say=say)
    return made


def ready_emergencies(users: Mapping[str, Any], *, say: Callable[[str], None] = lambda _: None) -> int:
    """Finish the review of the emergencies whose principal is well documented but which are still being
    documented or waiting for review: their caseworker records each adult's consent where missing and
    sends the household to review, their reviewer moves it to "assessed". Returns how many."""
    rows = [
        r
        for r in read_households()
        if r.candidate.emergency
        and r.candidate.well_documented
        and r.household.stage in (Stage.DOCUMENTING.value, Stage.READY_FOR_REVIEW.value)
    ]
    say(f"Finishing the review of {len(rows)} well-documented emergencies, as their organisations")
    done = 0
    for row in rows:
        household = row.household
        number = _number_of(household.organisation, users)
        caseworker, reviewer = users.get(f"caseworker{number}"), users.get(f"reviewer{number}")
        if caseworker is None or reviewer is None:
            continue
        as_caseworker = Actor.for_user(caseworker)
        consented = {a.key for a in row.facts.adults if a.consents}
        for person in household.people.all():
            if adult(person) and str(person.pk) not in consented:
                consent_record(
                    actor=as_caseworker,
                    household=household,
                    person=person,
                    officials=True,
                    sponsors=True,
                    given_on=timezone.localdate(),
                )
        if household.stage == Stage.DOCUMENTING.value:
            household_move(actor=as_caseworker, household=household, stage=Stage.READY_FOR_REVIEW)
        household_move(actor=Actor.for_user(reviewer), household=household, stage=Stage.ASSESSED)
        done += 1
    return done


def _number_of(organisation: Any, users: Mapping[str, Any]) -> int | None:
    """The number of the demo organisation's logins (caseworker1 works for the first, …)."""
    for name, user in users.items():
        membership = getattr(user, "membership", None)
        if name.startswith("caseworker") and membership and membership.organisation_id == organisation.pk:
            return int(name.removeprefix("caseworker"))
    return None
