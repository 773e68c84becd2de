"""The one write path for selection runs: create one, approve one. Only a coordinator may do either.

Each records its audit entry in the same transaction. Audit details carry counts and parameters'
shape (quota, limits), never which households were chosen: that list is sealed in the run itself.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.assessment.rules import current_rules
from haven.audit.record import audit_record
from haven.errors import InvalidChange, NotAllowed
from haven.selection.inputs import candidates as read_candidates
from haven.selection.models import SelectionRun
from haven.selection.results import WHAT_IF_QUOTAS, selection_dict
from haven_core.roles import Role
from haven_core.selection import Candidate, Parameters, SelectionError, select, what_if


def ensure_coordinator(actor: Actor) -> None:
    if actor.role != Role.COORDINATOR:
        raise NotAllowed(_("Only the coalition coordinator can make or approve a selection."))


def compute(
    params: Parameters, inputs: Sequence[Candidate], quotas: Sequence[int] = WHAT_IF_QUOTAS
) -> dict[str, object]:
    """The selection and what-if table for these inputs, as JSON-ready data (no database)."""
    try:
        return selection_dict(select(inputs, params), what_if(inputs, params, quotas))
    except (SelectionError, ValueError) as exc:
        raise InvalidChange(str(exc)) from exc


def selection_run_create(
    *,
    actor: Actor,
    params: Parameters,
    inputs: Sequence[Candidate] | None = None,
    quotas: Sequence[int] = WHAT_IF_QUOTAS,
) -> SelectionRun:
    """Select from the current households (or ``inputs``) and save the run with what it was made from."""
    ensure_coordinator(actor)
    inputs = list(read_candidates() if inputs is None else inputs)
    results = compute(params, inputs, quotas)
    exact, greedy = results["exact"], results["greedy"]
    assert isinstance(exact, dict) and isinstance(greedy, dict)
    with transaction.atomic():
        run = SelectionRun.objects.create(
            created_by=actor.user,
            quota=params.quota,
            parameters=params.to_dict(),
            rules_version=current_rules().version,
            inputs=json.dumps([c.to_dict() for c in inputs]),
            results=json.dumps(results),
            households_selected=exact["households"],
            people_selected=exact["people"],
            total_priority=exact["priority"],
            greedy_priority=greedy["priority"],
        )
        audit_record(
            actor=actor.user,
            action="selection.create",
            target=str(run.public_id),
            ip=actor.ip,
            detail={
                "quota": params.quota,
                "households_considered": len(inputs),
                "households_selected": exact["households"],
                "people_selected": exact["people"],
                "pins": len(params.pins),
                "per_organisation": params.limits.per_organisation,
            },
        )
    return run


def selection_run_approve(*, actor: Actor, run: SelectionRun) -> SelectionRun:
    ensure_coordinator(actor)
    with transaction.atomic():
        run = SelectionRun.objects.select_for_update().get(pk=run.pk)
        if run.approved:
            raise InvalidChange(_("This selection is already approved."))
        run.approved_at, run.approved_by = timezone.now(), actor.user
        run.save(update_fields=["approved_at", "approved_by"])
        audit_record(
            actor=actor.user,
            action="selection.approve",
            target=str(run.public_id),
            ip=actor.ip,
            detail={"quota": run.quota, "households_selected": run.households_selected},
        )
    return run


def selection_run_repeat(run: SelectionRun) -> dict[str, object]:
    """The same run again, from its saved parameters and inputs (no database reads, nothing saved)."""
    params = Parameters.from_dict(run.parameters)
    inputs = [Candidate.from_dict(c) for c in json.loads(run.inputs)]
    quotas = [row["quota"] for row in json.loads(run.results)["what_if"]]
    return compute(params, inputs, quotas)


def selection_view(*, actor: Actor, run: SelectionRun) -> None:
    """Record that ``actor`` opened a run's page: it lists who was and was not put forward, so opening it
    is recorded like opening a case."""
    audit_record(actor=actor.user, action="selection.view", target=str(run.public_id), ip=actor.ip)


def selection_preview(*, actor: Actor, quota: int, households_considered: int, source: str) -> None:
    """Record a selection computed and shown but not saved (``haven select``): its quota and how many
    households it considered, never which."""
    with transaction.atomic():
        audit_record(
            actor=actor.user,
            action="selection.preview",
            ip=actor.ip,
            detail={"quota": quota, "households_considered": households_considered, "source": source},
        )
