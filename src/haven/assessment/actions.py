"""The one write path for assessments: assess a household, (re)assess many, override a level.

Each checks permission, writes in ``transaction.atomic`` and records its audit entry in the same
transaction. Audit details carry codes (rules version, dimension, level), never the facts assessed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import multiprocessing
from collections import deque
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.accounts.visibility import can_see
from haven.assessment.facts import household_facts
from haven.assessment.models import Assessment, AssessmentOverride
from haven.assessment.rules import current_rules
from haven.assessment.store import Computed, stored_summary
from haven.audit.record import audit_record
from haven.cases.actions.permission_and_audit import audit
from haven.cases.models import Household
from haven.errors import InvalidChange, NotAllowed
from haven.events import EmergencyMayHaveStarted, publish_on_commit
from haven_core import assessment as core
from haven_core.assessment.review import MIN_JUSTIFICATION, can_override, valid_override
from haven_core.assessment.urgency import EMERGENCY
from haven_core.roles import COALITION_WIDE

BATCH = 1000  # households read, assessed and written together


def urgency_rises(level: str, previous: str | None) -> bool:
    """Whether a new urgency level may have put a household in emergency (cheap check for the writers)."""
    return level == EMERGENCY and previous != EMERGENCY


def _emergency_may_have_started(actor: Actor, household_ids: list[int]) -> None:
    """Announce, once committed, households an assessment or override may have put in emergency
    (alerts tells the coordinators on it)."""
    if household_ids:
        publish_on_commit(EmergencyMayHaveStarted(household_ids=tuple(household_ids), actor=actor))


def _replace_current(rows: list[Assessment], household_ids: list[int]) -> None:
    Assessment.objects.filter(household_id__in=household_ids, current=True).update(current=False)
    Assessment.objects.bulk_create(rows, batch_size=500)


def household_assess(
    *, actor: Actor, household: Household, today: dt.date | None = None, rules: core.RuleSet | None = None
) -> Assessment:
    """Assess one household now and store the result if it differs from the current one."""
    if not can_see(actor, household):
        raise NotAllowed(_("You cannot assess this household."))
    rules = rules or current_rules()
    today = today or timezone.localdate()
    facts = household_facts(Household.objects.filter(pk=household.pk)).get(
        household.pk, core.HouseholdFacts(())
    )
    computed = Computed.of(household.pk, facts, rules, today)
    with transaction.atomic():
        current = Assessment.objects.select_for_update().filter(household=household, current=True).first()
        changed = not computed.same_as(current)
        if changed:
            previous = current.urgency_level if current else None
            current = computed.row(actor.user)
            _replace_current([current], [household.pk])
            if urgency_rises(current.urgency_level, previous):
                _emergency_may_have_started(actor, [household.pk])
        audit(actor, "assessment.compute", household, rules_version=rules.version, changed=changed)
    assert current is not None
    return current


@dataclass
class RunReport:
    """What a run did: how many households were new, changed or unchanged, and what moved."""

    rules: core.RuleSet
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    moved: list[tuple[str, list[core.Move]]] = field(default_factory=list)
    emergencies: list[int] = field(default_factory=list)  # households that rose to emergency

    @property
    def assessed(self) -> int:
        return self.new + self.changed + self.unchanged


# Worker processes compute batches while the parent reads the next batch and writes the last one. They
# are forked, so they share the loaded keys and settings; they never touch the database.
_WORKER: dict[str, Any] = {}


def _start_worker(rules: core.RuleSet, today: dt.date) -> None:
    _WORKER.update(rules=rules, today=today)


def _compute(batch: list[tuple[int, core.HouseholdFacts]]) -> list[Computed]:
    return [Computed.of(pk, facts, _WORKER["rules"], _WORKER["today"]) for pk, facts in batch]


def _pool(jobs: int, rules: core.RuleSet, today: dt.date) -> Any:
    if jobs <= 1:
        return contextlib.nullcontext(None)
    context = multiprocessing.get_context("fork")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(rules, today))


def assessments_run(
    *,
    actor: Actor,
    households: QuerySet[Any] | None = None,
    rules: core.RuleSet | None = None,
    today: dt.date | None = None,
    dry_run: bool = False,
    jobs: int = 1,
    advance: Callable[[int], None] | None = None,
) -> RunReport:
    """(Re)assess ``households`` (all by default) in batches; with ``dry_run`` nothing is written.

    One transaction and one audit entry for the whole run, as for seeding: per-household entries for a
    hundred thousand unchanged results would drown the trail. Whether a household changed is decided by
    its keyed hashes; what moved is its levels and scores compared with its previous current assessment.
    With ``jobs`` above 1 and more than one batch, that many worker processes compute; the result is the
    same whatever the number of jobs.
    """
    if actor.role not in COALITION_WIDE:
        raise NotAllowed(_("Only the coalition's coordinators can reassess every household."))
    rules = rules or current_rules()
    today = today or timezone.localdate()
    households = (households if households is not None else Household.objects.all()).order_by("pk")
    if jobs > 1 and households.count() <= BATCH:
        jobs = 1  # one batch: forking costs more than it saves
    report = RunReport(rules=rules)
    # The engine makes no reference cycles, so the cyclic collector only costs time here (about a tenth
    # of a run); reference counting still frees every batch. It is switched back on at the end.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _run(households, rules, today, report, jobs=jobs, dry_run=dry_run, actor=actor, advance=advance)
    finally:
        if collecting:
            gc.enable()
    return report


def _run(
    households: QuerySet[Any],
    rules: core.RuleSet,
    today: dt.date,
    report: RunReport,
    *,
    jobs: int,
    dry_run: bool,
    actor: Actor,
    advance: Callable[[int], None] | None,
) -> None:
    with transaction.atomic(), _pool(jobs, rules, today) as pool:
        pending: deque[tuple[list[tuple[int, str]], Any]] = deque()
        last, more = 0, True
        while more or pending:
            batch = (
                list(households.filter(pk__gt=last).values_list("pk", "reference")[:BATCH]) if more else []
            )
            more = bool(batch)
            if batch:
                last = batch[-1][0]
                facts = household_facts(Household.objects.filter(pk__gte=batch[0][0], pk__lte=last))
                items = [(pk, facts.get(pk, core.HouseholdFacts(()))) for pk, _ in batch]
                pending.append(
                    (batch, pool.submit(_compute, items) if pool else _computed_now(items, rules, today))
                )
            if pending and (not more or len(pending) > jobs):
                done, computed = pending.popleft()
                results = computed.result() if pool else computed
                _store_batch(done, results, report, write=not dry_run, user=actor.user)
                if advance:
                    advance(len(done))
        if not dry_run:
            _emergency_may_have_started(actor, report.emergencies)
            detail = {"rules_version": rules.version, "new": report.new, "changed": report.changed}
            audit_record(
                actor=actor.user,
                action="assessment.run",
                ip=actor.ip,
                detail={**detail, "unchanged": report.unchanged},
            )


def _computed_now(
    items: list[tuple[int, core.HouseholdFacts]], rules: core.RuleSet, today: dt.date
) -> list[Computed]:
    return [Computed.of(pk, facts, rules, today) for pk, facts in items]


def _store_batch(
    batch: list[tuple[int, str]], computed: list[Computed], report: RunReport, *, write: bool, user: Any
) -> None:
    ids = [pk for pk, _ in batch]
    fields = ("household_id", "rules_digest", "inputs_hash", "result_hash", *_SUMMARY_FIELDS)
    stored = {
        row.household_id: row
        for row in Assessment.objects.filter(household_id__in=ids, current=True).only(*fields)
    }
    references = dict(batch)
    rows = []
    for fresh in computed:
        previous = stored.get(fresh.household_id)
        if fresh.same_as(previous):
            report.unchanged += 1
            continue
        if previous is None:
            report.new += 1
        else:
            report.changed += 1
            if moves := core.moves(stored_summary(previous), fresh.summary):
                report.moved.append((references[fresh.household_id], moves))
        rows.append(fresh.row(user))
        if urgency_rises(fresh.summary.urgency_level, previous.urgency_level if previous else None):
            report.emergencies.append(fresh.household_id)
    if write and rows:
        _replace_current(rows, [row.household_id for row in rows])


_SUMMARY_FIELDS = (
    "risk_level",
    "risk_score",
    "vulnerability_level",
    "vulnerability_score",
    "urgency_level",
    "urgency_score",
    "urgency_date",
)


def assessment_override(
    *, actor: Actor, household: Household, dimension: str, level: str, justification: str
) -> AssessmentOverride:
    """A reviewer's or coordinator's level for one dimension, kept beside the computed one.

    ``level`` empty withdraws an earlier override (also with a justification).
    """
    if not can_override(actor.role):
        raise NotAllowed(_("Only reviewers and coordinators can override an assessment."))
    if not can_see(actor, household):
        raise NotAllowed(_("You cannot change this household."))
    if not valid_override(dimension, level):
        raise InvalidChange(_("Choose a level of this dimension."))
    justification = justification.strip()
    if len(justification) < MIN_JUSTIFICATION:
        raise InvalidChange(
            _("Write a justification of at least %(count)d characters.") % {"count": MIN_JUSTIFICATION}
        )
    current = Assessment.objects.filter(household=household, current=True).first()
    if current is None:
        raise InvalidChange(_("Assess the household before overriding its assessment."))
    with transaction.atomic():
        override = AssessmentOverride.objects.create(
            household=household,
            assessment=current,
            dimension=dimension,
            computed_level=getattr(current, f"{dimension}_level"),
            level=level,
            justification=justification,
            reviewer=actor.user,
        )
        audit(
            actor,
            "assessment.override",
            household,
            target=str(override.public_id),
            dimension=dimension,
            level=level or "withdrawn",
            computed_level=override.computed_level,
        )
        if dimension == "urgency":  # setting or withdrawing it may put the household in emergency
            _emergency_may_have_started(actor, [household.pk])
    return override


def effective_overrides(household: Household) -> dict[str, AssessmentOverride]:
    """The override in force per dimension: the latest, unless it withdrew an earlier one."""
    latest: dict[str, AssessmentOverride] = {}
    for override in household.assessment_overrides.select_related("reviewer").order_by("-created_at", "-id"):
        latest.setdefault(override.dimension, override)
    return {dimension: o for dimension, o in latest.items() if o.level}
