"""Telling the coordinators, at once, that a household has become emergency priority.

A household is emergency priority when its urgency is "emergency": the level of a reviewer's override
in force, or else of its current assessment. Its *episode* of emergency starts with the assessment or
override that brought it there and lasts while every later one keeps it there; the coordinators are
told once per episode. Reassessing a household that stays in emergency says nothing new; one that
leaves emergency and comes back starts a new episode and is announced again.

The assessment write path announces the households it may have put in emergency
(:class:`haven.events.EmergencyMayHaveStarted`) and :func:`emergency_followup` follows it; ``haven
send-alerts`` runs :func:`emergency_alerts` over every household, to catch any that were missed
(a mail server down at the time). Both keep the same record, so nothing is sent twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from haven.accounts.actor import Actor
from haven.alerts import emails
from haven.alerts.delivery import deliver
from haven.alerts.models import AlertSent
from haven.alerts.recipients import coordinators
from haven.assessment.models import Assessment, AssessmentOverride
from haven.cases.models import Household
from haven.events import EmergencyMayHaveStarted
from haven_core.assessment.urgency import EMERGENCY

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Step:
    """One assessment (``a``) or urgency override (``o``) of a household, in the order it was made."""

    at: dt.datetime
    source: str  # "a" or "o"
    pk: int
    level: str  # for an override, "" when it withdrew an earlier one


def episode_start(steps: Iterable[Step]) -> str | None:
    """The step that began the household's present emergency (``"a12"``, ``"o3"``), or None if the
    household is not emergency priority now. Overrides win over assessments until withdrawn."""
    computed = overridden = ""
    start: str | None = None
    for step in sorted(steps, key=lambda s: (s.at, s.source, s.pk)):
        if step.source == "a":
            computed = step.level
        else:
            overridden = step.level
        if (overridden or computed) == EMERGENCY:
            start = start or f"{step.source}{step.pk}"
        else:
            start = None
    return start


def _episodes(household_ids: Sequence[int]) -> dict[int, str]:
    steps: dict[int, list[Step]] = {pk: [] for pk in household_ids}
    for pk, household, at, level in Assessment.objects.filter(household_id__in=household_ids).values_list(
        "pk", "household_id", "computed_at", "urgency_level"
    ):
        steps[household].append(Step(at, "a", pk, level))
    for pk, household, at, level in AssessmentOverride.objects.filter(
        household_id__in=household_ids, dimension="urgency"
    ).values_list("pk", "household_id", "created_at", "level"):
        steps[household].append(Step(at, "o", pk, level))
    found = {pk: episode_start(s) for pk, s in steps.items()}
    return {pk: f"emergency:{start}" for pk, start in found.items() if start}


def emergency_candidates() -> list[int]:
    """Households that may be emergency priority now: by their current assessment or an override."""
    ids = set(
        Assessment.objects.filter(current=True, urgency_level=EMERGENCY).values_list(
            "household_id", flat=True
        )
    )
    ids |= set(
        AssessmentOverride.objects.filter(dimension="urgency", level=EMERGENCY).values_list(
            "household_id", flat=True
        )
    )
    return sorted(ids)


@dataclass
class EmergencyReport:
    households: int = 0  # newly in emergency and announced (or, in a dry run, to announce)
    emails: int = 0
    no_coordinator: bool = False


def emergency_alerts(
    *, actor: Actor, household_ids: Sequence[int] | None = None, dry_run: bool = False
) -> EmergencyReport:
    """Tell the coordinators of every household (of ``household_ids``) whose present emergency has not
    been announced yet: one email each, naming every such household."""
    report = EmergencyReport()
    ids = list(household_ids) if household_ids is not None else emergency_candidates()
    if not ids:
        return report
    episodes = _episodes(ids)
    told = set(
        AlertSent.objects.filter(household_id__in=list(episodes), kind="emergency").values_list(
            "household_id", "key"
        )
    )
    new = {pk: key for pk, key in episodes.items() if (pk, key) not in told}
    if not new:
        return report
    report.households = len(new)
    households = Household.objects.filter(pk__in=list(new)).only("id", "reference").order_by("reference")
    references = [h.reference for h in households]
    people = coordinators()
    report.no_coordinator = not people
    if dry_run:
        return report
    for user in people:
        email = emails.emergency(references, emails.languages_for(user))
        records = [
            AlertSent(household=h, kind="emergency", key=new[h.pk], window=0, recipient=user)
            for h in households
        ]
        sent = deliver(
            actor=actor,
            recipient=user,
            email=email,
            kind="emergency",
            records=records,
            households=len(records),
        )
        report.emails += int(sent)
    return report


def emergency_followup(event: EmergencyMayHaveStarted) -> None:
    """Once the assessment that put these households in emergency is committed, tell the coordinators.

    A failure (the mail server) must not undo or fail the assessment: it is logged, and the next
    ``haven send-alerts`` announces what was missed.
    """
    try:
        emergency_alerts(actor=event.actor, household_ids=list(event.household_ids))
    except Exception:
        log.exception("alerting the coordinators of an emergency failed")
